class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}")

f = Frozen(3)
print(f.x)
try:
    f.x = 4
except AttributeError as e:
    print(e)
try:
    del f.x
except AttributeError as e:
    print(e)

class Track:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)

t = Track()
t.a = 1
t.b = [2]
print(t.a, t.b, t.__dict__)
setattr(t, "c", 3)
print(getattr(t, "c"))
try:
    del t.zzz
except AttributeError as e:
    print(e)
class Plain: pass
pl = Plain()
try:
    pl.missing
except AttributeError as e:
    print(e)
try:
    Plain.missing
except AttributeError as e:
    print(e)
