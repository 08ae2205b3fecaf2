# tuple methods and behaviour
t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(2, 2), t[1:4], t[::-1], t * 2, (0,) + t, len(t), 2 in t)
print(tuple("abc"), tuple(range(3)), tuple(), (1,), tuple([1, [2]]))
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1, "a", 2.5)), hash((False, True)))
print((1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), max((1, 2), (1, 3)))
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    hash((1, []))
except TypeError as e:
    print("TypeError:", e)
a, *b, c = t
print(a, b, c)
