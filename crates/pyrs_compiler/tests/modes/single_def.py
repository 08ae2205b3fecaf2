def f(a):
    "doc"
    a
    return a
