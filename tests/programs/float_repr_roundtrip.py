# float repr is the shortest round-tripping string, with CPython's exponent rules
vals = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e15, 1e16, 1.5e16, 123456789.123, 1e-4, 1e-5, 0.00012345, 9007199254740993.0, 2.0 ** 60, 1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, -1.5, 100.0, 1e22, 1e23]
for v in vals:
    r = repr(v)
    print(r, float(r) == v, str(v) == r)
print(0.1 + 0.2, 1.1 * 3, 1e16 + 1, 3.0 * 1.1, 2.5e-7, float("1e500"), -float("1e500"), float("-0"))
