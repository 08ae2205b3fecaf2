# None, type() and isinstance() with single types and tuples of types.
def f():
    pass


r = f()
print(r, r is None, type(r))
values = [1, 2.5, "s", True, None, [1], (1,), {"k": 1}, 2 ** 80]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (str, list)))
print(isinstance(3, (float, (int, str))))
print(type(1) == int, type("x") is str, type(2.0) is float)
print(isinstance(True, bool), isinstance(1, bool), isinstance(None, type(None)))
print(type(type(1)))
