# range iteration, negative steps, big values and membership of non-ints
for r in [range(5), range(2, 8), range(10, 0, -3), range(0), range(-5, -1), range(1, 10, 4), range(5, 5)]:
    print(r, list(r), len(r), r[0] if r else None, r[-1] if r else None)
big = range(2 ** 62, 2 ** 62 + 3)
print(list(big), 2 ** 62 + 1 in big, len(range(0, 2 ** 70, 2 ** 60)))
print(1.0 in range(3), 2.5 in range(3), "a" in range(3), True in range(2))
total = 0
for i in range(1, 101):
    if i % 3 == 0:
        continue
    total += i
print(total, [i for i in range(3) for _ in range(2)], list(zip(range(3), range(10, 13))))
print(list(range(10))[::-2], list(reversed(range(1, 10, 3))), range(0, 10, 3).count(9), range(1, 2).index(1))
