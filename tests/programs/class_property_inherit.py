class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        print("Base setter", x)
        self._v = x

class Child(Base):
    @Base.v.setter
    def v(self, x):
        print("Child setter", x)
        Base.v.fset(self, x * 10)

class ReadOnlyChild(Base):
    @property
    def v(self):
        return "child:" + str(super().v)

c = Child()
c.v = 2
print(c.v)
r = ReadOnlyChild()
print(r.v)
try:
    r.v = 3
except AttributeError as e:
    print(e)
b = Base()
b.v = 5
print(b.v, Base.v.fget is Child.v.fget, Base.v.fset is Child.v.fset)

class Lazy:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return 42
l = Lazy()
print(l.value, l.value, l.calls)
class Computed:
    width = 3
    height = 4
    area = property(lambda self: self.width * self.height)
print(Computed().area)
