class SingletonMeta(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=SingletonMeta):
    def __init__(self, value=0):
        print("init Config", value)
        self.value = value

c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.value)

class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls

class Base(metaclass=Registry): pass
class One(Base): pass
class Two(Base): pass
print(Registry.classes)

class Attrs(type):
    def __getattr__(cls, name):
        return f"meta-{name}"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class X(metaclass=Attrs):
    real = 1
print(X.real, X.missing, X.upper_name)
