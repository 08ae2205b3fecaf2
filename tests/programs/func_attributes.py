def f(a, b=2, *args, c, d=4, **kw):
    """Doc of f."""
    return a

print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames)
print(f.__globals__ is globals(), f.__closure__)
f.custom = "attr"
print(f.custom, f.__dict__)
f.__defaults__ = (20,)
print(f(1, c=3))
f.__name__ = "renamed"
print(f.__name__)
def g(x: int, y: "str" = "s") -> bool:
    pass
print(g.__annotations__)
def h():
    pass
print(h.__annotations__, h.__defaults__, h.__kwdefaults__, h.__doc__)
class K:
    def m(self):
        pass
    class Inner:
        def deep(self):
            def local():
                pass
            return local
print(K.m.__qualname__, K.Inner.deep.__qualname__, K.Inner().deep().__qualname__)
print((lambda: 0).__name__, (lambda: 0).__qualname__)
f.__kwdefaults__ = {"c": 9}
print(f(1))
