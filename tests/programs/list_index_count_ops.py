# list index/count with equality, containment, multiplication edge cases
a = [1, 2.0, "3", (4,), [5], None, True]
print(a.index(2), a.index(True), a.count(1), a.count(True), 1.0 in a, "3" in a, [5] in a, (4,) in a, None in a)
print([0] * 0, [1, 2] * -1, [[1]] * 2, 0 * [1], len([None] * 1000))
b = [3, 1, 3, 3]
print(b.index(3, 1), b.index(3, -2), b.count(3))
while 3 in b:
    b.remove(3)
print(b)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 3], [1, [2]] == [1, [2]], [] < [1], [2] > [1, 5], [1, 2] <= [1, 2])
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print("TypeError:", e)
try:
    [0] * 10**12
except MemoryError:
    print("MemoryError")
