# int methods and attributes
for n in (0, 1, -1, 5, 255, 256, -256, 2**64, -(2**100) + 7):
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"", "big"), (5).to_bytes())
for args in [(1, "big"), (-1, "big")]:
    try:
        print((300).to_bytes(*args) if args[0] > 0 else (-5).to_bytes(2, "big"))
    except OverflowError as e:
        print("OverflowError:", e)
try:
    (1).to_bytes(2, "middle")
except ValueError as e:
    print("ValueError:", e)
print(True.bit_length(), True + True, (7).__index__(), (7).__round__(-1), round(15, -1), round(25, -1), round(-35, -1))
print(int("  42  "), int("-0x1F", 16), int("0b101", 0), int("1_000"), int("z", 36), int(b"12"), int(3.99), int(-3.99))
for bad in ["", "1.5", "0x10", "1__0", "٣"]:
    try:
        print(int(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(1.5, 10)
except TypeError as e:
    print("TypeError:", e)
print(bin(10), oct(-8), hex(255), bin(0), hex(-(2**70)))
