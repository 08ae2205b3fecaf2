# dict.update with various sources, fromkeys sharing, setdefault chains
d = {}
d.update([("a", 1)], b=2)
d.update({"c": 3}.items())
d.update(zip("de", (4, 5)))
d.update()
print(d)
shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print(shared)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.setdefault(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2])
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
for bad in [[1, 2], ["ab", "cde"], 5]:
    try:
        print(dict(bad) if not isinstance(bad, int) else dict(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    {}.update(1, 2)
except TypeError as e:
    print("TypeError:", e)
