def f(x):
    try:
        if x:
            raise ValueError("bad")
        r = 1
    except ValueError as e:
        r = str(e)
    except (TypeError, KeyError):
        r = 2
    else:
        r = 3
    finally:
        print("finally")
    return r

print(f(0), f(1))

def g():
    try:
        return 1
    finally:
        print("g")

print(g())
try:
    raise KeyError("k") from None
except KeyError:
    print("caught")
assert True, "never"
