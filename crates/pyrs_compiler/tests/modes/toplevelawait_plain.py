# Without any await the module stays an ordinary one under the flag.
x = 1
def f():
    return x
