# range: slicing, index/count, reversed, repr, equality, hash
r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], r[1:4], r[::-1], r[::2], r[10:], r[-3:-1])
print(list(r[1:4]), list(r[::-1]), 9 in r, 10 in r, r.index(9), r.count(9), r.count(10))
print(range(5) == range(0, 5), range(0) == range(5, 2), range(1, 10, 3) == range(1, 11, 3), range(2) != range(3))
print(hash(range(5)) == hash(range(0, 5, 1)), hash(range(1, 2)) == hash(range(1, 3, 5)))
print(list(reversed(range(10, 0, -2))), list(reversed(range(0))), list(reversed(range(3))))
print(range(3).start, range(3).stop, range(1, 9, 2).step, repr(range(-5, 5)), str(range(0, 10, 2)))
print(range(10**20)[-1], len(range(-10**6, 10**6, 7)), range(10, 0, -3)[1], bool(range(0)), bool(range(1)))
print(sum(range(101)), max(range(7)), list(range(-3, 3)), list(range(5, -6, -5)))
for f in (lambda: range(3)[5], lambda: range(1, 2, 0), lambda: range(3).index(7), lambda: range(1.5), lambda: range()):
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
