class A: pass
class B(A): pass
class E(Exception): pass
class L(list): pass
class D(dict): pass
class I(int): pass
class S: __slots__ = ('a',)
class S2: __slots__ = ('a', '__dict__')
class S3: __slots__ = ('__weakref__',)
class T(tuple): pass
class M(type): pass
class Doc:
    "documented"
    x = 1
for c in (A, B, E, L, D, I, S, S2, S3, T, M, Doc):
    print(c.__name__, list(c.__dict__))
print(A.__dict__['__dict__'], A.__dict__['__weakref__'])
print(type(A.__dict__['__dict__']).__name__, type(S.__dict__['a']).__name__)
a = A()
print(a.__weakref__, a.__dict__)
a.__dict__ = {"z": 1}
print(a.z)
try:
    a.__dict__ = 5
except TypeError as e:
    print(e)
try:
    a.__weakref__ = 1
except AttributeError as e:
    print(e)
l = L()
l.tag = 1
print(l.__dict__, L.__dict__['__dict__'].__get__(l) is l.__dict__)
