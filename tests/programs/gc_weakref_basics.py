import gc, sys
gc.collect()
l = []
l.append(l)
del l
print("list cycle", gc.collect())
d = {}
d["self"] = d
del d
print("dict cycle", gc.collect())
a = []; b = [a]; a.append(b)
del a, b
print("two lists", gc.collect())
print(gc.isenabled(), gc.get_threshold())
gc.disable(); print(gc.isenabled()); gc.enable()
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
import _weakref as weakref
def f(): pass
r = weakref.ref(f)
print(r() is f, weakref.getweakrefcount(f), r is weakref.ref(f))
called = []
r2 = weakref.ref(f, lambda wr: called.append(wr is r2))
del f
print("after del", r(), called)
def gen():
    yield 1
g = gen()
wg = weakref.ref(g)
del g
print(wg())
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
print("builtin" , "gc" in sys.builtin_module_names)
