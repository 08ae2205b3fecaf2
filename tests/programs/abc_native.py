# abc over the native _abc: abstract methods, register and the caches,
# __subclasshook__, cache invalidation, and collections.abc's sequence and
# mapping marks as `match` sees them (Py_TPFLAGS_SEQUENCE/MAPPING).
import abc
import collections.abc as cabc
import _abc


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...

    @property
    @abc.abstractmethod
    def size(self):
        ...

    def helper(self):
        return "helper"


print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print(e)


class Half(Base):
    def run(self):
        return "ran"


print(sorted(Half.__abstractmethods__))


class Full(Half):
    size = 3


print(Full().run(), Full().size, Full.__abstractmethods__)


class Plain:
    pass


token = abc.get_cache_token()
print(isinstance(Plain(), Base), issubclass(Plain, Base))
Base.register(Plain)
print(abc.get_cache_token() > token)
print(isinstance(Plain(), Base), issubclass(Plain, Base))


class SubPlain(Plain):
    pass


print(issubclass(SubPlain, Base))
print(Base.register(Full) is Full)
try:
    Base.register(3)
except TypeError as e:
    print(e)
try:
    Plain.register = None
    Half.register(Base)
except RuntimeError as e:
    print(e)


class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, "quack"):
            return True
        return NotImplemented


class Duck:
    def quack(self):
        pass


print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))


class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError", e)

registry, cache, negative, version = _abc._get_dump(Base)
print(type(registry).__name__, len(registry) >= 1, type(version).__name__)
print(sorted(r().__name__ for r in registry))
Base._abc_caches_clear()
print(len(_abc._get_dump(Base)[1]), len(_abc._get_dump(Base)[2]))
Base._abc_registry_clear()
print(issubclass(Plain, Base))
try:
    issubclass(3, Base)
except TypeError as e:
    print(e)


class MySeq(cabc.Sequence):
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


class MyMap(cabc.Mapping):
    def __getitem__(self, k):
        return {"a": 1}[k]

    def __iter__(self):
        return iter(["a"])

    def __len__(self):
        return 1


class Registered:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i * 10


cabc.Sequence.register(Registered)


def kind(x):
    match x:
        case {"a": v}:
            return f"mapping a={v}"
        case [first, *rest]:
            return f"sequence first={first} rest={rest}"
        case _:
            return "other"


for x in [MySeq([1, 2, 3]), MyMap(), Registered(), "str", b"bytes", {"a": 2}, (5,)]:
    print(type(x).__name__, kind(x))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(3, cabc.Hashable))
print(isinstance([], cabc.Hashable), issubclass(list, cabc.MutableSequence), issubclass(tuple, cabc.MutableSequence))
