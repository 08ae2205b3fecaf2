import functools
from functools import reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key, cached_property, partialmethod

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError', e)

def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), square.func is power, square.args, square.keywords)
p2 = partial(partial(power, 2), 10); print(p2(), p2.args)

calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    return x * x
for v in [1, 2, 1, 3, 2]:
    sq(v)
print(sq.cache_info())

@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20))

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def documented(x):
    "Docstring here."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)

@total_ordering
class Version:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(Version(1) < Version(2), Version(3) >= Version(2), Version(1) > Version(1), Version(2) <= Version(2))

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 9, 1], key=cmp_to_key(cmp)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))

class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print('computing')
        return 3 * self.r * self.r
c = Circle(2); print(c.area, c.area)

class Cell:
    def set(self, v): self.v = v; return self
    set_one = partialmethod(set, 1)
print(Cell().set_one().v)
print(functools.WRAPPER_ASSIGNMENTS)
