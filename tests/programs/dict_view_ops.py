# more dict view behaviour
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "w": 0}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(sorted(a.items() & {("x", 1), ("y", 3)}), a.keys() == b.keys(), a.keys() != {"x"}, a.keys() >= {"x"}, a.keys() <= {"x", "y", "z", "q"})
print(a.values() == a.values(), len(a.values()), list(iter(a.items())), "x" in a.keys(), ("x", 1) in a.items(), ("x", 2) in a.items(), [1] in a.items())
keys = a.keys()
a.pop("x")
print(keys, len(keys), list(keys))
print({}.keys() | [1, 2], {1: 1}.keys() - [1], sorted({1: 1}.items() | {(2, 2)}))
print(type(a.keys() & set()).__name__, type(a.items() | set()).__name__)
