# a comparison that fails mid-sort leaves the list partly sorted, as CPython's does
cases = [[3, 1, "x", 2], [1, 2, 3, "x", 0], [2, 1, 0, 5, "x"], [5, 4, 3, 9, 8, None, 1], [0, 1, 3, 2, 6, 4, [], 7]]
for c in cases:
    try:
        c.sort()
    except TypeError as e:
        print(c, "TypeError:", e)
d = [4, 3, 2, 1, "a", 0]
try:
    d.sort(reverse=True)
except TypeError as e:
    print(d, e)
e = [3, 2, 1]
try:
    e.sort(key=lambda v: 1 // (v - 2))
except ZeroDivisionError as ex:
    print(e, ex)
f = [5, 3, 1]
try:
    sorted(f + ["z"])
except TypeError as ex:
    print(f, ex)
