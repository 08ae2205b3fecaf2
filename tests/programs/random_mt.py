# _random: MT19937 seeding, random(), getrandbits, getstate/setstate and errors, as CPython 3.11.
import _random
r = _random.Random(42)
print(r.random(), r.getrandbits(70))
print([r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 64, 100)])
for seed in (0, 1, -5, 5, 2**32, 2**32 - 1, 2**100, 3**80, 3.5, True, None is None):
    r.seed(seed)
    print(seed, r.random(), r.getrandbits(40))
st = r.getstate()
print(len(st), st[-1], st[0], st[623])
a = [r.random() for i in range(1000)]
r.setstate(st)
b = [r.random() for i in range(1000)]
print(a == b, a[999])
r2 = _random.Random()
print(type(r2.random()), 0.0 <= r2.random() < 1.0)
r2.seed()
x = r2.getrandbits(64)
print(0 <= x < 2**64)
r3 = _random.Random(12345)
s = 0
for i in range(20000):
    s += r3.getrandbits(32)
print(s)
def t(s, f):
    try:
        print(s, "->", repr(f()))
    except Exception as e:
        print(s, "!!", type(e).__name__, e)
t('two args', lambda: _random.Random(1, 2))
t('kw', lambda: _random.Random(x=1))
t('neg bits', lambda: _random.Random().getrandbits(-1))
t('float bits', lambda: _random.Random().getrandbits(1.5))
t('setstate int', lambda: _random.Random().setstate(1))
t('setstate short', lambda: _random.Random().setstate((1,)))
t('setstate index', lambda: _random.Random().setstate((0,)*624+(625,)))
t('setstate big word', lambda: _random.Random().setstate((2**32 + 7,)*624+(1,)))
t('descriptor', lambda: _random.Random.random(5))
t('seed 2 args', lambda: _random.Random().seed(1, 2))
t('seed list', lambda: _random.Random().seed([1]))
t('seed kw', lambda: _random.Random().seed(x=1))
t('random args', lambda: _random.Random().random(1))
r4 = _random.Random(7)
r4.setstate((2**32 + 7,)*624+(1,))
t('after big word', lambda: r4.getstate()[:3])
def t(s, f):
    try:
        print(s, "->", repr(f()))
    except Exception as e:
        print(s, "!!", type(e).__name__, e)
t('unbound random', lambda: _random.Random.random())
t('unbound seed', lambda: _random.Random.seed())
t('unbound getstate', lambda: _random.Random.getstate())
t('unbound with instance', lambda: _random.Random.random(_random.Random(3)))
t('getrandbits 1000', lambda: _random.Random(9).getrandbits(1000) % 10**12)
t('init again', lambda: _random.Random.__init__(_random.Random(1), 5))
r = _random.Random(1)
r.__init__(42)
t('reinit', lambda: r.random())
