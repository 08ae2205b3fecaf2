x = "global"
class A:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(A.y, A().m(), A.z)

def f():
    v = "enclosed"
    class B:
        w = v
        v = "shadow"
        u = v
        def get(self):
            return v
    return B
B = f()
print(B.w, B.u, B().get())

def g():
    a = 1
    class C:
        nonlocal_read = a
        def meth(self):
            return a
    return C
print(g().nonlocal_read, g()().meth())

class D:
    items = [1, 2, 3]
    total = sum(items)
    doubled = [i * 2 for i in items]
print(D.total, D.doubled)

class E:
    def __init__(self):
        self.__private = 1
        self._prot = 2
    def get(self):
        return self.__private
e = E()
print(e.get(), e._E__private, hasattr(e, "__private"))
class F:
    print("executing class body", __name__, __qualname__)
    locals_seen = "locals_seen" in dir() if False else True
