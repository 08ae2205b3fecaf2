import sys
from os import path

def deco(f):
    return f

@deco
def decorated(a, /, b, *, c=3):
    "doc"
    return a, b, c

print(decorated(1, 2), decorated(1, b=2, c=4))
items = {"a": 1, **{"b": 2}}
print(items, [*range(3), 4], (*"ab",), {*()} or None)
n = 5
while True:
    n -= 1
    if n < 2:
        break
print(n, sys.version_info[0] >= 3, path.sep)
try:
    pass
except Exception:
    pass
else:
    print("else")
x = [1, 2, 3]
x[0], x[1] = x[1], x[0]
print(x[-1], x[1:], x[:2], x[::-1], not (x is None), 3 not in x)
i = 0
for i, ch in enumerate("abc"):
    if ch == "b":
        continue
    print(i, ch)
print(i)
def kw(**kw):
    return kw
print(kw(a=1, **{"b": 2}), kw(*(), **{}))
async def co():
    return 1
c = co()
try:
    c.send(None)
except StopIteration as e:
    print("co", e.value)
