def f(a, b):
    return a[b] + \
        a[b]
def g():
    x = {}
    return (x
            ["missing"])
try:
    f([1], 5)
except IndexError:
    import sys
try:
    g()
except KeyError:
    pass
def h():
    y = [1, 2]
    return y[1] / (y[0] - 1)
h()
