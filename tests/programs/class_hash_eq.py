class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Key({self.k!r})"

d = {Key("a"): 1, Key("b"): 2}
print(d[Key("a")], Key("b") in d, Key("c") in d)
s = {Key(1): 0, Key(1): 1, Key(2): 2}
print(len(s))
print(hash(Key(5)) == hash(5))

class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(e)

class Inherit(Key):
    pass
print(hash(Inherit(3)) == hash(3))

class EqOnly(Key):
    def __eq__(self, o):
        return False
print(EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print(e)

class Default:
    pass
x = Default()
print(hash(x) == hash(x), x == x, x != Default())

class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self):
        return 2**70
print(hash(BigHash()) == hash(2**70))
class MinusOne:
    def __hash__(self):
        return -1
print(hash(MinusOne()))
