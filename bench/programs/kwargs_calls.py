# Nested function calls with keyword arguments and defaults.
def clamp(value, lo=0, hi=1000):
    if value < lo:
        return lo
    if value > hi:
        return hi
    return value


def scale(value, factor=2, offset=0):
    return value * factor + offset


def step(x, factor=3, lo=-50, hi=5000):
    return clamp(scale(x, factor=factor, offset=1), lo=lo, hi=hi)


def run(n):
    acc = 0
    for i in range(n):
        acc += step(i % 100, factor=i % 5) + clamp(i, hi=500) + scale(value=i, offset=-i)
    return acc


print(run(1200000))
