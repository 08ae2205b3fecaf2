class abstractclassmethod(classmethod):
    __isabstractmethod__ = True
    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)

class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True
    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)

class Base:
    @abstractclassmethod
    def make(cls):
        return "made " + cls.__name__
    @abstractstaticmethod
    def util(x):
        return x * 2

print(Base.make(), Base().make(), Base.util(4))
d = Base.__dict__["make"]
print(type(d).__name__, isinstance(d, classmethod), d.__isabstractmethod__, d.__func__.__isabstractmethod__)
print(Base.__dict__["util"].__isabstractmethod__, staticmethod(len).__isabstractmethod__)
def f():
    pass
f.__isabstractmethod__ = True
print(classmethod(f).__isabstractmethod__)

class traced(staticmethod):
    def __get__(self, obj, objtype=None):
        print("traced get", objtype.__name__)
        return super().__get__(obj, objtype)
class T:
    @traced
    def s(a):
        return a + 1
print(T.s(1), T().s(2))
print(T.__dict__["s"](10))
