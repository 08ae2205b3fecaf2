class A:
    pass
class B(A):
    pass
print(isinstance(A, type), isinstance(A, object), isinstance(type, type), isinstance(object, type))
print(issubclass(type, object), issubclass(B, object), issubclass(bool, int))
print(type.__mro__, object.__mro__, bool.__mro__)
print(B.__base__.__name__, A.__base__.__name__, object.__base__)
print(type(A()).__mro__[-1] is object)
print(A.__name__, B.__qualname__, int.__name__, type.__name__)
print(repr(A).startswith("<class '__main__.A'>"), repr(int), repr(type))
print(callable(A), callable(A()))
print(isinstance(B(), (int, A)), isinstance(3, (A, B)))
b = B()
print(b.__class__.__mro__[1].__name__)
print(type.__dict__["mro"] is not None, A.mro() == list(A.__mro__))
print(int.__module__, A.__module__, type(len).__name__)
