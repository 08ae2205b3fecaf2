class Dyn:
    a = 1
    def __init__(self):
        self.b = 2
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name} here")

d = Dyn()
print(d.a, d.b, d.xyz)
try:
    d.nope
except AttributeError as e:
    print(e)
print(getattr(d, "nope", "default"), hasattr(d, "nope"), hasattr(d, "xa"))

class Logged:
    def __init__(self):
        self.v = 1
    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)

l = Logged()
print(l.v)
try:
    l.missing
except AttributeError as e:
    print("AttributeError:", e)

class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom!")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return "fallback " + name
b = Both()
print(b.boom, b.other)
b.real = 3
print(b.real)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, value):
        print("proxy set", name)
        setattr(self._t, name, value)
    def __delattr__(self, name):
        print("proxy del", name)
        delattr(self._t, name)

class T:
    pass
t = T()
p = Proxy(t)
p.q = 5
print(t.q, p.q)
del p.q
print(hasattr(t, "q"))
