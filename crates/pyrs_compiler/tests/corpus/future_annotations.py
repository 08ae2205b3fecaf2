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
