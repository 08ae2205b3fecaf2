# iter()/next() on builtin containers and their iterator types
for c in [[1, 2], (3, 4), "ab", {5: 0}, {6}, b"\x07", bytearray(b"\x08"), range(2), {9: 1}.values(), {1: 2}.items()]:
    it = iter(c)
    print(type(it).__name__, next(it), list(it), next(it, "done"))
it = iter([1])
print(iter(it) is it, next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2, 3]
it = iter(lst)
lst.append(4)
print(list(it))
d = {1: 1}
it = iter(d)
d[2] = 2
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
