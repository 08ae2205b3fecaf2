class C:
    def __len__(self):
        return 1
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())

class D:
    pass
d = D()
d.__repr__ = lambda: "instance repr"
print(repr(d).startswith("<__main__.D object"))
D.__repr__ = lambda self: "class repr"
print(repr(d))
D.__len__ = lambda self: 7
print(len(d))
D.__add__ = lambda self, o: "added"
print(d + 1)
del D.__add__
try:
    d + 1
except TypeError as e:
    print(e)

class G:
    def __getattr__(self, name):
        return lambda *a: "dynamic " + name
g = G()
print(g.__len__())
try:
    len(g)
except TypeError as e:
    print(e)
D.__eq__ = lambda self, o: True
print(d == 5)
D.__call__ = lambda self, *a: ("called", a)
print(d(1, 2))
D.__getitem__ = lambda self, k: k * 2
print(d[21])
D.__iter__ = lambda self: iter([1, 2])
print(list(d))
D.__bool__ = lambda self: False
print(bool(d))
D.__contains__ = lambda self, x: x == "in"
print("in" in d, "out" in d)
