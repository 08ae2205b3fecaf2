class A:
    pass

try:
    A(1)
except TypeError as e:
    print(e)

class B:
    def __init__(self, a, b=2):
        self.a, self.b = a, b

try:
    B()
except TypeError as e:
    print(e)
try:
    B(1, 2, 3)
except TypeError as e:
    print(e)
try:
    B(1, c=3)
except TypeError as e:
    print(e)

class C:
    def __init__(self):
        return 5

try:
    C()
except TypeError as e:
    print(e)

class D:
    def __new__(cls, *args):
        return object.__new__(cls)

d = D(1, 2)
print(type(d).__name__)

class F:
    def __init__(self, *args):
        pass

try:
    object.__new__(F, 1)
    print("ok new")
except TypeError as e:
    print(e)

class G:
    def __new__(cls, x):
        return super().__new__(cls)
    def __init__(self, x):
        self.x = x
print(G(5).x)
try:
    object.__init__(G(1), 2)
except TypeError as e:
    print(e)
try:
    object()
    object(1)
except TypeError as e:
    print(e)
