# __del__: when finalizers run (deterministically, at the statement that drops
# the last reference), unraisable errors, resurrection, cycles, generators.
import gc, sys

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

class C:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

class Bad:
    def __del__(self):
        raise ValueError("in del")

# deletion points
c = C(1)
del c
print("after del")

def f():
    c = C(2)
    print("in f")
f()
print("after f")

l = [C(3), C(4)]
l.pop()
print("popped")
l.clear()
print("cleared")

d = {"a": C(5)}
d["a"] = None
print("replaced")

# exceptions in __del__ are unraisable
old = sys.stderr
cap = sys.stderr = Capture()
b = Bad()
del b
sys.stderr = old
text = "".join(cap.parts)
for line in text.splitlines():
    print("stderr:", line.split(" at 0x")[0])

# resurrection: __del__ runs once
saved = []
class Phoenix:
    def __del__(self):
        print("phoenix __del__")
        saved.append(self)

p = Phoenix()
del p
print(len(saved))
saved.clear()
print("cleared saved")

# cycles: gc finds them, finalizers run once
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        dead.append(self.name)

dead = []
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
print("before collect")
n = gc.collect()
print("collected", n > 0, sorted(dead))
print(gc.collect())

# generators are closed when dropped
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")

g = gen()
next(g)
del g
print("after gen")

g = gen()
del g
print("unstarted gen: nothing")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

old = sys.stderr
cap = sys.stderr = Capture()
g = stubborn()
next(g)
del g
sys.stderr = old
for line in "".join(cap.parts).splitlines():
    print("stderr:", line.split(" at 0x")[0])

# __del__ and weakref callbacks: __del__ first
import _weakref as weakref
class W:
    def __del__(self):
        print("W.__del__")
w = W()
r = weakref.ref(w, lambda ref: print("callback"))
del w
print("after weakref")

# subclass of a builtin
class L(list):
    def __del__(self):
        print("L del", len(self))
x = L([1, 2])
x = 5
print("end of main")
z = C("at exit 1")
_y = C("at exit 2")
