class Base(Exception):
    pass
class A(Base):
    pass
class B(Base):
    pass
class AB(A, B):
    pass

def raise_(e):
    raise e

for exc in [A, B, AB, Base, ValueError]:
    try:
        raise_(exc("m"))
    except AB as e:
        print("AB", type(e).__name__)
    except A as e:
        print("A", type(e).__name__)
    except Base as e:
        print("Base", type(e).__name__)
    except Exception as e:
        print("Exception", type(e).__name__)

try:
    raise A
except Base as e:
    print("class raised:", type(e).__name__, e.args)
try:
    raise (A, B)[1]("tuple pick")
except (A, B) as e:
    print("tuple", e)

class NoArgsInit(Exception):
    def __init__(self):
        pass
e = NoArgsInit()
print(e.args, repr(e), str(e))
class ArgsKept(Exception):
    def __init__(self, a, b):
        self.a = a
print(ArgsKept(1, 2).args)
class ArgsChanged(Exception):
    def __init__(self, a, b):
        super().__init__(a + b)
print(ArgsChanged(1, 2).args)
class WithInitAndNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.created = True
        return inst
w = WithInitAndNew(9)
print(w.args, w.created)
err = RuntimeError("r")
err.note = "attached"
print(err.note)
print(issubclass(AB, Exception), AB.__mro__[1:3])
