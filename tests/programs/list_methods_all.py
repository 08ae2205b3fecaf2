# every list method
a = [3, 1, 4, 1, 5]
a.append(9); print(a)
a.extend(range(2)); print(a)
a.extend("ab"); print(a)
a.insert(0, "s"); a.insert(-1, "m"); a.insert(100, "e"); a.insert(-100, "b"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a, a.count(1), a.index(1), a.index(4, 1), a.index(1, -6, -1))
b = a.copy(); b.reverse(); print(b, a is b, a == b[::-1])
b.clear(); print(b, len(b))
for f in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1, 2].index(3), lambda: [1].index(1, 1)):
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
c = [1, 2, 3, 4, 5, 6]
c[1:3] = ["x"]; print(c)
c[::2] = [0, 0, 0]; print(c)
del c[::3]; print(c)
c += [7]; c *= 2; print(c)
print([1, 2] + [3], [0] * 3, 2 * [1], [1, 2] < [1, 3], [1, 2] == [1, 2], [[]] * 2)
print(list.__len__([1, 2]), list.__getitem__([5, 6], 1), list.__contains__([1], 1))
