# A `return` that ends a body leaves no implicit `return None` behind, so no
# None constant follows the docstring; code after a return is still compiled.
def a(self, other):
    "doc"
    return self.clone(**other)

def b(x):
    "doc"
    if x:
        return 1
    return (x,)

def c(x):
    return x
    print('dead')

class K:
    def clone(self, **kw):
        return sorted(kw)

print(a(K(), {'p': 1, 'q': 2}), b(0), b(1), c(5), a.__code__.co_consts)
