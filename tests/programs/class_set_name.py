class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner = owner
        self.name = name
    def __get__(self, obj, typ=None):
        return self if obj is None else f"<{self.name} of {type(obj).__name__}>"

class Model:
    a = Field()
    b = Field()
    c = 5

m = Model()
print(m.a, m.b, Model.a.name, Model.a.owner is Model)

f = Field()
class Later:
    pass
Later.x = f
print(hasattr(f, "name"))

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class Host:
        attr = Boom()
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
except ValueError as e:
    print("ValueError", e)
