# Mixed int/float arithmetic and true division of ints.
print(1 + 2.0, 3 * 0.5, 10 - 0.25)
print(7 / 2, 8 / 2, -9 / 4, 1 / 8)
print(2 ** -1, 2 ** -2, 4 ** 0.5)
print(10 ** 20 / 10 ** 10)
print(True + True, True * 3, False - 1)
print(1 == 1.0, 2 < 2.5, 3 >= 3.0)
a = 17
b = 5
print(a // b, a % b, a / b, -a // b, -a % b)
