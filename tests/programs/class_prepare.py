class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}
    def __new__(mcs, name, bases, ns, **kw):
        keys = [k for k in ns if not k.startswith("__")]
        print("keys", keys)
        return super().__new__(mcs, name, bases, dict(ns))

class A(metaclass=OrderedMeta, option=1):
    z = 1
    a = 2
    def m(self):
        return self.injected
print(A().m(), A.injected)

class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("ns set", k)
        super().__setitem__(k, v)

class LogMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return LoggingDict()
    def __new__(mcs, name, bases, ns):
        return super().__new__(mcs, name, bases, dict(ns))

class B(metaclass=LogMeta):
    x = 1
    def f(self):
        pass
print(B.x)

class BadPrep(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5
try:
    class C(metaclass=BadPrep):
        pass
except TypeError as e:
    print(e)
print(type.__prepare__("X", ()))
