import sys
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(60000)
def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1
print(deep(50000))
try:
    [0] * 10**12
except MemoryError as e:
    print("MemoryError", repr(e))
try:
    "ab" * 10**15
except MemoryError:
    print("MemoryError str")
sys.setrecursionlimit(1000)
x = []
for i in range(200000):
    x = [x]
print("built")
try:
    repr(x)
except RecursionError as e:
    print("repr RecursionError")
y = x
del x
del y
print("freed")
t = ()
for i in range(100000):
    t = (t,)
try:
    hash(t)
except RecursionError:
    print("hash RecursionError")
del t
print("done")
