class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
a = A()
print(a.who())
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B))
class L(list):
    pass
try:
    a.__class__ = L
except TypeError as e:
    print(e)
try:
    a.__class__ = 5
except TypeError as e:
    print(e)
try:
    (1).__class__ = A
except TypeError as e:
    print(e)
