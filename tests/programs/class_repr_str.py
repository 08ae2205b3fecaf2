class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "just str"
class Neither:
    pass
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, s)
print(repr(b), repr(r), str(b), str(r))
print([b, r], (b,), {"k": r})
print(f"{b} {b!r} {r!s}")
print("%s %r" % (b, b))
n = repr(Neither())
print(n.startswith("<__main__.Neither object at 0x"), n.endswith(">"))
print(repr(s).startswith("<__main__.StrOnly object"))
class Bad:
    def __repr__(self):
        return 5
try:
    repr(Bad())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
class Nested:
    class Inner:
        pass
print(Nested.Inner.__qualname__, Nested.Inner.__name__)
print(repr(Nested.Inner))
print(Nested)
print(type(Nested()).__qualname__)
class Sup(ReprOnly):
    def __repr__(self):
        return "Sup+" + super().__repr__()
print(Sup())
class ObjRepr:
    def __repr__(self):
        return "custom"
    def __str__(self):
        return object.__str__(self)
print(ObjRepr())
