def f():
    return "called"
s = f
for _ in range(20000):
    s = staticmethod(s)
try:
    s()
except RecursionError:
    print("RecursionError calling nested staticmethods")
c = f
for _ in range(20000):
    c = classmethod(c)
try:
    repr(c)
except RecursionError:
    print("RecursionError in repr of nested classmethods")
t = int
for i in range(1000):
    t = type("T%d" % i, (t,), {})
print(t(7) + 1, len(t.__mro__))
class Deep:
    pass
for i in range(800):
    Deep = type("Deep", (Deep,), {"level": i})
print(Deep.level, Deep().level, isinstance(Deep(), object))
