class A:
    __slots__ = ("x",)
    def f(self):
        pass
    @classmethod
    def c(cls):
        pass
    @staticmethod
    def s():
        pass
    @property
    def p(self):
        return 1
def show(r):
    # addresses differ between runs: keep the part before " at 0x"
    return r.split(" at 0x")[0]
print(show(repr(A.__dict__["c"])))
print(show(repr(A.__dict__["s"])))
print(show(repr(A.__dict__["p"])))
print(repr(A.__dict__["x"]))
print(show(repr(A.f)), show(repr(A().f)))
print(show(repr(A.c)))
print(repr(super(A, A())).split(",")[0])
print(type(A.__dict__["x"]).__name__)
print(A.__dict__["x"].__name__, A.__dict__["x"].__objclass__.__name__)
