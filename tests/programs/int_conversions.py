# int() from strings, floats and with a base; str() and repr() of ints.
print(int('42'), int('-17'), int('  8  '), int('+3'))
print(int(3.9), int(-3.9), int(0.5), int(1e20))
print(int('ff', 16), int('FF', 16), int('777', 8), int('1010', 2), int('z', 36))
print(int('0x1f', 16), int('0b11', 0), int('0o17', 0), int('99', 0))
print(int(True), int(False), int(), int('1_000'))
print(str(12345), repr(-6789), str(2 ** 70))
print(len(str(10 ** 50)))
print(type(int('5')), type(int(5.5)))
