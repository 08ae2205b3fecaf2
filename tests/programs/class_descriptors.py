class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("delete", self.name)
        del obj.__dict__[self.name]

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)

class Rec:
    name = Typed(str)
    age = Typed(int)
    nd = NonData()

r = Rec()
print(r.name)
r.name = "bob"
r.age = 3
print(r.name, r.age)
try:
    r.age = "old"
except TypeError as e:
    print(e)
del r.age
print(r.age)
print(Rec.name.kind.__name__)
print(r.nd, Rec.nd)
r.__dict__["nd"] = "instance wins"
print(r.nd)
r.__dict__["name"] = "via dict"
print(r.name)

class Ten:
    def __get__(self, obj, objtype=None):
        return 10
class Holder:
    x = Ten()
print(Holder().x, Holder.x)
