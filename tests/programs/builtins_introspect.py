# dir, vars, locals, globals, getattr/setattr/delattr/hasattr
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print(sorted([k for k in globals() if not k.startswith("__")]))
print(locals() is globals(), vars() is globals())
d = dir([])
print("append" in d, "sort" in d, d == sorted(d))
print([n for n in dir("") if not n.startswith("_")][:10])
print("keys" in dir({}), "add" in dir(set()), "bit_length" in dir(1))
def g():
    pass
g.attr = 5
print(getattr(g, "attr"), hasattr(g, "attr"), getattr(g, "nope", "default"))
setattr(g, "other", 1)
delattr(g, "attr")
print(hasattr(g, "attr"), g.other)
try:
    delattr(g, "attr")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(1, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
