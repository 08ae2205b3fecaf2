# slice objects and indices()
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(None).indices(3), slice(-3, None).indices(10), slice(None, None, -1).indices(4), slice(10, -10, -3).indices(7))
x = list(range(10))
print(x[s], x[slice(-2, None)], "abcdef"[slice(None, None, 2)], (1, 2, 3)[slice(1, None)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(1, 2, 0).indices(3)
except ValueError as e:
    print("ValueError:", e)
try:
    x[::0]
except ValueError as e:
    print("ValueError:", e)
