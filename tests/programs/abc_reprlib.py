import abc, reprlib, weakref, gc
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f'{self.name}: {self.area()}'

class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return 'square'

try:
    Shape()
except TypeError as e:
    print('TypeError', e)
class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError as e:
    print('TypeError', e)
print(Square(3).describe(), isinstance(Square(1), Shape), sorted(Shape.__abstractmethods__))

class Plugin(metaclass=abc.ABCMeta):
    pass
class External:
    pass
Plugin.register(External)
print(isinstance(External(), Plugin), issubclass(External, Plugin), issubclass(int, Plugin))

class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return hasattr(C, '__len__')
        return NotImplemented
print(isinstance([], Sized2), isinstance(3, Sized2))
print(abc.get_cache_token() is not None, type(Shape).__name__)

import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(set(), cabc.Set), isinstance((x for x in []), cabc.Iterator))
print(issubclass(dict, cabc.MutableMapping), isinstance('s', cabc.Hashable), isinstance([], cabc.Hashable), isinstance(len, cabc.Callable))
class MyMap(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
m = MyMap({'a': 1, 'b': 2})
print(list(m.keys()), list(m.items()), m.get('z', 0), 'a' in m, m == {'a': 1, 'b': 2})

r = reprlib.Repr(); r.maxlist = 3; r.maxstring = 10
print(reprlib.repr(list(range(100))), r.repr(list(range(10))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(20)}))
print(reprlib.repr(set(range(3))), reprlib.repr(tuple(range(20))), reprlib.repr([[[[[1]]]]]))
class Node:
    def __init__(self): self.children = []
    @reprlib.recursive_repr()
    def __repr__(self): return f'Node({self.children})'
n = Node(); n.children.append(n); print(n)

class Obj:
    pass
o = Obj()
w = weakref.ref(o)
print(w() is o, weakref.getweakrefcount(o))
del o; gc.collect(); print(w())
cache = weakref.WeakValueDictionary()
k = Obj(); cache['k'] = k; print(len(cache), 'k' in cache)
del k; gc.collect(); print(len(cache))
ws = weakref.WeakSet(); a1 = Obj(); ws.add(a1); print(len(ws)); del a1; gc.collect(); print(len(ws))
wk = weakref.WeakKeyDictionary(); kk = Obj(); wk[kk] = 1; print(list(wk.values())); del kk; gc.collect(); print(len(wk))
fin = []
class F: pass
f = F(); weakref.finalize(f, fin.append, 'done'); del f; gc.collect(); print(fin)
