class Default(dict):
    def __init__(self, default, *args, **kw):
        super().__init__(*args, **kw)
        self.default = default
    def __missing_like(self, k):
        return self.default
    def __getitem__(self, k):
        if k in self:
            return super().__getitem__(k)
        return self.default

d = Default(0, {"a": 1}, b=2)
print(d["a"], d["b"], d["zz"], len(d), d)
d["c"] = 3
print(list(d.keys()), list(d.items()), d.get("c"), "c" in d)

class Attr(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v

a = Attr(x=1)
a.y = 2
print(a.x, a.y, a, isinstance(a, dict))
try:
    a.nope
except AttributeError as e:
    print("AttributeError", e)

class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
l = Lower()
l["ABC"] = 1
print(l, l == {"abc": 1}, dict(l))
del l["abc"]
print(l, bool(l))
