# List append, indexing and in-place updates without sorting.
def prefix_sums(n):
    xs = []
    for i in range(n):
        xs.append((i * 7919) % 1009)
    total = 0
    for i in range(len(xs)):
        total += xs[i]
        xs[i] = total
    return xs


def rotate_sum(xs, rounds):
    n = len(xs)
    acc = 0
    for r in range(rounds):
        i = r % n
        acc += xs[i] - xs[n - 1 - i]
        xs[i] = xs[i] + 1
    return acc


xs = prefix_sums(1000000)
print(xs[-1], rotate_sum(xs, 2000000), len(xs))
