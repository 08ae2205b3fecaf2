class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = {}
        for k, v in members.items():
            inst = object.__new__(cls)
            inst.name, inst.value = k, v
            setattr(cls, k, inst)
            cls._members[k] = inst
        return cls
    def __iter__(cls):
        return iter(list(cls._members.values()))
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        return cls._members[name]
    def __contains__(cls, item):
        return isinstance(item, cls) and item.name in cls._members
    def __call__(cls, value):
        for m in cls._members.values():
            if m.value == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return f"{self.name.lower()} is #{self.value}"

print(list(Color), len(Color))
print(Color.RED, repr(Color.GREEN), Color["BLUE"], Color(2) is Color.GREEN)
print(Color.RED in Color, 1 in Color, Color.BLUE.describe())
try:
    Color(7)
except ValueError as e:
    print(e)
for c in Color:
    print(c.name, c.value, isinstance(c, Color), isinstance(c, Enum))
print(type(Color).__name__, Color.__mro__[1].__name__)
print({Color.RED: "stop", Color.GREEN: "go"}[Color(1)])
