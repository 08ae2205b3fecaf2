class Shape:
    def __init__(self, **kwargs):
        print("Shape got", kwargs)
        super().__init__(**kwargs)

class Colored(Shape):
    def __init__(self, color="black", **kwargs):
        self.color = color
        super().__init__(**kwargs)

class Named(Shape):
    def __init__(self, name="?", **kwargs):
        self.name = name
        super().__init__(**kwargs)

class Thing(Colored, Named):
    def __init__(self, size, **kwargs):
        self.size = size
        super().__init__(**kwargs)
    def clone(self, **changes):
        attrs = dict(color=self.color, name=self.name)
        attrs.update(changes)
        return type(self)(self.size, **attrs)

t = Thing(3, color="red", name="box")
print(t.size, t.color, t.name, [c.__name__ for c in Thing.__mro__])
u = t.clone(color="blue")
print(type(u).__name__, u.color, u.name)
try:
    Thing(1, bogus=2)
except TypeError as e:
    print(e)

class JsonMixin:
    def to_dict(self):
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
class Pt(JsonMixin):
    def __init__(self, x, y):
        self.x, self.y, self._hidden = x, y, 0
print(Pt(1, 2).to_dict())
class DivM:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
print(divmod(DivM(), 3) if False else "skip divmod")
