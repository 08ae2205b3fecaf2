def init(self, v):
    self.v = v
Dyn = type("Dyn", (), {"init_count": 0, "__init__": init, "show": lambda self: f"Dyn({self.v})"})
d = Dyn(3)
print(d.show(), Dyn.__name__, Dyn.__qualname__, Dyn.__module__, Dyn.__bases__)
Sub = type("Sub", (Dyn,), {})
print(Sub(4).show(), Sub.__mro__)
print(type(5), type("s"), type(Dyn), type(type))
try:
    type("X", (), {}, 1)
except TypeError as e:
    print(e)
try:
    type("X", 1, {})
except TypeError as e:
    print(e)
try:
    type("X", (), 5)
except TypeError as e:
    print(e)
try:
    type(1, (), {})
except TypeError as e:
    print(e)
try:
    type()
except TypeError as e:
    print(e)
Q = type("Q", (), {"__qualname__": "Outer.Q", "__doc__": "docs"})
print(Q.__qualname__, Q.__name__, Q.__doc__, Q)
Q.__name__ = "Renamed"
print(Q.__name__, Q)
print(type.__new__(type, "N", (), {}).__name__)
