# Constant folding of complex arithmetic (+ - * / and small integral powers),
# equal code objects sharing one constant (a while test is compiled twice),
# and SWAPs kept when two stores go to the same name.
print(1 / 1j, 100j / 7., (1 + 2j) / (3 - 4j), 3j ** 0j, 3j ** 0, (1 + 1j) ** 3, (2j) ** -2)
print(0.25 + 1.75j, -0.25 - 1.75j, 2 * 3j, 1.5 - 0j)

def f(p):
    while p and not all(w for w in p):
        p = p[1:]
    return [w for w in p]

def g(x, y, z):
    a, a = x, y
    b, c, b = x, y, z
    return a, b, c

print(f([0, 1, 2]), g(1, 2, 3), len(f.__code__.co_consts))

# Folded sets keep the first of equal items; equal sets share a constant.
def sets(x):
    s = {1, 1.0, True}
    return s, x in {1, 2, 1.0}, x in {2, 1}, {0.0, -0.0, 0}, [type(v).__name__ for v in s]

print(sets(1), sets.__code__.co_consts[1:-1])
