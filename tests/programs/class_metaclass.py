class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], kw)
        ns["added"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return f"class {cls.__name__}"

class A(metaclass=Meta):
    def __init__(self, x):
        self.x = x

class B(A, flag=True):
    pass

a = A(1)
b = B(2)
print(a.x, b.x, A.added, B.added)
print(type(A).__name__, type(B).__name__, isinstance(A, Meta), isinstance(a, Meta))
print(A.describe(), B.describe())
try:
    a.describe()
except AttributeError as e:
    print(e)
print(Meta.__mro__)

class M2(type):
    pass
try:
    class C(A, metaclass=M2):
        pass
except TypeError as e:
    print(e)

class SubMeta(Meta):
    pass
class D(A, metaclass=SubMeta):
    pass
print(type(D).__name__)
