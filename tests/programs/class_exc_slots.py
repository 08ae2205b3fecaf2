class Coded(Exception):
    __slots__ = ("code",)
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
e = Coded("bad", 7)
e.extra = "allowed"
print(e, e.code, e.extra, e.args)
print(list(Coded.__dict__))
class L(list):
    __slots__ = ()
l = L([1])
try:
    l.x = 1
except AttributeError as err:
    print(err)
class SM(type):
    __slots__ = ()
class WithSM(metaclass=SM):
    pass
WithSM.attr = 5
print(WithSM.attr)
