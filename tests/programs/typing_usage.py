# typing: generics, aliases, NamedTuple, TypedDict, Protocol, get_type_hints, cast, overload-free usage
from typing import (List, Dict, Optional, Union, Tuple, Callable, TypeVar, Generic, NamedTuple,
                    TypedDict, Protocol, Any, get_type_hints, cast, Literal, get_origin, get_args)
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
print(Box[int], Box(3).item, List[int], Dict[str, int], Optional[int], Union[int, str])
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Optional[str]), Literal["a", "b"])
class Emp(NamedTuple):
    name: str
    id: int = 3
e = Emp("x")
print(e, e._asdict(), Emp._fields, e._replace(id=5))
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "T", "year": 1}
print(m, Movie.__annotations__ if hasattr(Movie, "__annotations__") else None)
class Greeter(Protocol):
    def greet(self) -> str: ...
def f(a: int, b: "str" = "x") -> Optional[List[int]]:
    return None
print(get_type_hints(f), cast(int, "not really"), Callable[[int], str], Tuple[int, ...])
print(T, T.__name__, Any)
