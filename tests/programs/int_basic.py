# Integer arithmetic, including arbitrary precision and floor semantics.
print(1 + 2, 7 - 10, 6 * 7)
print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
print(123456789 * 987654321)
print(12345678901234567890 * 98765432109876543210)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(10 ** 30 // 7, 10 ** 30 % 7)
print(-(10 ** 25) // 3, -(10 ** 25) % 3)
print(3 ** 0, 0 ** 0, (-2) ** 3)
print(-5, +5, -(-5))
x = 1
for i in range(1, 31):
    x = x * i
print(x)
print(x // (2 ** 20), x % 1000003)
print(1 << 70, (1 << 70) >> 65)
print(255 & 15, 8 | 3, 6 ^ 3, ~5)
