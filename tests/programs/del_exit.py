# __del__ of locals, rebinding and module globals at interpreter exit.
class C:
    def __init__(s, n): s.n=n
    def __del__(s): print("del", s.n)
a=C(1); b=C(2); _c=C(3)
def f():
    x = C("local")
    return 5
print(f())
x = C("x")
del x
print("after del")
y = C("y")
y = None
print("after rebind")


def gen():
    try:
        yield 1
    finally:
        print("generator closed at exit")


g = gen()
next(g)


class Holder:
    def __del__(self):
        print("holder del; cycle member", self.me is self)


h = Holder()
h.me = h
print("end")
