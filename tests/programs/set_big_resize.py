# large sets: resizes and deletions keep CPython's iteration order
s = set()
for i in range(0, 300, 7):
    s.add(i * 31 % 997)
print(list(s)[:20], len(s))
for i in list(s)[::3]:
    s.remove(i)
print(list(s)[:20], len(s))
s.update(range(1000, 1100, 9))
print(list(s)[-15:], len(s))
t = set(range(100))
t -= set(range(0, 100, 2))
print(list(t)[:10], len(t))
u = {x for x in range(-50, 50, 3)}
print(list(u)[:12])
