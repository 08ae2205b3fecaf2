class Caseless(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
try:
    hash(Caseless("A"))
except TypeError as e:
    print(e)
class CaselessHash(Caseless):
    def __hash__(self):
        return hash(self.lower())
d = {CaselessHash("Key"): 1}
print(d[CaselessHash("KEY")], CaselessHash("a") == "A")
class Plain(str):
    pass
print(hash(Plain("x")) == hash("x"), {Plain("k"): 2}["k"])
class T(tuple):
    __hash__ = None
try:
    hash(T((1,)))
except TypeError as e:
    print(e)
class HL(list):
    def __hash__(self):
        return len(self)
print(hash(HL([1, 2, 3])))
class I(int):
    def __hash__(self):
        return 42
print(hash(I(5)), hash(I(-1)) if False else "")
