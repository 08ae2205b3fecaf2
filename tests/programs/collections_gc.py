import gc, weakref
from collections import deque, defaultdict
import itertools
class Obj: pass
o = Obj(); r = weakref.ref(o)
d = deque([o]); d.append(d); o.d = d
del o, d
print(gc.collect() > 0, r())
o2 = Obj(); r2 = weakref.ref(o2)
c = itertools.cycle([o2]); next(c); o2.c = c
del o2, c
gc.collect(); print(r2())
o3 = Obj(); r3 = weakref.ref(o3)
dd = defaultdict(list); dd['x'].append(dd); dd['o'] = o3
del o3, dd
gc.collect(); print(r3())
t1, t2 = itertools.tee(iter([1, 2, 3]))
o4 = Obj(); r4 = weakref.ref(o4); o4.t = t1; t1s = [o4]
del o4, t1s, t1
gc.collect(); print(r4(), list(t2))
g = itertools.groupby([1, 1, 2])
k, grp = next(g); del g; print(list(grp))
