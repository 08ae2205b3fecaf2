# raise of builtin exceptions with and without arguments; except ... as e.
def check(n):
    if n < 0:
        raise ValueError("negative: " + str(n))
    if n == 0:
        raise ZeroDivisionError
    if n > 100:
        raise OverflowError("too big", n)
    return 100 // n


for n in [5, -1, 0, 1000]:
    try:
        print("result", check(n))
    except ValueError as e:
        print(type(e).__name__, e, repr(e))
    except ZeroDivisionError as e:
        print(type(e).__name__, repr(str(e)), repr(e))
    except OverflowError as e:
        print(type(e).__name__, e, repr(e), e.args)

try:
    raise KeyError("missing")
except KeyError as e:
    print(e, repr(e), e.args)
try:
    raise IndexError
except IndexError as e:
    print(repr(e), e.args)
try:
    raise TypeError("bad type")
except Exception as e:
    print(isinstance(e, TypeError), isinstance(e, Exception), isinstance(e, ValueError))
try:
    raise AttributeError("no such attribute")
except (KeyError, AttributeError) as e:
    print("tuple caught", type(e).__name__, e)
