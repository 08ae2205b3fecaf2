# __format__ of numbers called directly, and format() of complex numbers
print((5).__format__("03"), (255).__format__("#x"), (2.5).__format__(".2f"), (1e10).__format__("e"), (1j).__format__(""), (1 + 2j).__format__(">10"))
print(int.__format__(True, "d"), format(True, "d"), float.__format__(3.0, ""), int.__format__(7, ""), (3.5).__format__("%"))
try:
    (5).__format__(5)
except TypeError as e:
    print("TypeError:", e)
for z in [1+2j, 1j, -1.5-0.5j, complex(0, -0.0), complex(1e20, 1e-7), complex(float("nan"), float("inf"))]:
    for spec in ["", ">12", ".2f", "+.1e", "<14.3g", ".2", "g", "^16.2f", "10", "*^20", " .3"]:
        print(repr(z), repr(spec), repr(format(z, spec)))
for spec in ["05", "=10", "d", "x"]:
    try:
        format(1j, spec)
    except ValueError as e:
        print("ValueError:", e)
