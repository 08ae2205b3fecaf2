# numeric tower interactions: bool, int, float, complex
print(True + 1, True * 2.5, False - 1j, 3 / 2, 3 // 2, -3 // 2, 3 % -2, 2 ** -1, 2 ** 0.5, (-8) ** 2, 10 ** 20)
print(1 == 1.0 == (1 + 0j), 2 ** 63, -(2 ** 63), 2 ** 63 - 1, (2 ** 64) // 3, (2 ** 64) % 7, divmod(-(2 ** 65), 7))
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e308 * 10, -1e308 * 10, 1e-320 / 10, float("nan") == float("nan"))
print(int(2.5) + round(2.5) + round(3.5), abs(-3), -abs(-0.0), 7 .bit_length(), (7).real, 1.5.is_integer())
print(max(1, 2.5, True), min(-1, -1.0), sorted([3, 1.5, True, 0]), sum([1, 0.5, True]))
print(isinstance(True, int), type(True + True).__name__, type(1 / 1).__name__, type(2 ** -1).__name__, type(1 + 1j).__name__)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(hash(2 ** 61 - 1), hash(-1), hash(0.5), hash(-0.5))
