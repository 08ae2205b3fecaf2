# frozenset hashing is order independent and set-of-frozensets order is CPython's
fs = [frozenset(), frozenset([1]), frozenset([1, 2]), frozenset([2, 1]), frozenset(range(10)), frozenset("abc"), frozenset([(1, 2)])]
for f in fs:
    print(f, hash(f))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print({frozenset([i, i + 1]) for i in range(5)})
print(frozenset({frozenset({1, 2}), frozenset({3})}))
x = {1, 2, 3}
x.discard(2)
print(hash(frozenset(x)) == hash(frozenset([1, 3])))
