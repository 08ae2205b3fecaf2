class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.__dict__
except AttributeError as e:
    print(e)
del p.y
try:
    p.y
except AttributeError as e:
    print(e)
print(type(P.x).__name__, P.__slots__)

class Q(P):
    pass
q = Q(1, 2)
q.extra = 5
print(q.extra, q.__dict__)

class R(P):
    __slots__ = ("w",)
r = R(1, 2)
r.w = 3
print(r.x, r.w)
try:
    r.v = 1
except AttributeError as e:
    print(e)

class S:
    __slots__ = "only"
s = S()
s.only = 1
print(s.only)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(e)
class Priv:
    __slots__ = ("__secret",)
    def __init__(self):
        self.__secret = 7
    def get(self):
        return self.__secret
print(Priv().get())
