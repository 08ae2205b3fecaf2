class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i

print(list(Squares()))
for s in Squares():
    print(s, end=" ")
print()
print(9 in Squares(), 10 in Squares())
it = iter(Squares())
print(type(it).__name__, next(it), next(it))

class Stop:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return "s%d" % i
print(list(Stop()))

class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
g = Grid()
g[1, 2] = "x"
print(g[1, 2], g[0, 0])
del g[1, 2]
print(g[1, 2])
class Sliced:
    def __getitem__(self, k):
        return k
s = Sliced()
print(s[1:2], s[::3], s[1, ...])
try:
    del s[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    s[0] = 1
except TypeError as e:
    print(e)
