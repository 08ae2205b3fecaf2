import copy

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'

p = Point(1, [2, 3])
s = copy.copy(p); d = copy.deepcopy(p)
p.y.append(4)
print(s, d, s.y is p.y, d.y is p.y)

nested = {'a': [1, {'b': (2, [3])}], 'c': {1, 2}}
dn = copy.deepcopy(nested)
nested['a'][1]['b'][1].append(99)
print(dn, nested['a'][1]['b'])
print(copy.copy([1, 2]) == [1, 2], copy.copy((1, 2)) is not None, copy.deepcopy((1, 2)))

lst = [1]; lst.append(lst)
dl = copy.deepcopy(lst); print(dl[1] is dl, dl[0])

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = [2]
sl = copy.deepcopy(Slotted()); print(sl.a, sl.b)

class Custom:
    def __init__(self): self.v = 1
    def __copy__(self):
        c = Custom(); c.v = 'copied'; return c
    def __deepcopy__(self, memo):
        c = Custom(); c.v = 'deep'; return c
print(copy.copy(Custom()).v, copy.deepcopy(Custom()).v)

class WithState:
    def __init__(self): self.data = [1, 2]; self.cache = 'x'
    def __getstate__(self):
        st = self.__dict__.copy(); del st['cache']; return st
    def __setstate__(self, st):
        self.__dict__.update(st); self.cache = 'rebuilt'
w = copy.deepcopy(WithState()); print(w.data, w.cache)

class Args:
    def __new__(cls, n):
        o = super().__new__(cls); o.n = n; return o
    def __getnewargs__(self):
        return (self.n,)
print(copy.copy(Args(5)).n)

class MyList(list):
    pass
ml = MyList([1, [2]]); ml.tag = 't'
cm = copy.deepcopy(ml); print(cm, type(cm).__name__, cm.tag, cm[1] is ml[1])
class MyDict(dict):
    pass
md = copy.copy(MyDict(a=1)); print(md, type(md).__name__)
print(copy.deepcopy(Point).__name__, copy.copy(len) is len)
r = Point(1, 2).__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2])
print(copy.Error.__name__)
