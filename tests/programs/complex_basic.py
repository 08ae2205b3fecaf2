# complex numbers
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(1j, -1j, 0j, 1.5j, (1 + 0j), complex(2), complex(1, -2), complex("1+2j"), complex("-3.5j"), complex(" (2-1j) "))
print((1 + 2j) + (3 - 1j), (1 + 2j) - 1, 2 * (1 + 2j), (1 + 2j) * (3 + 4j), (1 + 2j) / (3 - 4j), (1 + 1j) ** 2, 2 ** (1j * 0))
print((1 + 2j) == (1 + 2j), (1 + 0j) == 1, 2 == (2 + 0j), (1 + 1j) != 1, 1j * 1j)
print(complex(1e300, 1e300), complex(float("inf"), float("nan")), complex(-0.0, -0.0), complex(0.0, -0.0))
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)), bool(0j), bool(1j))
d = {1: "int"}
print(d[1 + 0j])
try:
    (1 + 1j) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    complex("1+")
except ValueError as e:
    print("ValueError:", e)
try:
    (1j) < (2j)
except TypeError as e:
    print("TypeError:", e)
