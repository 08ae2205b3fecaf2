# inspect: signature, parameters, isfunction/isclass/..., getmembers, getdoc, unwrap, getmro
import inspect, functools
def f(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Doc of f.

    More."""
sig = inspect.signature(f)
print(sig, [(p.name, str(p.kind)) for p in sig.parameters.values()], sig.return_annotation)
print(sig.bind(1, c=3).arguments)
class A:
    x = 1
    def m(self): pass
    @staticmethod
    def s(): pass
print(inspect.isfunction(f), inspect.isclass(A), inspect.ismethod(A().m), inspect.isbuiltin(len), inspect.getdoc(f))
print([n for n, _ in inspect.getmembers(A) if not n.startswith("_")], inspect.getmro(A))
@functools.wraps(f)
def g(*a, **k):
    return f(*a, **k)
print(inspect.unwrap(g) is f, inspect.signature(g))
print(inspect.isgeneratorfunction(lambda: (yield)), inspect.iscoroutinefunction(f))
