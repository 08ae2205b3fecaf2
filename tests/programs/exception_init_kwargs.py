# ImportError, NameError and AttributeError take keyword arguments in __init__
# (so Python subclasses and explicit __init__ calls get them); others refuse.
class ZipLike(ImportError):
    pass


e = ZipLike("not a Zip file", path="p.zip")
print(e.path, e.name, e.args, e.msg)
print(ImportError("a", path="q").path)


class Named(NameError):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


print(Named("m", name="zz").name)
for make in [
    lambda: ImportError("x", foo=1),
    lambda: ModuleNotFoundError("x", foo=1),
    lambda: NameError("x", foo=1),
    lambda: AttributeError("x", foo=1),
    lambda: ValueError("x", foo=1),
    lambda: ZipLike("x", foo=1),
    lambda: Named("x", foo=1),
]:
    try:
        make()
    except TypeError as err:
        print(err)


class V(ValueError):
    pass


try:
    V("x", foo=1)
except TypeError as err:
    print(err)
e = ImportError("a", "b")
print(e.msg, e.args)
e.__init__("c", name="nn")
print(e.msg, e.name, e.path, e.args)
a = AttributeError("q", name="n", obj=3)
print(a.name, a.obj)
