import _random
print(_random.Random.__module__, _random.Random)
u = int | str
print(u, type(u), u.__args__, u.__parameters__)
print(int | None, None | int, int | int, (int | str) | float, int | (str | list[int]))
print(int | str == str | int, hash(int | str) == hash(str | int), int | str == int | float)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print(isinstance(None, int | None))
try:
    isinstance(3, int | list[int])
except TypeError as e:
    print(e)
try:
    None | None
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
print(type(u).__module__, type(u).__name__, repr(type(u)))
print(list[int] | list[int], list[int] | None)
class A: pass
print(A | None)
import types
print(types.UnionType is type(int | str), isinstance(int | str, types.UnionType))
def f(x: int | None = None) -> list[str] | None:
    return None
print(f.__annotations__)
print((int | str).__args__ == (int, str))
