class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        return "replaced"
    def __repr__(self):
        return f"Acc({self.v})"

a = Acc(1)
orig = a
a += 5
print(a, a is orig)
a -= 2
print(a)
a *= 3
print(a)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
b = OnlyAdd(1)
ob = b
b += 1
print(b.v, b is ob)
class L:
    def __init__(self):
        self.items = []
    def __ior__(self, o):
        self.items.append(o)
        return self
    def __ilshift__(self, o):
        self.items.insert(0, o)
        return self
l = L()
l |= 1
l |= 2
l <<= 0
print(l.items)
try:
    x = OnlyAdd(1)
    x -= 1
except TypeError as e:
    print(e)
