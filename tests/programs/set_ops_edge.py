# set operations with non-set iterables, in-place forms, self operations
s = {1, 2, 3}
print(s.union(), s.intersection(), s.difference(), s.union([3, 4], (5,), "a" if False else []))
print(s.intersection([2, 3, 3, 9]), s.difference(range(2)), s.symmetric_difference((3, 4, 4)), s.issubset([1, 2, 3, 4]), s.issuperset((1,)))
t = set(s)
t.update(); t.update([9], {10}); print(t)
t.intersection_update([1, 9, 10], {1, 10}); print(t)
t.difference_update(); t.difference_update([10]); print(t)
u = {1, 2}
u &= u; print(u)
u |= u; print(u)
u ^= u; print(u)
v = {1, 2}
v -= v; print(v)
try:
    s | [4]
except TypeError as e:
    print("TypeError:", e)
try:
    s.union(5)
except TypeError as e:
    print("TypeError:", e)
w = {1, 2, 3}
x = w
w -= {1}
print(x is w, x)
print(set("abc") - set("b") == {"a", "c"}, {1, 2} ^ {2, 3} == {1, 3}, frozenset([1, 2]) & {2, 3}, {2, 3} & frozenset([1, 2]))
print(sorted({(1, 2), (1, 2), (2, 1)}), {0, 0.0, -0.0, False}, len({1, 1.0, True}))
