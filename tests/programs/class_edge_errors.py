class A:
    __slots__ = ("x",)
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("type.__new__(type)", lambda: type.__new__(type))
attempt("type.__new__(int,...)", lambda: type.__new__(int, "X", (), {}))
attempt("object.__new__()", lambda: object.__new__())
attempt("staticmethod()", lambda: staticmethod())
attempt("classmethod(1, 2)", lambda: classmethod(1, 2))
attempt("property(1,2,3,4,5)", lambda: property(1, 2, 3, 4, 5))
attempt("property.getter(5, f)", lambda: property.getter(5, len))
attempt("member get on int", lambda: A.__dict__["x"].__get__(5, int))
attempt("super()", lambda: super())
attempt("super(1)", lambda: super(1))
attempt("super(A, 1, 2)", lambda: super(A, 1, 2))
attempt("slots=5", lambda: type("S", (), {"__slots__": 5}))
attempt("slots=[1]", lambda: type("S", (), {"__slots__": [1]}))
attempt("slots bad name", lambda: type("S", (), {"__slots__": ["a b"]}))
attempt("qualname=5", lambda: type("Q", (), {"__qualname__": 5}))
attempt("type(1, 2, 3)", lambda: type(1, 2, 3))
attempt("type('X', (1,), {})", lambda: type("X", (1,), {}))
attempt("int.__new__(str)", lambda: int.__new__(str))
attempt("list.__init__(5)", lambda: list.__init__(5))
attempt("dict.__init__('x')", lambda: dict.__init__("x"))
attempt("del __class__", lambda: delattr(A(), "__class__"))
attempt("object.__init__()", lambda: object.__init__())
attempt("object.__setattr__(1, 'a', 2)", lambda: object.__setattr__(1, "a", 2))
attempt("object.__getattribute__(1, 2)", lambda: object.__getattribute__(1, 2))
attempt("type.__call__(5)", lambda: type.__call__(5))
attempt("isinstance(1, (int, 5))", lambda: isinstance(1, (str, 5)))
attempt("A.__dict__['x'].__set__(A(), 1)", lambda: A.__dict__["x"].__set__(A(), 1))
attempt("BaseException.__init__(5)", lambda: BaseException.__init__(5))
attempt("type.mro(5)", lambda: type.mro(5))
attempt("class(metaclass=5)", lambda: type("X", (), {}, metaclass=5))
def build_with_bad_meta():
    class X(metaclass=lambda *a: "not a class"):
        pass
    return X
attempt("metaclass function", build_with_bad_meta)
def build_with_non_type_base():
    class Y(object, 5):
        pass
attempt("base 5", build_with_non_type_base)
