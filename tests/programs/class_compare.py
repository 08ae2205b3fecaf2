class Ver:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print("eq", self.n, getattr(o, "n", o))
        if not isinstance(o, Ver):
            return NotImplemented
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
    def __le__(self, o):
        return self.n <= o.n
    def __repr__(self):
        return f"Ver({self.n})"

a, b = Ver(1), Ver(2)
print(a == b, a != b, a == Ver(1), a != Ver(1))
print(a < b, a <= b, a > b, a >= b)
print(a == 1, 1 == a)
print(sorted([Ver(3), Ver(1), Ver(2)]) if False else [Ver(3), Ver(1)])
print(Ver.__hash__)
try:
    hash(a)
except TypeError as e:
    print(e)
try:
    {a: 1}
except TypeError as e:
    print(e)

class Sub(Ver):
    def __eq__(self, o):
        print("Sub.eq")
        return True
print(Ver(5) == Sub(6))
print(Sub(6) == Ver(5))

class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p != p)
class Gt:
    def __gt__(self, o):
        return "gt called"
print(1 < Gt())
print(Gt() > 1)
