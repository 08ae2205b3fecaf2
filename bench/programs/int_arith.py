# Integer arithmetic in a loop: mixed small-int operators and a big-int tail.
def checksum(n):
    acc = 0
    i = 1
    while i <= n:
        acc = (acc * 31 + i * i - (i // 3) + (i % 7)) % 1000000007
        i += 1
    return acc


def big_powers(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x % (10 ** 9 + 9)


print(checksum(3000000), big_powers(12000))
