# Lists: indexing, assignment, slicing, len, in, concatenation, repetition.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[::3])
a[0] = 30
a[-1] = a[-1] * 10
print(a)
print(4 in a, 7 in a, 7 not in a)
b = a + [100, 200]
print(b, len(b))
print([0] * 5, [1, 2] * 2, [] * 3)
nested = [[1, 2], [3, 4], [5, 6]]
print(nested[1][0], nested[-1][-1], len(nested))
nested[0][1] = 20
print(nested)
c = a
c[1] = -1
print(a[1], a == c, a is c)
d = a[:]
d[2] = 0
print(a[2], d[2])
empty = []
print(empty, len(empty), repr([1, "two", 3.0, None, True, [4]]))
total = 0
for x in a:
    total += x
print(total)
