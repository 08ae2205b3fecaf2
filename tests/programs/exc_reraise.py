# Bare raise re-raises the exception being handled; bare except catches all.
def inner():
    raise KeyError("k")


def middle():
    try:
        inner()
    except KeyError:
        print("middle saw KeyError, re-raising")
        raise


try:
    middle()
except KeyError as e:
    print("outer caught", repr(e))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("first handler:", e)
        raise
except:
    print("bare except caught the re-raise")

def convert(s):
    try:
        return int(s)
    except:
        return -1


print(convert("12"), convert("x"), convert("3.5"))
try:
    try:
        raise ValueError("original")
    except ValueError:
        raise TypeError("replacement")
except TypeError as e:
    print(type(e).__name__, e)
