# round() uses round-half-even on the exact binary value
for x in [0.125, 0.375, 2.5, 3.5, -2.5, 0.285, 1.115, 2.675, 1.0000000000000002, 1234567.5, 5e-1, 1e-10]:
    print(x, round(x), round(x, 2), round(x, 1), round(x, 5))
for n in [5, 15, 25, 35, -5, -15, 150, 250, 12345]:
    print(n, round(n, -1), round(n, -2), round(n, 0), round(n, 3))
print(round(123.456, -1), round(123.456, -2), round(123.456, -3), round(-0.4), round(0.4999999999999999), type(round(1.5, None)).__name__)
print(round(2 ** 100 + 0.0, -30), round(10 ** 20, -19), round(-(10 ** 20) - 5 * 10 ** 18, -19))
