class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        """Degrees C."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        print("set", v)
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleted")
        self._c = None

    @property
    def ro(self):
        return "read-only"

t = Temp()
t.celsius = 25
print(t.celsius)
del t.celsius
print(t.celsius)
print(Temp.celsius.__doc__)
print(type(Temp.celsius).__name__)
try:
    t.ro = 1
except AttributeError as e:
    print(e)
try:
    del t.ro
except AttributeError as e:
    print(e)
print(Temp.ro.fget(t), Temp.ro.fset, Temp.celsius.fdel is not None)

def getx(self):
    return self.__dict__.get("x", 0)
def setx(self, v):
    self.__dict__["x"] = v
class Old:
    x = property(getx, setx, None, "the x")
o = Old()
o.x = 5
print(o.x, Old.x.__doc__)
p = property()
class Empty:
    e = p
try:
    Empty().e
except AttributeError as e:
    print(e)
# a property shadows an instance dict entry
t.__dict__["celsius"] = "shadow?"
print(t.celsius)
