# pickle: round trips of builtin values and a class, every protocol
import pickle
class P:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, P) and (self.a, self.b) == (o.a, o.b)
vals = [None, True, 42, -2**70, 1.5, "héllo", b"\x00\xff", (1, 2), [1, [2]], {"k": {1, 2}}, frozenset({3}), P(1, "x")]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, all(pickle.loads(pickle.dumps(v, proto)) == v for v in vals))
print(pickle.dumps([1, "a"], 0))
print(pickle.dumps((1, 2.5, "s"), 2))
print(pickle.loads(pickle.dumps(P(3, [4]))).b)
