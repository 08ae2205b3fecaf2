# dict insertion order, deletion and reinsertion, equality, nested
d = {}
for k in "hello world":
    d[k] = d.get(k, 0) + 1
print(d)
del d["l"]
d["l"] = 9
print(d, list(d)[-1])
d2 = {k: v for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))}
print(d2, d == d2, list(d) == list(d2))
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): 3}[(1, 2)], {None: 1}[None])
m = {"a": [1], "b": {"c": 2}}
print(m["b"]["c"], m.get("a")[0], len(m), {**m, "z": 0})
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
print(dict(a=1) == dict([("a", 1)]), {1: 2} != {1: 3}, {} == dict())
