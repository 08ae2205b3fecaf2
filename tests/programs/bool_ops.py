# and/or/not return values, short-circuit evaluation, truthiness.
def noisy(name, value):
    print("eval", name)
    return value


print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" and "y")
print(not 0, not 1, not "", not "a", not [], not [0], not None, not {}, not ())
print(noisy("a", 0) and noisy("b", 1))
print(noisy("c", 1) or noisy("d", 1))
print(noisy("e", 1) and noisy("f", 0) or noisy("g", "fallback"))
x = 1
print(True and False, True or False, not True)
print(True == 1, False == 0, True is True, None is None, x is not None)
print(type(True), isinstance(True, int), True + 0)
print(bool(0), bool(3), bool(""), bool("0"), bool([]), bool(0.0), bool(None))
x = [] or {} or 0 or "last"
print(x)
