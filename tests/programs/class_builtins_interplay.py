class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        if o == 0:
            return self
        return NotImplemented
    __radd__ = __add__
    def __lt__(self, o):
        return self.cents < o.cents
    def __gt__(self, o):
        return self.cents > o.cents
    def __eq__(self, o):
        return isinstance(o, Money) and self.cents == o.cents
    __hash__ = None
    def __repr__(self):
        return f"${self.cents / 100:.2f}"

wallet = [Money(250), Money(75), Money(1000)]
print(sum(wallet), sum(wallet, Money(1)))
print(min(wallet), max(wallet), max(wallet, key=lambda m: -m.cents))
wallet.sort()
print(wallet)
print(Money(75) in wallet, wallet.index(Money(1000)), wallet.count(Money(5)))
print(abs(-3) if False else "skip")
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return i * i
print(list(Seq(4)), tuple(Seq(3)), max(Seq(5)), sum(Seq(4)), len(Seq(7)))
print(dict([(k, v) for k, v in [("a", Seq(2))]])["a"].n)
print(" ".join([str(Money(5)), repr(Money(7))]))
class Num:
    def __init__(self, v):
        self.v = v
    def __abs__(self):
        return Num(abs(self.v))
    def __repr__(self):
        return f"Num({self.v})"
    def __floordiv__(self, o):
        return Num(self.v // o)
    def __mod__(self, o):
        return Num(self.v % o)
print(abs(Num(-4)), Num(17) // 5, Num(17) % 5)
print(isinstance(Money(1), object))
