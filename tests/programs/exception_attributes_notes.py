e = ValueError("a", 2)
print(e.args, str(e), repr(e))
e.add_note("note one")
e.add_note("note two")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as t:
    print("TypeError:", t)
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")))
o = OSError(2, "No such file", "x.txt")
print(o.errno, o.strerror, o.filename, str(o), type(o).__name__)
print(type(OSError(13, "denied")).__name__)
print(str(OSError("just a message")), OSError("m").errno)
s = SystemExit(3)
print(s.code, SystemExit().code, SystemExit(1, 2).code)
si = StopIteration(5)
print(si.value)
u = UnboundLocalError("x")
print(isinstance(u, NameError), UnboundLocalError.__mro__)
print(BaseException.__subclasses__ if False else "skip")
try:
    raise ValueError("x") from KeyError("y")
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__, repr(v.__context__))
try:
    try:
        1/0
    except ZeroDivisionError:
        raise TypeError("inner")
except TypeError as t:
    print(repr(t.__context__), t.__suppress_context__)
x = ValueError("w")
print(x.with_traceback(None) is x, x.__traceback__)
a = AttributeError("msg", name="nm", obj=5)
print(a.name, a.obj)
n = NameError("m", name="nn")
print(n.name)
imp = ImportError("no", name="mod", path="/p")
print(imp.name, imp.path, imp.msg)
ee = Exception()
print(repr(ee), str(ee), ee.args)
print(repr(ArithmeticError()), issubclass(ZeroDivisionError, ArithmeticError))
class_names = [c.__name__ for c in (LookupError, IndexError, KeyError)]
print(class_names)
print(isinstance(FileNotFoundError(), OSError), type(IOError).__name__, IOError is OSError, EnvironmentError is OSError)
try:
    raise ValueError
except ValueError as v:
    print(repr(v), v.args)
e2 = ValueError("bad")
e2.add_note("extra context")
raise e2
