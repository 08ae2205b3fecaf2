class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]
    def hello(self):
        return "Base"

class A(Base):
    def __init__(self):
        print("A.__init__")
        super().__init__()
        self.trail.append("A")
    def hello(self):
        return "A>" + super().hello()

class B(Base):
    def __init__(self):
        print("B.__init__")
        super().__init__()
        self.trail.append("B")
    def hello(self):
        return "B>" + super().hello()

class C(A, B):
    def __init__(self):
        print("C.__init__")
        super().__init__()
        self.trail.append("C")
    def hello(self):
        return "C>" + super().hello()

c = C()
print(c.trail)
print(c.hello())
print(super(A, c).hello())
print(super(C, c).hello())
print(super(B, c).hello())

class M:
    @classmethod
    def create(cls):
        return cls.__name__
class N(M):
    @classmethod
    def create(cls):
        return "N+" + super().create()
print(N.create())
try:
    super(int, c)
except TypeError as e:
    print(e)
s = super(A, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is c, s.__self_class__.__name__)
