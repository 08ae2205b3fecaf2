class P:
    def __init__(self, x):
        self.x = x
        self.y = [x]
p = P(3)
print(vars(p), vars(p) is p.__dict__)
vars(p)["z"] = 9
print(p.z)
print(list(vars(P))[:2])
def f(a, b=2):
    c = a + b
    def g():
        return c
    return vars()
r = f(1)
print(sorted(r) if False else list(r), r["c"])
class Body:
    x = 1
    snapshot = list(vars())
print(Body.snapshot)
try:
    vars(5)
except TypeError as e:
    print(e)
try:
    vars(1, 2)
except TypeError as e:
    print(e)
class S:
    __slots__ = ("a",)
try:
    vars(S())
except TypeError as e:
    print(e)
