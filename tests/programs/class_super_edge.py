class A:
    def __init__(self):
        self.log = ["A"]
    def greet(self):
        return "A"
    @property
    def prop(self):
        return "A.prop"
    def __repr__(self):
        return "A-repr"

class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def greet(self):
        return "B>" + super().greet()
    @property
    def prop(self):
        return "B>" + super().prop
    def __repr__(self):
        return "B>" + super().__repr__()
    def cls_of_super(self):
        return super().__class__.__name__
    def via_getattr(self):
        return getattr(super(), "greet")()

b = B()
print(b.log, b.greet(), b.prop, repr(b), b.cls_of_super(), b.via_getattr())
try:
    super(B, b).x = 1
except AttributeError as e:
    print("AttributeError:", e)
class C(B):
    def greet(self):
        s = super()
        return "C>" + s.greet()
print(C().greet())
class WithNew:
    def __new__(cls, *a):
        self = super().__new__(cls)
        self.made_by_new = True
        return self
class Child(WithNew):
    def __new__(cls, v):
        self = super().__new__(cls, v)
        self.v = v
        return self
c = Child(3)
print(c.made_by_new, c.v)
class M(type):
    def __new__(mcs, name, bases, ns):
        return super().__new__(mcs, name, bases, ns)
    def describe(cls):
        return "M.describe " + cls.__name__
class WithM(metaclass=M):
    @classmethod
    def hi(cls):
        return super().__init_subclass__ is not None
print(WithM.describe(), WithM.hi())
