# list slicing, slice assignment and deletion
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:], a[:-7], a[5:2], a[5:2:-1], a[100:], a[-100:2])
b = a[:]
b[2:5] = []; print(b)
b[0:0] = ["s"]; print(b)
b[len(b):] = ["e"]; print(b)
b[1::2] = "xxxxx"[:len(b[1::2])]; print(b)
del b[::2]; print(b)
del b[:]; print(b)
c = [1, 2, 3]
c[1:2] = range(5); print(c)
c[:] = (9,); print(c)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
n = [[0] * 3 for _ in range(3)]
n[1][1] = 5
print(n, [row[1] for row in n])
