# marshal: round trips of every marshallable type, code objects, errors, dump/load on a file
import marshal, sys
vals = [None, True, False, 0, -1, 2**31, -2**70, 1.5, -0.0, 1e300, 3+4j, "héllo", "", b"\x00\xff", bytearray(b"ab"),
        (1, 2, (3,)), [1, [2, [3]]], {"a": 1, 2: [3]}, {1, 2, 3}, frozenset({"x"}), ..., StopIteration, ()]
for v in vals:
    d = marshal.dumps(v)
    back = marshal.loads(d)
    print(repr(v)[:40], type(back).__name__, back == v or (v is ... and back is ...), len(d) > 0)
print(marshal.version)
for v in (0, 1, 2, 3, 4):
    print(v, marshal.loads(marshal.dumps([1, "a", 2.5, (None,)], v)))
def f(a, b=2):
    return a + b
c = marshal.loads(marshal.dumps(f.__code__))
print(type(c).__name__, c.co_name, c.co_varnames, c == f.__code__)
ns = {}
exec(marshal.loads(marshal.dumps(compile("x = 6 * 7\nprint('exec', x)", "<m>", "exec"))), ns)
print(ns["x"])
for bad in [b"", b"i\x01", b"\xff", b"(\x02\x00\x00\x00i", b"l\x01\x00\x00\x00"]:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [object(), lambda: 0, [object()], sys]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
class MyInt(int): pass
try:
    marshal.dumps(MyInt(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    marshal.loads("str")
except Exception as e:
    print(type(e).__name__, e)


class Buffer:
    """A file-like object: marshal.dump writes to it, marshal.load reads and seeks."""
    def __init__(self):
        self.data = b""
        self.pos = 0
    def write(self, b):
        self.data += bytes(b)
        return len(b)
    def read(self, n=-1):
        chunk = self.data[self.pos:] if n < 0 else self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk
    def readinto(self, buf):
        chunk = self.read(len(buf))
        buf[:len(chunk)] = chunk
        return len(chunk)
    def seek(self, off, whence=0):
        self.pos = off if whence == 0 else self.pos + off if whence == 1 else len(self.data) + off
        return self.pos
    def tell(self):
        return self.pos
fh = Buffer()
marshal.dump([1, 2], fh)
marshal.dump("second", fh)
fh.seek(0)
print(marshal.load(fh), marshal.load(fh))
try:
    marshal.load(fh)
except EOFError as e:
    print("EOFError", e)
nested = []
for i in range(3000):
    nested = [nested]
try:
    marshal.dumps(nested)
except ValueError as e:
    print("ValueError", e)
print(marshal.loads(marshal.dumps((1, 2, 3)), ) )
