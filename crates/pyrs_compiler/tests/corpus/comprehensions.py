data = [1, 2, 3, 4]
print([x * 2 for x in data if x > 1])
print({x: x * x for x in data})
print({x % 2 for x in data})
print(list(x for x in data))
print([(a, b) for a in range(3) for b in range(a)])
name = "w"
print(f"hello {name}!", f"{name!r:>10}", f"{data[0]=}")

def gen(n):
    for i in range(n):
        yield i
    yield from range(2)

print(list(gen(3)))
a, b = 1, 2
a, b = b, a
(c, *d), e = [1, 2, 3], 4
print(a, b, c, d, e)
data[0] += 5
data[1:3] = [9]
print(data, data[::2])
del data[0]
