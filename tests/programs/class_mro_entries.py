class Alias:
    def __init__(self, *bases):
        self.bases = bases
    def __mro_entries__(self, bases):
        print("mro_entries called with", len(bases), "bases")
        return self.bases

class Real:
    def hello(self):
        return "hello from Real"
class Other:
    pass

class C(Alias(Real, Other)):
    pass
print(C.__bases__, C().hello())
print(len(C.__orig_bases__), type(C.__orig_bases__[0]).__name__)
class D(Real):
    pass
print("__orig_bases__" in D.__dict__)
try:
    class E(5):
        pass
except TypeError as e:
    print(e)
