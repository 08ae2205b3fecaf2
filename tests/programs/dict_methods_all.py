# every dict method
d = dict(a=1, b=2)
d.update({"c": 3}, d=4); d.update([("e", 5)]); print(d)
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("f"), d)
print(d.pop("f"), d.pop("zz", "dflt"), d.popitem(), d)
e = d.copy(); e["x"] = 1; print(d, e)
print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0), dict.fromkeys([]))
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print("a" in d, "z" not in d, len(d), d == {"a": 1, "b": 2, "c": 3, "d": 4}, d != {})
d.clear(); print(d)
for f in (lambda: d.pop("x"), lambda: d.popitem(), lambda: d["missing"], lambda: dict([(1, 2, 3)]), lambda: dict([1])):
    try:
        f()
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(dict([("a", 1), ["b", 2]]), dict({"x": 1}, y=2), dict(zip("ab", range(2))))
x = {1: "a"}
x |= {2: "b"}
print(x | {1: "z"}, {0: 0} | x, x)
print(list(reversed({"p": 1, "q": 2})), dict.__len__({1: 1}), {1: 2}.__getitem__(1))
