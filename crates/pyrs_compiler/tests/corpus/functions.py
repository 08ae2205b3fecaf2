def add(a, b=2, *args, c, d=4, **kw):
    """Add things."""
    return a + b + c + d + len(args) + len(kw)

def f(x):
    if x:
        return 1

print(add(1, c=3), add(1, 2, 3, 4, c=5, e=6), f(0), f(1))

def outer(n):
    def inner(m):
        return n + m
    return inner

print(outer(1)(2))
g = lambda a, b=1: a * b
print(g(3), g(3, 4))
