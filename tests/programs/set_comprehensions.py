# set displays, comprehensions, membership and frozenset keys
words = ["apple", "bob", "kayak", "level", "noon", "python"]
print({w for w in words if w == w[::-1]} == {"bob", "kayak", "level", "noon"}, len({w[0] for w in words}))
print({n % 5 for n in range(100)}, {n * n % 11 for n in range(20)})
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
s = {*range(5), *[10, 11]}
print(s, {*"ab"} | {*"bc"})
print(3 in {1, 2, 3}, "x" in frozenset("xyz"), [1] in [[1]], 1.0 in {1}, True in {1})
groups = {}
for w in words:
    groups.setdefault(len(w), set()).add(w[0])
print({k: sorted(v) for k, v in sorted(groups.items())})
print(frozenset([frozenset([1]), frozenset([2])]) == {frozenset({2}), frozenset({1})})
print(sorted({-1, -2, 3, 0}), max({4, 9, 2}), sum({1, 2, 3}), len(set("mississippi")))
