# dict copy vs alias, clear through an alias, views after clear
a = {"k": [1]}
b = a
c = a.copy()
c["k"].append(2)
c["new"] = 0
print(a, c, a is b)
keys = a.keys()
b.clear()
print(a, len(keys), list(keys), c)
d = dict(c)
d["k"] = "replaced"
print(c["k"], d["k"])
e = {i: str(i) for i in range(5)}
for k in list(e):
    if k % 2:
        del e[k]
print(e, e.popitem(), e)
