# dataclasses: fields, defaults, ordering, frozen, asdict/astuple, replace, post_init
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)
p = Point(1, 2)
print(p, p == Point(1, 2), p < Point(1, 3), asdict(p), astuple(p))
print([f.name for f in fields(p)], replace(p, y=9))
@dataclass(frozen=True)
class Frozen:
    a: str
    b: float = 1.5
fz = Frozen("q")
try:
    fz.a = "z"
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(fz, hash(fz) == hash(Frozen("q")))
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(4))
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, z=3), sorted([Point(3), Point(1), Point(2)]))
