class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))

    @staticmethod
    def is_valid(s):
        return s.count("-") == 2

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class MyDate(Date):
    pass

print(Date.from_string("2024-01-02"))
print(MyDate.from_string("2020-5-6"))
print(MyDate(1, 2, 3).from_string("1-1-1"))
print(Date.is_valid("1-2-3"), Date(1, 1, 1).is_valid("x"))
cm = Date.__dict__["from_string"]
sm = Date.__dict__["is_valid"]
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, sm.__func__.__name__)
print(sm("a-b-c"))
bound = Date.from_string
print(bound.__self__ is Date)

def plain(x):
    return x * 3
def named(k):
    return k.__name__
s = staticmethod(plain)
c = classmethod(named)
class Holder:
    triple = s
    kls = c
print(Holder.triple(2), Holder().triple(3), Holder.kls())
