class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == getattr(o, "v", None)
class OnlyNe:
    def __ne__(self, o):
        return "custom ne"
class NonBool:
    def __eq__(self, o):
        return "truthy string"
    def __lt__(self, o):
        return 0

print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
n = OnlyNe()
print(n != 1, n == n, n == OnlyNe())
nb = NonBool()
print(nb == 1, nb != 1, nb < 1, bool(nb == 2))
print([OnlyEq(3)].count(OnlyEq(3)), OnlyEq(2) in [OnlyEq(1), OnlyEq(2)])
print([OnlyEq(5)].index(OnlyEq(5)))
print({1: "a"}.get(OnlyEq(1), "miss") if False else "skip-unhashable")
class Base:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
class Child(Base):
    pass
print(Child.__hash__ is object.__hash__, hash(Child()) is not None)
class Rehash(OnlyEq):
    __hash__ = lambda self: 7
print(hash(Rehash(1)))
