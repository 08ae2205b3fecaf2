x = 1
y = x + 2 * 3
print(x, y, -x, not x, ~y)
s = "hello"
b = b"bytes"
f = 1.5
n = None
t = (1, 2, 3)
l = [1, 2, x]
d = {"a": 1, "b": y}
st = {1, 2, 3}
print(s, b, f, n, t, l, d, st)
big = 2 ** 100
print(big, 10 // 3, 10 % 3, 7 / 2, 1 << 5)
print(True | False, True & True, True ^ True, True + True, -True, ~False, not 0, "abc"[1], (1, 2)[-1])
