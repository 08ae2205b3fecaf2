class A:
    pass
class B:
    def __add__(self, o):
        return NotImplemented
a, b = A(), B()
ops = [
    lambda: a + 1, lambda: 1 + a, lambda: a - a, lambda: a * "x", lambda: a / 2,
    lambda: a // 2, lambda: a % 2, lambda: a ** 2, lambda: a @ a, lambda: a & 1,
    lambda: a | 1, lambda: a ^ 1, lambda: a << 1, lambda: a >> 1, lambda: b + b,
    lambda: -a, lambda: +a, lambda: ~a, lambda: a < a, lambda: a >= 1, lambda: abs(a),
]
for op in ops:
    try:
        op()
    except TypeError as e:
        print(e)
x = A()
try:
    x += 1
except TypeError as e:
    print(e)
try:
    x **= 2
except TypeError as e:
    print(e)
