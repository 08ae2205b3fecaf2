class A:
    def m(self):
        return "A.m"
    @staticmethod
    def s():
        return super().m()
    @classmethod
    def c(cls):
        return super().__repr__
class B(A):
    def m(self):
        return "B>" + super().m()

try:
    A.s()
except RuntimeError as e:
    print("RuntimeError:", e)
print(B().m())
print(callable(A.c()))
try:
    super(B, 1)
except TypeError as e:
    print(e)
try:
    super(1, B())
except TypeError as e:
    print(e)
try:
    super(A, B()).nothing
except AttributeError as e:
    print(e)
u = super(B)
print(repr(u).startswith("<super: <class 'B'>, NULL>"))
print(super(B, B).m(B()))
class C(B):
    def m(self):
        return "C>" + super(B, self).m()
print(C().m())
def free_func(self):
    return super().m()
try:
    free_func(B())
except RuntimeError as e:
    print("RuntimeError:", e)
