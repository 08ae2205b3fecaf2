class Rec:
    def __init__(self):
        self.ops = []

def install(cls):
    for name in ["__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__",
                 "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__",
                 "__iand__", "__ixor__", "__ior__"]:
        def make(n):
            def method(self, other):
                self.ops.append(n)
                return self
            return method
        setattr(cls, name, make(name))
    return cls

R = install(Rec)
r = R()
r += 1; r -= 1; r *= 1; r @= 1; r /= 1; r //= 1; r %= 1; r **= 1
r <<= 1; r >>= 1; r &= 1; r ^= 1; r |= 1
print(r.ops)
class Fallback:
    def __init__(self, v):
        self.v = v
    def __add__(self, o): return Fallback(self.v + o)
    def __pow__(self, o): return Fallback(self.v ** o)
    def __rshift__(self, o): return Fallback(self.v >> o)
f = Fallback(2)
g = f
f += 3; f **= 2; f >>= 1
print(f.v, g.v, f is g)
class ReturnsNI:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "used __add__"
x = ReturnsNI()
x += 1
print(x)
class Reflect:
    def __radd__(self, o):
        return "radd used for +="
y = 5
y += Reflect()
print(y)
