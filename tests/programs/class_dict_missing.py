class DefaultList(dict):
    def __missing__(self, key):
        print("missing", key)
        value = self[key] = []
        return value

d = DefaultList()
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, d.get("zzz"), "zzz" in d)

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello world":
    c[ch] += 1
print(c["l"], c["o"], c["z"], len(c))

class Raising(dict):
    def __missing__(self, key):
        raise KeyError(f"custom {key}")
try:
    Raising()["k"]
except KeyError as e:
    print("KeyError", e)
class Plain(dict):
    pass
try:
    Plain()["k"]
except KeyError as e:
    print("KeyError", e)
