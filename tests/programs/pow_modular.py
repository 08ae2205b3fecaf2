# three-argument pow and modular inverses
print(pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3, 5), pow(2, 3, -5), pow(5, 0, 7), pow(0, 5, 3), pow(10**20, 10**5, 97))
for b in range(1, 8):
    print(b, pow(b, -1, 11), b * pow(b, -1, 11) % 11)
print(pow(38, -1, 97), pow(2, -3, 7), pow(-1, -1, 5))
for args in [(4, -1, 8), (3, 2, 0), (2, 1.5, 3), (2, 2, 2.0)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(pow(2, 0.5), pow(-8, 3), pow(4, -2), pow(2.0, -1), 2 ** 3 ** 2, (-2) ** 2, -2 ** 2)
