# enumerate, zip, map, filter, reversed, iter(callable, sentinel)
e = enumerate("abc")
print(type(e).__name__, next(e), list(e), list(enumerate([], 5)), list(enumerate("xy", start=-1)), list(enumerate("ab", 2**70)))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(3), range(3))), type(zip()).__name__)
print(list(zip([1, 2], [3, 4], strict=True)))
for args in (([1, 2], [3]), ([1], [2, 3]), ([1], [2], [3, 4]), ([1, 2], [1, 2], [1])):
    try:
        list(zip(*args, strict=True))
    except ValueError as ex:
        print("ValueError:", ex)
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a + b, "ab", "xyz")), type(map(str, [])).__name__)
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda v: v % 2, range(10))), type(filter(None, [])).__name__)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), type(reversed([])).__name__, type(reversed(())).__name__)
it = iter([1, 2, 3, 4])
print(next(it), list(zip(it, it)))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 5)), type(iter(tick, 0)).__name__)
m = map(int, ["1", "x", "3"])
print(next(m))
try:
    next(m)
except ValueError as ex:
    print("ValueError:", ex)
for f in (lambda: enumerate(), lambda: zip(1), lambda: map(str), lambda: reversed(5), lambda: iter(5, 1), lambda: filter(None)):
    try:
        f()
    except TypeError as ex:
        print("TypeError:", ex)
g = [x * x for x in range(4)]
print(list(enumerate(g)), dict(enumerate("ab")), sum(map(len, ["a", "bb"])))
