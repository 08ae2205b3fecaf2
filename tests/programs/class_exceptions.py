class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name

class WithCode(AppError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

try:
    raise NotFound("key")
except AppError as e:
    print(type(e).__name__, e, e.name, e.args, isinstance(e, Exception))

try:
    raise WithCode("bad", 42)
except WithCode as e:
    print(e, repr(e), e.code)

class Plain(Exception):
    pass
e = Plain(1, 2)
print(e.args, str(e), repr(e))
print(repr(Plain()), str(Plain("x")))
try:
    try:
        raise ValueError("inner")
    except ValueError as err:
        raise AppError("outer") from err
except AppError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
class NoInit(ValueError):
    def extra(self):
        return "extra:" + str(self)
try:
    raise NoInit("v")
except ValueError as e:
    print(e.extra())
class KeyLike(KeyError):
    pass
print(str(KeyLike("k")))
try:
    raise NotFound
except TypeError as e:
    print(e)
