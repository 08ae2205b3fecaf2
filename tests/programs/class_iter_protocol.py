class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)))
for x in Countdown(2):
    print("x", x)

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(list(range(self.n)))

print(list(Range2(4)), sum(Range2(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NotIt:
    pass
try:
    for _ in NotIt():
        pass
except TypeError as e:
    print(e)
try:
    next(NotIt())
except TypeError as e:
    print(e)
a, b, c = Countdown(3)
print(a, b, c)
print([y * 2 for y in Countdown(3)])
print(*Countdown(2))
