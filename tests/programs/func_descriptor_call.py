def f(self, x=1):
    return ("f", type(self).__name__, x)
class A:
    pass
a = A()
bm = f.__get__(a, A)
print(bm(), bm(5), bm.__self__ is a, f.__get__(None, A) is f)
print(hasattr(f, "__call__"), hasattr(len, "__call__"), hasattr(bm, "__call__"), hasattr(A, "__call__"))
print(f.__call__(a, 2), len.__call__([1, 2]), bm.__call__(9))
A.g = f
print(a.g(3))
class Wrapper:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        return self.fn.__get__(obj, objtype) if obj is not None else self
class B:
    m = Wrapper(f)
print(B().m(7), type(B.m).__name__)
