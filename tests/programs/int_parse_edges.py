# int() parsing edge cases and bases
cases = [("0", 10), ("-0", 10), ("+12", 10), (" 7 ", 10), ("1_2_3", 10), ("0x_ff", 0), ("0o17", 0), ("0b1_0", 0), ("ff", 16), ("FF", 16), ("zz", 36), ("10", 2), ("0", 0), ("00", 0), ("0x10", 16), ("0b11", 2), ("0o7", 8), ("١٢٣", 10), ("\u0660", 10), ("12", 3)]
for s, b in cases:
    print(repr(s), b, int(s, b))
bad = [("08", 0), ("1_", 10), ("_1", 10), ("1__2", 10), ("0x", 16), ("12", 2), ("", 10), (" ", 10), ("1 2", 10), ("0b", 0), ("+-1", 10), ("1.0", 10), ("0xg", 16)]
for s, b in bad:
    try:
        int(s, b)
    except ValueError as e:
        print("ValueError:", e)
print(int(True), int(False), int(-2.9), int(1e20), int("9" * 30), int(b" 42 "), int(bytearray(b"7")))
for v in [float("nan"), float("inf"), None, [1]]:
    try:
        int(v)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    int("1", base=37)
except ValueError as e:
    print("ValueError:", e)
print(int(x="5") if False else int("5", base=10), int("z", base=36))
