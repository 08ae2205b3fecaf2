# Recursion: power sets by counting, Ackermann, Hanoi move counts, depth 500.
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def sum_digits(n):
    if n < 10:
        return n
    return n % 10 + sum_digits(n // 10)


print(ackermann(2, 3), ackermann(3, 3))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(depth(500))
print(sum_digits(2 ** 200))
