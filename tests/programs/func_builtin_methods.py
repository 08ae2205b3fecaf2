l = [3, 1]
app = l.append
app(2)
print(l, app.__self__ is l, app.__name__)
print(type(app).__name__, type(list.append).__name__ if False else "skip")
s = "abc"
up = s.upper
print(up(), up.__self__, up.__qualname__)
print(len.__name__, len.__self__.__name__ if hasattr(len.__self__, "__name__") else len.__self__)
d = {}
setd = d.setdefault
setd("k", 1)
print(d)
def f():
    pass
f.__dict__["x"] = 1
print(f.x)
f.__dict__ = {"y": 2} if False else f.__dict__
print(f.__dict__)
f.__defaults__ = None
print(f.__defaults__)
def g(a=1):
    return a
g.__defaults__ = (5,)
print(g())
g.__code__ = f.__code__
print(g())
