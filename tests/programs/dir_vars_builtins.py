# dir() of builtin types lists their methods; vars of functions
for t in (str, list, dict, set, frozenset, tuple, int, float, bytes, bytearray, range, complex):
    names = [n for n in dir(t) if not n.startswith("_")]
    print(t.__name__, len(names) > 0, names[:6])
def f():
    pass
f.x = 1
print(vars(f), sorted(vars(f).items()))
