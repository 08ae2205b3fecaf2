class logged_property(property):
    def __get__(self, obj, objtype=None):
        if obj is not None:
            print("get", self.fget.__name__)
        return super().__get__(obj, objtype)
    def __set__(self, obj, value):
        print("set", value)
        super().__set__(obj, value)

class C:
    def __init__(self):
        self._x = 1
    @logged_property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v

c = C()
print(c.x)
c.x = 5
print(c.x, type(C.__dict__["x"]).__name__, isinstance(C.__dict__["x"], property))

class upper_property(property):
    def __init__(self, fget, *rest):
        super().__init__(lambda obj: fget(obj).upper(), *rest)
class D:
    @upper_property
    def name(self):
        return "quiet"
print(D().name)
try:
    D().name = "x"
except AttributeError as e:
    print(e)

class Abstract:
    __abstractmethods__ = ("area", "perimeter")
    def area(self):
        pass
try:
    Abstract()
except TypeError as e:
    print(e)
class One:
    __abstractmethods__ = ["go"]
try:
    One()
except TypeError as e:
    print(e)
class Concrete:
    __abstractmethods__ = ()
print(type(Concrete()).__name__)
Abstract.__abstractmethods__ = ("perimeter", "area")
try:
    Abstract()
except TypeError as e:
    print(e)
One.__abstractmethods__ = ["go"]
try:
    One()
except TypeError as e:
    print(e)
One.__abstractmethods__ = []
print(type(One()).__name__)
