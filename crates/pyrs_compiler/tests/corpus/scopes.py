counter = 0

def bump():
    global counter
    counter += 1
    return counter

def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add

class K:
    def m(self):
        return __class__

    @staticmethod
    def s(*args, **kwargs):
        return args, kwargs

    @property
    def p(self):
        return 42

a = make()
print(bump(), bump(), a(2), a(3), K().m().__name__, K.s(1, x=2), K().p)
print(*[1, 2], **{"sep": "-"})
print(sorted([3, 1, 2], key=lambda v: -v, reverse=False))
