print(int.__add__(3, 4), int.__mul__(6, 7), int.__sub__(1, 2))
print(int.__add__(1, "x"))
print(float.__add__(1.5, 2.0), str.__add__("a", "b"))
print(list.__len__([1, 2, 3]), dict.__len__({1: 2}), str.__len__("abcd"))
d = {}
dict.__setitem__(d, "k", "v")
print(d, dict.__getitem__(d, "k"), dict.__contains__(d, "k"))
l = [1, 2]
list.__setitem__(l, 0, 9)
list.__delitem__(l, 1)
print(l, list.__getitem__(l, 0), list.__contains__(l, 9))
print(object.__repr__(5).startswith("<int object at"), object.__eq__(1, 1), object.__eq__(1, 2))
print(int.__eq__(1, 1), int.__lt__(1, 2), str.__lt__("a", "b"), int.__eq__(1, "a"))
print(tuple.__len__((1, 2)), tuple.__getitem__((1, 2), 1))
print(int.__hash__(5), str.__str__("s"), int.__repr__(7))
print(object.__str__(3), object.__format__(4, ""))
e = ValueError("x")
BaseException.__init__(e, "a", "b")
print(e.args, BaseException.__str__(e))
print(type.__call__(int, "12"), type.mro(bool))
print(object.__ne__(1, 2))
class K:
    pass
k = object.__new__(K)
print(type(k).__name__)
try:
    object.__new__(int)
except TypeError as err:
    print(err)
try:
    object.__new__(5)
except TypeError as err:
    print(err)
print(next(list.__iter__([1, 2])))
