class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, int):
            return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd")
        return self + o
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __rmul__(self, k): return V(self.x * k * 10, self.y * k * 10)
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k): return V(self.x ** k, self.y ** k)
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return V(+self.x, +self.y)
    def __invert__(self): return V(~self.x, ~self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5

a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a)
print(b / 2, b // 2, b % 2, a ** 2, a @ b)
print(a & b, a | b, a ^ b, a << b, a >> b)
print(-a, +a, ~a, abs(b))
try:
    a + "s"
except TypeError as e:
    print(e)
try:
    "s" + a
except TypeError as e:
    print(e)
try:
    a < b
except TypeError as e:
    print(e)
try:
    -object()
except TypeError as e:
    print(e)
