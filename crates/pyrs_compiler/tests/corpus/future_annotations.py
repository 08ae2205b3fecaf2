"""from __future__ import annotations turns annotations into strings."""
from __future__ import annotations

x: list[int] = [1]
y: 'quoted' = 2

def f(a: int, *args: tuple[str, ...], b: dict[str, int] = {}, **kw: Any) -> Optional[int]:
    z: Local = 3
    return z

class C:
    attr: ClassVar[int] = 1
    other: C
    def m(self, v: C | None) -> C: ...

print(__annotations__, f.__annotations__, C.__annotations__, C.m.__annotations__)

# Annotations are unparsed the way CPython's ast_unparse writes them.
def g(a: "quoted", b: Optional[ int ]=None, *c: a|b, d: (x+y)*z = 1, **e: dict[str,tuple[int,...]]) -> lambda x,*a,k=1,**kw: -1 ** 2:
    v: f"{a!r:>{b}} {{}}" = 1
    w: 1e400 + 2j
    return v

print(g.__annotations__)
