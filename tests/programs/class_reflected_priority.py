class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
    def __lt__(self, o):
        return "Base.lt"
    def __gt__(self, o):
        return "Base.gt"

class Derived(Base):
    def __radd__(self, o):
        return "Derived.radd"
    def __gt__(self, o):
        return "Derived.gt"

b, d = Base(), Derived()
print(b + d)
print(d + b)
print(1 + b, 1 + d)
print(b < d)
print(d < b)

class Same(Base):
    pass
print(b + Same(), Same() + b)

class NI:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
    def __eq__(self, o):
        return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print(e)
x = NI()
print(x == x, x == NI(), x != NI())

class R:
    def __rsub__(self, o):
        return f"rsub({o})"
    def __rtruediv__(self, o):
        return f"rtruediv({o})"
    def __rpow__(self, o):
        return f"rpow({o})"
    def __rmod__(self, o):
        return f"rmod({o})"
    def __rfloordiv__(self, o):
        return f"rfloordiv({o})"
    def __rmatmul__(self, o):
        return f"rmatmul({o})"
    def __rand__(self, o):
        return "rand"
    def __ror__(self, o):
        return "ror"
    def __rxor__(self, o):
        return "rxor"
    def __rlshift__(self, o):
        return "rlshift"
    def __rrshift__(self, o):
        return "rrshift"
r = R()
print(5 - r, 5 / r, 2 ** r, 7 % r, 7 // r, [1] @ r if False else "skip", 1 & r, 1 | r, 1 ^ r, 1 << r, 1 >> r)
print("%s" % "x" if False else "str % obj:", "a" % r if hasattr(R, "__rmod__") else "")
