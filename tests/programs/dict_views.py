# dict views: live, reprs, set operations
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, type(k).__name__, type(v).__name__, type(it).__name__)
d["d"] = 4
print(len(k), list(v), ("d", 4) in it, "a" in k, 4 in v, ("a", 2) in it)
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "z"})
print(sorted(it - {("a", 1)}), k == {"a", "b", "c", "d"}, k < {"a", "b", "c", "d", "e"}, k.isdisjoint({"x"}))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
del d["a"]
print(k, v, it)
print({}.keys(), {}.values(), {}.items())
try:
    for key in d:
        d["new" + key] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    hash(k)
except TypeError as e:
    print("TypeError:", e)
