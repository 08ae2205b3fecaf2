# types.MappingProxyType: what type.__dict__ returns; a read-only view of a mapping.
class A:
    x = 1
    def m(self): pass

d = A.__dict__
print(type(d).__name__, type(d) is type(type.__dict__))
print(d["x"], "x" in d, "y" in d, d.get("y"), d.get("y", 5))
print(sorted(k for k in d if not k.startswith("__")))
print(len(d) == len(list(d)))
print(sorted(d.keys())[:3], type(d.copy()).__name__)
try:
    d["x"] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    del d["x"]
except TypeError as e:
    print("TypeError:", e)
MP = type(d)
p = MP({"a": 1, "b": 2})
print(p, repr(p), str(p))
print(p == {"a": 1, "b": 2}, p != {"a": 1}, p | {"c": 3}, {"z": 0} | p)
print(list(reversed(p)), list(p.items()), list(p.values()))
try:
    MP([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    MP()
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(vars(A) == A.__dict__, type(vars(A)).__name__)
print(int.__dict__["__add__"].__name__)
A.y = 5
print(d["y"])
for k, v in p.items():
    print(k, v)
print(isinstance(p, MP), MP.__name__)
