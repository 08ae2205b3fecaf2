def f(x):
    return min([x], key=f)
try:
    f(1)
except RecursionError as e:
    print("RecursionError:", e)
