# complex arithmetic details
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, b ** 3, a * 1j, a / 2, 2 / a, -a.conjugate())
print((1 + 2j) ** 0.5 == (1 + 2j) ** (1 / 2), abs(1j ** 2 + 1) < 1e-15, (0j) ** 0, 1j ** 0)
print(complex(1, 2) == complex("1+2j"), complex("j"), complex("-j"), complex("1e3-2.5e-1j"), complex(" 5 "))
print(1j.real, 1j.imag, (2 + 0j).real, type((1j).imag).__name__, 5 + 0j == 5.0)
print(repr(complex(1.5, -0.0)), repr(complex(-0.0, 1)), repr(complex(1e16, 1e-5)), repr(complex(float("inf"), -float("inf"))))
for bad in ["1+2", "j1", "1+2jj", "", "1 + 2j"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError:", e)
try:
    (1 + 1j) % 2
except TypeError as e:
    print("TypeError:", e)
