# set.pop follows the table order (and its search finger)
s = set(range(10, 100, 7))
out = []
while s:
    out.append(s.pop())
print(out)
t = {"a", "b", "c", "d"}
popped = [t.pop() for _ in range(len(t))]
print(sorted(popped), len(popped))
u = {5, 1, 9}
u.pop()
u.add(100)
print(u, u.pop(), u)
