# sort edge cases: errors restore the list, key errors, mixed types
a = [3, 1, 2]
try:
    a.sort(key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, a)
b = [2, "x", 1]
try:
    b.sort()
except TypeError as e:
    print("TypeError:", e)
print(sorted(b, key=str))
c = [(1, "b"), (1, "a"), (0, "c")]
c.sort(key=lambda t: t[0], reverse=True)
print(c)
d = list(range(100, 0, -1)) + list(range(50))
d.sort()
print(d[:5], d[-5:], len(d))
e = [5, 4, 3, 2, 1] * 20
print(sorted(e)[::20], sorted(e, reverse=True)[::25])
f = ["b", "B", "a", "A"]
print(sorted(f), sorted(f, key=str.lower), sorted(f, key=str.upper, reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1, 0], []]), sorted([0.5, -1, 3, -1.5]), sorted([True, False, 2]))
print(sorted([None, None]) if False else sorted([1]), sorted([1, 1, 1]), sorted(["a"] * 3))
