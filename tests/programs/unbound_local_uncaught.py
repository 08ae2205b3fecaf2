# An uncaught UnboundLocalError: the traceback goes to stderr, exit status 1.
x = 1


def f():
    print(x)
    x = 2


print("before")
f()
print("never printed")
