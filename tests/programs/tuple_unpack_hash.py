# tuples: packing, unpacking, nesting, hash equality across kinds
t = 1, 2, 3
a, b, c = t
(x, y), z = (1, 2), 3
print(t, a + b + c, x, y, z, (1,) * 3, () + (), tuple("xy") + (1,))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(("a",)) == hash(("a",)), (1, 2) == (1.0, 2.0), {(1, 2): "a"}[(1.0, 2.0)])
print(sorted([(2, "b"), (1, "z"), (2, "a")]), min([(3, 1), (1, 9)]), tuple(sorted((3, 1, 2))))
nested = ((1, (2, (3, (4,)))),)
print(nested, len(nested), nested[0][1][1][1][0])
try:
    a, b = t
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c, d = t
except ValueError as e:
    print("ValueError:", e)
