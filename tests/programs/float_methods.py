# float methods: ratios, hex, integer tests, rounding
for x in (0.0, -0.0, 1.0, 0.5, 0.1, -2.5, 1e300, 5e-324, 3.0):
    print(repr(x), x.hex(), x.is_integer(), x.as_integer_ratio(), x.conjugate(), x.real, x.imag)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("0x.8"), float.fromhex("inf"), float.fromhex(" 0x1.fffffffffffffp+1023 "))
for bad in ["0x", "zz", "0x1p"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float.fromhex("0x1p5000")
except OverflowError as e:
    print("OverflowError:", e)
for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456, -123.456, 1e16, 0.125):
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1), round(x, 0))
print(round(1234.5678, -2), round(5e-324, 400), round(1.5e300, -299), type(round(2.5)), type(round(2.5, 0)))
for bad in (float("inf"), float("nan")):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
    print(round(bad, 2))
print((2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__(), (7.9).__int__(), abs(-1.5))
print(float("  1.5e3 "), float("-inf"), float("nan"), float("1_0.5"), float(b"2.5"), float(7))
for bad in ["", "1.2.3", "abc", "1__0"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
