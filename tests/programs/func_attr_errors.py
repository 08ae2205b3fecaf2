def f(a=1, *, k=2):
    return a, k
def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (TypeError, AttributeError, ValueError) as e:
        print(label, type(e).__name__, e)
attempt("defaults=5", lambda: setattr(f, "__defaults__", 5))
attempt("kwdefaults=5", lambda: setattr(f, "__kwdefaults__", 5))
attempt("name=5", lambda: setattr(f, "__name__", 5))
attempt("qualname=5", lambda: setattr(f, "__qualname__", 5))
attempt("globals", lambda: setattr(f, "__globals__", {}))
attempt("closure", lambda: setattr(f, "__closure__", ()))
attempt("del name", lambda: delattr(f, "__name__"))
attempt("del defaults", lambda: delattr(f, "__defaults__"))
print(f.__defaults__)
attempt("call after del defaults", lambda: f())
attempt("del kwdefaults", lambda: delattr(f, "__kwdefaults__"))
print(f.__kwdefaults__)
attempt("doc=5", lambda: setattr(f, "__doc__", 5))
print(f.__doc__)
attempt("del doc", lambda: delattr(f, "__doc__"))
print(f.__doc__)
attempt("annotations=5", lambda: setattr(f, "__annotations__", 5))
attempt("dict=5", lambda: setattr(f, "__dict__", 5))
attempt("del custom", lambda: delattr(f, "nothing"))
f.custom = 1
del f.custom
print(hasattr(f, "custom"))
m = (1).__add__ if False else f
class C:
    def meth(self):
        pass
bm = C().meth
attempt("bound set", lambda: setattr(bm, "x", 1))
attempt("bound get missing", lambda: bm.nothing)
