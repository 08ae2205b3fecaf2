class C:
    def __init__(self, v):
        self.v = v
    def get(self, extra=0):
        return self.v + extra

c = C(5)
m = c.get
print(m(), m(1), m.__self__ is c, m.__func__ is C.get, m.__name__, m.__qualname__)
print(C.get(c, 2))
print(type(m).__name__, type(C.get).__name__)
m2 = c.get
print(m == m2, m is m2)
c.get = lambda: "instance attr"
print(c.get())
del c.get
print(c.get())
try:
    C.get()
except TypeError as e:
    print(e)
try:
    c.get(1, 2)
except TypeError as e:
    print(e)
try:
    c.get(extra=1, bad=2)
except TypeError as e:
    print(e)
meths = [C(i).get for i in range(3)]
print([mm() for mm in meths])
print(m.__doc__, m.__module__)
