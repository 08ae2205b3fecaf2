# Collatz sequences: lengths and the longest chain below a bound.
def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def collatz_seq(n):
    seq = [n]
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        seq.append(n)
    return seq


print(collatz_seq(6))
print(collatz_seq(27)[:10], len(collatz_seq(27)))
best = 1
best_len = 0
for start in range(1, 3000):
    length = collatz_len(start)
    if length > best_len:
        best = start
        best_len = length
print(best, best_len)
