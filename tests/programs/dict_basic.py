# Dicts: insertion order, lookup, assignment, in, len, iteration, deletion-free.
d = {"one": 1, "two": 2, "three": 3}
print(d, len(d), d["two"])
d["four"] = 4
d["one"] = 100
print(d)
print("one" in d, "five" in d, 1 in d, "five" not in d)
for k in d:
    print(k, d[k])
counts = {}
for w in ["a", "b", "a", "c", "b", "a"]:
    if w in counts:
        counts[w] = counts[w] + 1
    else:
        counts[w] = 1
print(counts)
m = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool"}
print(m)
print(m[1], m[(1, 2)], m[None])
print({}, len({}), repr({"q": [1, 2], "r": {"n": None}}))
squares = {}
for i in range(6):
    squares[i] = i * i
print(squares)
