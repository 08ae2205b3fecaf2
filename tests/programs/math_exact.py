# math: float functions bit for bit against CPython over a spread of arguments (compared as exact mantissa/exponent pairs).
import math
s = 12345
def nxt():
    global s
    s = (s * 6364136223846793005 + 1442695040888963407) % 2**64
    return s
def fl(lo, hi):
    return lo + (hi - lo) * (nxt() >> 11) / 2**53
xs = [fl(-180, 180) for i in range(3000)]
ys = [fl(-50, 50) for i in range(3000)]
names = ['gamma','lgamma','erf','erfc','sin','cos','tan','exp','cbrt','atan','asinh','tanh','sinh','cosh','expm1','log1p','acosh','atanh','log','log2','log10','sqrt','exp2','asin','acos']
for n in names:
    f = getattr(math, n)
    h = 0
    for x in xs + [v/100 for v in xs]:
        try:
            r = f(x); m, e = math.frexp(r); r = str(int(m * 2**53)) + "e" + str(e) if math.isfinite(r) else repr(r)
        except (ValueError, OverflowError) as e:
            r = type(e).__name__
        for c in r:
            h = (h * 31 + ord(c)) % 2**61
    print(n, h)
for n in ['hypot','dist','remainder','fmod','pow','atan2','fsum']:
    h = 0
    for i in range(len(xs)):
        x = xs[i]; y = ys[i]
        try:
            if n == 'dist': r = math.dist((x, y), (y, x * 0.5))
            elif n == 'fsum': r = math.fsum([x, y, x * 1e16, -x * 1e16, y * 1e-16])
            elif n == 'hypot': r = math.hypot(x, y, x * y, 1e-3)
            else: r = getattr(math, n)(x, y)
            m, e = math.frexp(r); r = str(int(m * 2**53)) + "e" + str(e) if math.isfinite(r) else repr(r)
        except (ValueError, OverflowError) as e:
            r = type(e).__name__
        for c in r:
            h = (h * 31 + ord(c)) % 2**61
    print(n, h)
