class Field:
    counter = 0
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default
        Field.counter += 1
        self.order = Field.counter
    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{type(obj).__name__}.{self.name} expects {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.storage, value)
    def __repr__(self):
        return f"Field({self.kind.__name__}, name={self.name!r})"

class ModelMeta(type):
    registry = {}
    def __new__(mcs, name, bases, ns, table=None):
        cls = super().__new__(mcs, name, bases, ns)
        fields = {}
        for base in cls.__mro__[::-1]:
            for k, v in base.__dict__.items():
                if isinstance(v, Field):
                    fields[k] = v
        cls._fields = fields
        if table:
            cls._table = table
            mcs.registry[table] = cls
        return cls
    def __repr__(cls):
        return f"<model {cls.__name__}>"

class Model(metaclass=ModelMeta):
    id = Field(int, 0)
    def __init__(self, **values):
        for k, v in values.items():
            if k not in self._fields:
                raise AttributeError(f"{type(self).__name__} has no field {k!r}")
            setattr(self, k, v)
    def to_row(self):
        return tuple([getattr(self, f) for f in self._fields])
    def __eq__(self, other):
        return type(self) is type(other) and self.to_row() == other.to_row()
    def __hash__(self):
        return hash(self.to_row())
    def __repr__(self):
        vals = ", ".join([f"{k}={getattr(self, k)!r}" for k in self._fields])
        return f"{type(self).__name__}({vals})"

class User(Model, table="users"):
    name = Field(str, "")
    age = Field(int, 0)

class Admin(User, table="admins"):
    level = Field(int, 1)

u = User(id=1, name="ann", age=30)
a = Admin(id=2, name="bob", level=3)
print(u, a, User, ModelMeta.registry)
print(list(User._fields), list(Admin._fields), User.name)
print(u.to_row(), a.to_row(), u == User(id=1, name="ann", age=30), {u: "x"}[User(id=1, name="ann", age=30)])
try:
    u.age = "old"
except TypeError as e:
    print(e)
try:
    User(email="x")
except AttributeError as e:
    print(e)
print(User().to_row(), Admin._table, isinstance(Admin, ModelMeta))
