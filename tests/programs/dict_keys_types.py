# keys of many types and equal-but-different keys
d = {}
for k in [1, 1.0, True, "1", b"1", (1,), frozenset([1]), None, 2.5, -0.0, 0, 10**20, 1j]:
    d[k] = type(k).__name__
print(d)
print(d[1], d[0.0], d[(1,)], d[frozenset({1})], d[10**20], d[1j], len(d))
print({0: "a", 0.0: "b", False: "c"}, {"a": 1, "a": 2}, {(1, 2): "t", (1, 2.0): "u"})
nested = {"outer": {"inner": [1, {"deep": True}]}}
print(nested["outer"]["inner"][1]["deep"], str(nested), repr(nested) == str(nested))
