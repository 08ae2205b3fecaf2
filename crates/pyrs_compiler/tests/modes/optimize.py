"""Module docstring."""
assert x, "message"
assert y

if __debug__:
    print("debug")
else:
    print("optimized")

while __debug__:
    break

def f(a):
    """Function docstring."""
    assert a > 0
    return __debug__

class C:
    """Class docstring."""
    def m(self):
        "method doc"
        if not __debug__:
            return 1
        return 2

print(f(1), C().m(), f.__doc__, C.__doc__)
