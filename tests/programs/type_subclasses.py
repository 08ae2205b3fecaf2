# type.__subclasses__(): direct subclasses, in creation order, dropped when freed.
import gc


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print(A.__subclasses__())
print(B.__subclasses__(), C.__subclasses__(), D.__subclasses__())
print(type.__subclasses__(A) == A.__subclasses__())


def make():
    class Temp(A):
        pass
    return Temp


t = make()
print([k.__name__ for k in A.__subclasses__()])
del t
gc.collect()
print([k.__name__ for k in A.__subclasses__()])

Dyn = type("Dyn", (C,), {})
print(C.__subclasses__())


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


print(type.__subclasses__(Meta), WithMeta.__subclasses__())
print(bool in int.__subclasses__())
try:
    A.__subclasses__(1)
except TypeError as e:
    print("TypeError:", e)
