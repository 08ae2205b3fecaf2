# Edge cases: a 200000-object chain of __del__, tracing into RecursionError,
# failing trace/profile hooks, resurrection, athrow()/asend() argument errors.
import sys, gc
class N:
    count = 0
    def __init__(self, nxt): self.nxt = nxt
    def __del__(self): N.count += 1
head = None
for i in range(200000):
    head = N(head)
del head
print("freed", N.count)

def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
def tr(f, e, a):
    return tr
sys.settrace(tr)
try:
    rec(100000)
except RecursionError:
    print("RecursionError under trace")
sys.settrace(None)
print(rec(500))

async def ag():
    yield 1
g = ag()
try:
    g.athrow()
except TypeError as e:
    print("TypeError:", e)
try:
    g.athrow(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g.asend()
except TypeError as e:
    print("TypeError:", e)

def tr2(f, e, a):
    raise ValueError("in call event")
sys.settrace(tr2)
try:
    rec(3)
except ValueError as e:
    print("ValueError:", e, sys.gettrace())
sys.setprofile(lambda *a: 1/0)
try:
    len([])
except ZeroDivisionError:
    print("profile raised", sys.getprofile())
class R:
    def __del__(self):
        global keep
        keep = self
r = R(); del r
print(type(keep).__name__)
del keep
print(gc.collect() >= 0)
g = ag()
for args in [(), (1,), (ValueError, 1, 2, 3)]:
    aw = g.athrow(*args)
    try:
        aw.send(None)
    except Exception as e:
        print(type(e).__name__, e)
def gg():
    yield 1
x = gg(); next(x)
try:
    x.throw(1)
except TypeError as e:
    print(e)
