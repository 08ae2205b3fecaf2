class D(dict):
    def __repr__(self):
        return "D" + super().__repr__()
    def __eq__(self, o):
        return "eq:" + str(super().__eq__(o))
    def __len__(self):
        return super().__len__() * 10
    def __contains__(self, k):
        return not super().__contains__(k)
    def __iter__(self):
        return iter(sorted(super().__iter__()) if False else list(reversed(list(super().__iter__()))) if False else ["fixed"])
d = D(a=1, b=2)
print(repr(d), d == {"a": 1, "b": 2}, len(d), "a" in d, "zz" in d, list(d))
class L(list):
    def __repr__(self):
        return "L" + super().__repr__()
    def __str__(self):
        return "str-L"
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 2)
    def __delitem__(self, i):
        print("deleting", i)
        super().__delitem__(i)
l = L([1, 2, 3])
l[0] = 5
del l[2]
print(repr(l), str(l), l[0], l[1], list.__repr__(l))
class S(str):
    def __repr__(self):
        return "S" + super().__repr__()
    def __len__(self):
        return super().__len__() + 1
    def __getitem__(self, i):
        return super().__getitem__(i).upper()
s = S("abc")
print(repr(s), len(s), s[1], str(s), s + "!")
class I(int):
    def __repr__(self):
        return "I" + super().__repr__()
    def __add__(self, o):
        return I(super().__add__(o))
print(repr(I(3) + 4), I(3) + 4 == 7)
