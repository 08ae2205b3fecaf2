for name in ["__len__", "__iter__", "__getitem__", "__contains__", "__add__", "__radd__",
             "__mul__", "__rmul__", "__mod__", "__eq__", "__hash__", "__repr__", "__format__",
             "__init__", "__new__", "__setitem__", "__index__", "__int__", "__float__", "__neg__"]:
    print(name, [hasattr(t, name) for t in (int, float, str, tuple, list, dict, object)])
class MyInt(int):
    def __format__(self, spec):
        return "<" + super().__format__(spec) + ">"
print(f"{MyInt(42):05d}", format(3.5, "") if False else "")
