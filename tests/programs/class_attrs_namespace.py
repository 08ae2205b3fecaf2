class A:
    a = 1
    _b = 2
    def f(self):
        pass
    @property
    def p(self):
        return 0

keys = [k for k in A.__dict__ if not k.startswith("__")]
print(keys)
print("__module__" in A.__dict__, "__doc__" in A.__dict__, A.__dict__["a"])
print(type(A.__dict__["f"]).__name__, type(A.__dict__["p"]).__name__)
class B(A):
    b = 3
print("a" in B.__dict__, B.a, hasattr(B, "f"), getattr(B, "b"))
setattr(B, "new", 4)
print(B.new, B().new)
delattr(B, "new")
print(hasattr(B, "new"))
try:
    del B.a
except AttributeError as e:
    print(e)
try:
    int.x = 1
except TypeError as e:
    print(e)
try:
    (1).x = 1
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
o = B()
print(o.__class__ is B, o.__class__.__name__, B.__class__ is type)
print(B.__doc__, A.__module__)
class Doc:
    "docstring here"
print(Doc.__doc__, Doc().__doc__)
print(vars(Doc())) 
