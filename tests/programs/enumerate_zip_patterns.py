# idioms with enumerate, zip, map and filter
names = ["ann", "bob", "cy"]
ages = [30, 25, 41]
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(i, n.title(), a)
print(dict(zip(names, ages)), list(zip(*[(1, "a"), (2, "b")])), max(zip(ages, names)))
pairs = list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6])))
print(pairs, sum(pairs), list(filter(lambda n: n.startswith("b"), names)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], list(map(sum, matrix)), list(map(max, *matrix)))
e = enumerate("xyz")
print(next(e), next(e), list(e), list(e))
z = zip("ab", "cd")
print(list(z), list(z))
print(list(map(str.upper, "abc")), list(map(int, "123")), list(filter(str.isdigit, "a1b2")))
print(sorted(enumerate("cab"), key=lambda t: t[1]), {i: c for i, c in enumerate("ab")})
