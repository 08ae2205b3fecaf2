# Nested calls mixing positional and keyword arguments with defaults.
def clamp(value, lo=0, hi=100):
    if value < lo:
        return lo
    if value > hi:
        return hi
    return value


def scale(value, factor=2, offset=0):
    return value * factor + offset


def pipeline(x, factor=3, lo=-10, hi=10):
    return clamp(scale(x, factor=factor, offset=1), lo=lo, hi=hi)


for x in [-5, -1, 0, 1, 2, 5]:
    print(x, pipeline(x), pipeline(x, 1), pipeline(x, hi=5, factor=10))
print(clamp(scale(scale(1), factor=scale(2)), hi=scale(30, offset=3)))
