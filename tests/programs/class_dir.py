class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
    def __dir__(self):
        return ["zeta", "alpha"] + super().__dir__()[:0]

class Plain(Base):
    def __init__(self):
        self.mine = 0

names = [n for n in dir(Plain()) if not n.startswith("__")]
print(names)
print([n for n in dir(Plain) if not n.startswith("__")])
print(dir(Child()))
print("__init__" in dir(Plain), "__class__" in dir(Plain()), "mro" in dir(Plain))
class Meta(type):
    def meta_method(cls):
        pass
class WithMeta(metaclass=Meta):
    x = 1
print("meta_method" in dir(WithMeta), "x" in dir(WithMeta))
def f():
    a = 1
    b = 2
    return dir()
print(f())
class Body:
    p = 1
    q = dir()
print(Body.q)
print(len(dir(object())) > 10, dir(5) == dir(int) or True)
class Cp:
    @classmethod
    @property
    def name(cls):
        return "class property of " + cls.__name__
print(Cp.name)
class MetaRepr(type):
    def __repr__(cls):
        return f"<MetaRepr {cls.__name__}>"
class R(metaclass=MetaRepr):
    pass
print(R, repr(R), [R])
