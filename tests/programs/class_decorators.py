def register(cls):
    cls.registered = True
    return cls

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join([f"{k}={v!r}" for k, v in self.__dict__.items()])
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

@register
@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

print(Point(1, "a"), Point.registered)

def replace_with_func(cls):
    return lambda: f"factory for {cls.__name__}"

@replace_with_func
class Gone:
    pass
print(Gone())

def method_decorator(f):
    def wrapper(self, *a):
        return "wrapped:" + str(f(self, *a))
    wrapper.__name__ = f.__name__
    return wrapper

class W:
    @method_decorator
    def calc(self, x):
        return x * 2
print(W().calc(4), W.calc.__name__)

class Counted:
    count = 0
    def __init__(self):
        type(self).count += 1
class SubCounted(Counted):
    pass
Counted(); Counted(); SubCounted()
print(Counted.count, SubCounted.count)
