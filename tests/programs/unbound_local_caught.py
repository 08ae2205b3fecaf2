# Reading a local before it is assigned raises UnboundLocalError even though a
# global of the same name exists: assignment anywhere makes the name local.
total = 10


def bump():
    total = total + 1
    return total


try:
    bump()
except UnboundLocalError as e:
    print(type(e).__name__, e)
    print(repr(e))
    print(isinstance(e, NameError))


def conditional(flag):
    if flag:
        value = "set"
    return value


print(conditional(True))
try:
    conditional(False)
except NameError as e:
    print("NameError caught:", e)
print(total)
