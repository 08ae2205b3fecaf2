class FieldsMeta(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        fields = []
        for base in reversed(cls.__mro__) if False else cls.__mro__[::-1]:
            for f in base.__dict__.get("__annotations__", {}):
                if f not in fields:
                    fields.append(f)
        cls._fields = fields
        return cls

class Record(metaclass=FieldsMeta):
    def __init__(self, *args, **kwargs):
        if len(args) > len(self._fields):
            raise TypeError(f"{type(self).__name__} takes {len(self._fields)} arguments")
        for name, value in list(zip(self._fields, args)) if False else [(self._fields[i], args[i]) for i in range(len(args))]:
            setattr(self, name, value)
        for name in self._fields[len(args):]:
            if name in kwargs:
                setattr(self, name, kwargs.pop(name))
            elif hasattr(type(self), name):
                setattr(self, name, getattr(type(self), name))
            else:
                raise TypeError(f"missing field {name!r}")
        if kwargs:
            raise TypeError(f"unknown fields {list(kwargs)}")
    def __repr__(self):
        inner = ", ".join([f"{f}={getattr(self, f)!r}" for f in self._fields])
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        return type(self) is type(other) and all([getattr(self, f) == getattr(other, f) for f in self._fields]) if False else type(self) is type(other) and [getattr(self, f) for f in self._fields] == [getattr(other, f) for f in other._fields]

class Point(Record):
    x: int
    y: int = 0

class Point3(Point):
    z: float = 1.5

print(Point.__annotations__, Point3.__annotations__)
print(Point(1), Point(1, 2), Point3(1, 2, 3.0), Point3(4, z=9))
print(Point(1, 2) == Point(1, 2), Point(1) == Point3(1))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, w=2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(Point._fields, Point3._fields)
