# copies, aliasing and identity of lists and tuples
a = [1, [2, 3]]
b = a.copy()
c = a[:]
d = list(a)
b[1].append(4)
print(a, b is a, b[1] is a[1], c == a, d == a)
t = (1, 2)
print(tuple(t) is t, t[:] is t, t + () == t, t * 1 == t)
e = [[]] * 3
e[0].append(1)
print(e)
f = [[] for _ in range(3)]
f[0].append(1)
print(f)
g = [1, 2, 3]
h = g
h += [4]
print(g, g is h)
h = h + [5]
print(g, h, g is h)
