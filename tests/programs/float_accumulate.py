# Float accumulation in loops: rounding error shows in the repr, as in CPython.
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
x = 1.0
for i in range(20):
    x = x / 3.0
print(x)
h = 0.0
for k in range(1, 101):
    h += 1.0 / k
print(h)
y = 2.0
for i in range(6):
    y = (y + 2.0 / y) / 2.0
print(y, y * y)
print(1e22, 1e21, 1e-4 * 3, 123e-20, -2.5e-8)
print(0.1 * 0.1, 1.1 * 1.1, 100.0 / 7.0)
