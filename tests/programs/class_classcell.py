class DropCell(type):
    def __new__(mcs, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcs, name, bases, ns)
try:
    class A(metaclass=DropCell):
        def m(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", e)

class NoCellNeeded(metaclass=DropCell):
    def m(self):
        return 1
print(NoCellNeeded().m())

class Keep(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        return cls
class B(metaclass=Keep):
    def who(self):
        return __class__.__name__
    def sup(self):
        return super().__repr__()[:3]
print(B().who(), B().sup())
