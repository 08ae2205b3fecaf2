# int bit operations and their interplay with methods
for n in [0, 1, 5, -5, 2**70, -(2**70) - 1, 255]:
    print(n, n & 0xF, n | 0x100, n ^ -1, ~n, n << 3, n >> 2, (n).bit_length(), bin(n)[:12], n.bit_count())
print((1 << 100) >> 99, -1 >> 100, 5 & -2, -5 | 2, (2**64 - 1).to_bytes(8, "big"), int.from_bytes(b"\xff" * 8, "big", signed=True))
for bad in [lambda: 1 << -1, lambda: 1 >> -1]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
