def f(a: int):
    "doc f"
s = staticmethod(f)
c = classmethod(f)
print(s.__name__, s.__qualname__, s.__doc__, s.__module__, c.__name__, c.__doc__)
print(s.__wrapped__ is f, c.__func__ is f, s.__annotations__)
class K:
    @staticmethod
    def util():
        "utility"
    @classmethod
    def build(cls):
        pass
print(K.__dict__["util"].__qualname__, K.__dict__["build"].__name__, K.util.__doc__)
print(isinstance(K.__dict__["util"], staticmethod), isinstance(K.__dict__["build"], classmethod))
