# round, pow, divmod, abs, bin/oct/hex, sum, min/max
print(round(3.14159, 3), round(-0.5), round(0.5 + 1e-9), round(7, 2), round(-7.5), round(8.5), round(1e300), round(True))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(7, 0, 1), pow(2, 100, 10**9 + 7))
print(pow(base=2, exp=5), pow(2, 3, mod=3), (-8) ** (1 / 3) if False else pow(0, 0), pow(0.0, 0))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5)]:
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(1, 0.3), divmod(2**70, 3))
for a, b in [(1, 0), (1.0, 0), (1, "a")]:
    try:
        divmod(a, b)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(abs(-5), abs(2.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-(2**80)))
print(bin(5), bin(-5), oct(64), hex(3054), hex(-1), bin(True))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []), sum((0.5, 0.25)), sum(range(10), start=5), sum([]))
print(min(3, 1, 2), max("abc"), min([4, 5], key=lambda v: -v), max([], default="none"), min((2, 1), (1, 3)), max(1, 2.5))
for f in (lambda: sum(["a"], ""), lambda: min([]), lambda: max(1, 2, default=0), lambda: sum(1)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
