# set and frozenset methods and operators
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([4, 5, 9]))
print(a <= b, a < a | b, a >= {1}, a > {1, 2, 3, 4}, a == {4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
c = set(a); c.add(10); c.remove(1); c.discard(99); print(c, len(c), 10 in c)
c.update("ab", [20]); print(sorted(map(str, c)))
c.difference_update({2, 3}); c.intersection_update(range(100)); print(c)
c.symmetric_difference_update({4, 50}); print(c)
d = {1, 2}
d |= {3}; d &= {1, 3, 5}; d -= {5}; d ^= {9}; print(d)
e = {1, 2, 3}
print(e.pop(), e.pop(), e, e.copy(), e.clear(), e)
f = frozenset([1, 2, 3])
print(f, f | {4}, f & {2}, type(f | {4}).__name__, {4} | f, type({4} | f).__name__, f.copy() is f)
print(hash(frozenset()), hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])), hash(frozenset({1, 2})))
print({frozenset([1]): "x"}[frozenset({1})], {1, 2} == frozenset([1, 2]), frozenset([1]) in {frozenset([1])})
print({1} in [{1}], set() == set(), set(), frozenset(), repr(set([()])))
for fn in (lambda: set().pop(), lambda: {1}.remove(2), lambda: hash({1}), lambda: {[1]}, lambda: {1} + {2}):
    try:
        fn()
    except (KeyError, TypeError) as ex:
        print(type(ex).__name__ + ":", ex)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as ex:
    print("RuntimeError:", ex)
print({2, 1} & {1: "a", 2: "b"}.keys(), {1, 2}.issubset({1: 0, 2: 0}))
