class MyInt(int):
    def double(self):
        return self * 2
    def __repr__(self):
        return f"MyInt({int(self)})"

a = MyInt(21)
print(a, a.double(), a + 1, 1 + a, a * a, -a, a == 21, a < 30, hash(a) == hash(21))
print(type(a + 1).__name__, isinstance(a, int), int(a), str(a), f"{a:05d}")
print(MyInt("ff", 16), MyInt(), MyInt(3.9))
d = {21: "found"}
print(d[a])
print([10, 20, 30][MyInt(1)])

class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hey")
print(u, u.shout(), len(u), u + "x", u * 2, u[0], u == "hey", "e" in u, repr(u))
print(type(u + "x").__name__, u.startswith("h"), u.split("e"))
print({"hey": 1}[u])

class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, v)
    def to_f(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, c.to_f(), c + 0.5, type(c).__name__, round(c) if False else int(c))

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, p.first, len(p), p[1], p + (3,), type(p).__name__, list(p))
x, y = p
print(x, y, p == (1, 2))

class Flags(int):
    def __new__(cls, value, label):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj
f = Flags(4, "four")
print(f, f.label, f | 1, f.__class__.__name__)
