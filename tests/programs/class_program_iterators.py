class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIterator(self.limit)

class FibIterator:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value

fib = Fib(50)
print(list(fib))
print(list(fib), sum(fib), max(fib), 21 in fib, 22 in fib)
it = iter(fib)
print(next(it), next(it), next(it), list(it), list(it))

class Chain:
    def __init__(self, *iterables):
        self.iterables = iterables
    def __iter__(self):
        return ChainIter([iter(x) for x in self.iterables])
class ChainIter:
    def __init__(self, its):
        self.its = its
    def __iter__(self):
        return self
    def __next__(self):
        while self.its:
            try:
                return next(self.its[0])
            except StopIteration:
                self.its.pop(0)
        raise StopIteration
print(list(Chain([1, 2], "ab", Fib(3), {"k": 0})))
class Window:
    def __init__(self, seq, n):
        self.seq, self.n = seq, n
    def __len__(self):
        return max(0, len(self.seq) - self.n + 1)
    def __getitem__(self, i):
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("window index out of range")
        return tuple(self.seq[i:i + self.n])
w = Window([1, 2, 3, 4, 5], 3)
print(len(w), list(w), w[-1], (2, 3, 4) in w)
try:
    w[10]
except IndexError as e:
    print(e)
for a, b, c in Window("abcd", 3):
    print(a + b + c)
