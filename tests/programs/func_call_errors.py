def f(a, b, /, c, *, d):
    pass
tests = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, 3, 4, d=5),
    lambda: f(1, b=2, c=3, d=4),
    lambda: f(1, 2, 3, d=4, e=5),
    lambda: f(1, 2, c=3, d=4, c2=1),
]
for t in tests:
    try:
        t()
        print("ok")
    except TypeError as e:
        print(e)
class K:
    def m(self, x):
        pass
    @classmethod
    def cm(cls, y):
        pass
    @staticmethod
    def sm(z):
        pass
for t in [lambda: K().m(), lambda: K.cm(), lambda: K.sm(), lambda: K().m(1, 2), lambda: K.sm(1, 2)]:
    try:
        t()
    except TypeError as e:
        print(e)
def g(*, k):
    pass
try:
    g(1)
except TypeError as e:
    print(e)
try:
    g()
except TypeError as e:
    print(e)
