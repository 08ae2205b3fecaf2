# Exceptions propagating through several frames and handlers; the first
# matching handler wins; exception variables are cleared after except.
def level3(kind):
    if kind == "value":
        raise ValueError("from level3")
    if kind == "index":
        return [][0]
    return "no error"


def level2(kind):
    try:
        return level3(kind)
    except IndexError as e:
        return "level2 handled " + type(e).__name__


def level1(kind):
    try:
        return level2(kind)
    except ValueError as e:
        return "level1 handled " + str(e)
    finally:
        print("level1 finally for", kind)


for kind in ["none", "index", "value"]:
    print(level1(kind))

err = "unchanged"
try:
    raise ValueError("v")
except ValueError as err:
    print("inside", repr(err))
try:
    print(err)
except NameError as e:
    print("after except:", e)
