# range with one, two and three arguments, negative steps, len and indexing.
def show(r):
    out = []
    for x in r:
        out.append(x)
    print(out)


show(range(5))
show(range(2, 8))
show(range(0, 20, 5))
show(range(10, 0, -3))
show(range(-5, 5, 2))
show(range(5, 5))
show(range(5, 0))
show(range(0, -10, -4))
print(len(range(100)), len(range(0, 100, 7)), len(range(10, 0, -1)))
r = range(3, 30, 3)
print(r[0], r[-1], r[4], 9 in r, 10 in r)
print(range(4), range(1, 5), range(1, 10, 2))
