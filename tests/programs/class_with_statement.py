class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)

with CM("b", suppress=True):
    raise KeyError("k")
print("suppressed")

try:
    with CM("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

with CM("outer") as o, CM("inner") as i:
    print("both", o, i)

def ret():
    with CM("r"):
        return "returned"
print(ret())

for n in range(3):
    with CM(str(n)):
        if n == 1:
            break
        continue

class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with BadEnter():
        print("no")
except RuntimeError as e:
    print(e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("orig")
except TypeError as e:
    print(e, type(e.__context__).__name__)
class NoCM:
    pass
try:
    with NoCM():
        pass
except TypeError as e:
    print(e)
class OnlyEnter:
    def __enter__(self):
        return 1
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)
