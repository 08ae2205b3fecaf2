# Tuples: packing, unpacking, indexing, slicing, comparison, nesting.
t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[:2], t[::-1])
print((), (1,), (1, 2) + (3,), (0,) * 3)
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
pair = 10, 20
print(pair, type(pair).__name__)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(2 in (1, 2, 3), "z" in ("a", "b"))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2, 3) > (1, 2))

def divmod_pair(a, b):
    return a // b, a % b


q, r = divmod_pair(17, 5)
print(q, r, divmod_pair(-17, 5))
for i, word in ((1, "one"), (2, "two")):
    print(i, word)
