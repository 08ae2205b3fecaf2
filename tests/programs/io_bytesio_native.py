# io.BytesIO in depth: reads, lines, readinto, overseek padding, truncate,
# seek arithmetic, closed objects, getbuffer views and their exports,
# argument errors with CPython's messages, pickling, copying, subclasses.
import copy
import io
import pickle


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(sorted(k for k in vars(io.BytesIO) if k != "__module__"))
print(io.BytesIO.__mro__, isinstance(io.BytesIO(), io.BufferedIOBase))
print(issubclass(io.BytesIO, io.IOBase), isinstance(io.BytesIO(), io.TextIOBase))

# --- reading --------------------------------------------------------------
b = io.BytesIO(b"line1\nline2\r\nline3")
print(list(b), b.tell())
b.seek(0)
print(b.readlines(3), b.readlines(), b.readlines())
b.seek(0)
print(b.readline(3), b.readline(None), b.readline(-1), b.read1(), b.read1(2))
b.seek(0)
print(b.readlines(0), b.tell())
b.seek(2)
print(b.read(0), b.read(3), b.read(None), b.read(), b.tell())
b.seek(100)
print(b.read(), b.readline(), b.readlines(), b.tell())
for hint in (1, 6, 7, 12, 13, -1):
    b.seek(0)
    print(hint, b.readlines(hint))

# --- writing --------------------------------------------------------------
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")), b.write(memoryview(b"fgh")[1:]), b.write(b""))
print(b.getvalue(), b.tell())
b.seek(1)
print(b.write(b"XY"), b.getvalue(), b.tell())
b.seek(10)
print(b.write(b"!"), b.getvalue(), b.tell())
b.seek(0, 2)
b.writelines([b"1", bytearray(b"2"), memoryview(b"3")])
print(b.getvalue())
attempt("writelines bad", lambda: b.writelines([b"ok", "bad", b"never"]))
print(b.getvalue())
b = io.BytesIO(b"xy")
b.seek(5)
b.write(b"z")
print(b.getvalue())
b.seek(3)
print(b.truncate(), b.getvalue(), b.tell())
b.seek(10)
print(b.truncate(), b.getvalue(), b.read(), b.readline())
print(b.truncate(1), b.getvalue(), b.tell())

# --- readinto -------------------------------------------------------------
b = io.BytesIO(b"abcdef")
ba = bytearray(4)
print(b.readinto(ba), ba)
print(b.readinto(memoryview(ba)[1:3]), ba)
print(b.readinto(ba), ba)
b.seek(0)
print(b.readinto1(ba), ba)
print(b.readinto(bytearray()), b.tell())
attempt("readinto bytes", lambda: b.readinto(b"xx"))
attempt("readinto str", lambda: b.readinto("xx"))
attempt("readinto mv of bytes", lambda: b.readinto(memoryview(b"xx")))

# --- seek -----------------------------------------------------------------
b = io.BytesIO(b"abcdef")
print(b.seek(2), b.seek(-1, 1), b.seek(-10, 1), b.seek(-100, 2), b.seek(-2, 2), b.seek(3, 2), b.seek(0, 1))
attempt("seek -1", lambda: b.seek(-1))
attempt("seek 0 3", lambda: b.seek(0, 3))
attempt("seek -1 3", lambda: b.seek(-1, 3))
attempt("seek big cur", lambda: (b.seek(5), b.seek(2 ** 63 - 1, 1)))
attempt("seek big end", lambda: b.seek(2 ** 63 - 1, 2))
attempt("seek 2**63", lambda: b.seek(2 ** 63))
attempt("seek whence 2**40", lambda: b.seek(0, 2 ** 40))
attempt("seek None", lambda: b.seek(None))
attempt("seek 1.0", lambda: b.seek(1.0))
attempt("seek()", lambda: b.seek())

# --- argument errors ------------------------------------------------------
b = io.BytesIO(b"abcdef")
attempt("read x", lambda: b.read("x"))
attempt("read 2**70", lambda: b.read(2 ** 70))
attempt("read 1 2", lambda: b.read(1, 2))
attempt("read kw", lambda: b.read(size=1))
attempt("readline x", lambda: b.readline("x"))
attempt("readlines x", lambda: b.readlines("x"))
attempt("readlines 1.0", lambda: b.readlines(1.0))
attempt("readlines 2**70", lambda: b.readlines(2 ** 70))
attempt("truncate -1", lambda: b.truncate(-1))
attempt("truncate x", lambda: b.truncate("x"))
attempt("write str", lambda: b.write("x"))
attempt("write int", lambda: b.write(3))
attempt("write list", lambda: b.write([1]))
attempt("write()", lambda: b.write())
attempt("getvalue 1", lambda: b.getvalue(1))
attempt("init str", lambda: io.BytesIO("x"))
attempt("init int", lambda: io.BytesIO(3))
attempt("init kw", lambda: io.BytesIO(initial_bytes=b"q").getvalue())
attempt("init 2", lambda: io.BytesIO(b"q", 1))
attempt("init bad kw", lambda: io.BytesIO(data=b"q"))
attempt("init mv", lambda: io.BytesIO(memoryview(b"mv")).getvalue())
attempt("init ba", lambda: io.BytesIO(bytearray(b"ba")).getvalue())
b = io.BytesIO(b"first")
b.read(2)
b.__init__(b"again")
print(b.getvalue(), b.tell())
u = io.BytesIO.__new__(io.BytesIO)
print(u.read(), u.getvalue(), u.closed, u.write(b"w"), u.getvalue())

# --- closed ---------------------------------------------------------------
b = io.BytesIO(b"data")
b.close()
b.close()
for name in ["read", "read1", "readline", "readlines", "getvalue", "getbuffer",
             "tell", "truncate", "readable", "writable", "seekable", "isatty",
             "flush", "__getstate__", "__next__", "fileno", "detach"]:
    attempt(name, getattr(b, name))
attempt("__iter__", lambda: iter(b) is b)
attempt("seek", lambda: b.seek(0))
attempt("write", lambda: b.write(b"x"))
attempt("write str", lambda: b.write("x"))
attempt("writelines", lambda: b.writelines([b"x"]))
attempt("readinto", lambda: b.readinto(bytearray(2)))
attempt("closed", lambda: b.closed)
attempt("setstate", lambda: b.__setstate__((b"x", 0, None)))
attempt("enter", lambda: b.__enter__())
b.__init__(b"reopened")
print(b.closed, b.read())
with io.BytesIO(b"ctx") as c:
    print(c.read(), c.readable(), c.writable(), c.seekable(), c.isatty(), c.flush())
print(c.closed)

# --- getbuffer ------------------------------------------------------------
b = io.BytesIO(b"abc")
m = b.getbuffer()
print(len(m), bytes(m), m[1])
attempt("write exported", lambda: b.write(b"x"))
attempt("seek exported", lambda: b.seek(1))
attempt("read exported", lambda: b.read())
attempt("truncate exported", lambda: b.truncate(1))
attempt("close exported", lambda: b.close())
attempt("setstate exported", lambda: b.__setstate__((b"x", 0, None)))
m[0] = ord("Z")
print(b.getvalue(), bytes(m))
b.seek(0)
ba = bytearray(2)
print(b.readinto(ba), ba, b.readline(), list(io.BytesIO(b.getvalue())))
m2 = b.getbuffer()
del m
attempt("write one view left", lambda: b.write(b"x"))
del m2
print(b.write(b"yy"), b.getvalue())
view = b.getbuffer()
part = view[1:3]
del view
attempt("write slice left", lambda: b.write(b"x"))
print(bytes(part))
del part
print(b.write(b"!"), b.getvalue())
b.seek(0)
print(b.readinto(b.getbuffer()), b.getvalue())

# --- pickling and copying -------------------------------------------------
b = io.BytesIO(b"abc")
print(b.__getstate__())
b.z = 1
b.read(1)
print(b.__getstate__())
c = copy.copy(b)
print(c.getvalue(), c.tell(), c.z)
d = pickle.loads(pickle.dumps(b))
print(d.getvalue(), d.tell(), d.z)
d = copy.deepcopy(b)
d.write(b"Q")
print(d.getvalue(), b.getvalue())
b = io.BytesIO()
attempt("setstate 3", lambda: b.__setstate__(3))
attempt("setstate 2", lambda: b.__setstate__((b"x", 0)))
attempt("setstate str", lambda: b.__setstate__(("x", 0, None)))
attempt("setstate posx", lambda: b.__setstate__((b"x", "x", None)))
attempt("setstate neg", lambda: b.__setstate__((b"x", -1, None)))
attempt("setstate dict", lambda: b.__setstate__((b"x", 0, 3)))
attempt("setstate ba", lambda: (b.__setstate__((bytearray(b"xyz"), 5, {"q": 2})), b.getvalue(), b.tell(), b.q))
attempt("setstate long", lambda: (b.__setstate__((b"long", 1, None, "extra")), b.read()))

# --- subclasses -----------------------------------------------------------
class Sub(io.BytesIO):
    def readline(self, size=-1):
        return b"SUB"

    def write(self, b):
        return super().write(b.upper())


s = Sub(b"a\nb")
print(next(iter(s)), s.readlines(), s.readline())
s.seek(0, 2)
s.writelines([b"x"])
s.write(b"y")
print(s.getvalue(), isinstance(s, io.BytesIO), type(s).__mro__[1].__name__)
attempt("sub setstate", lambda: s.__setstate__(1))
s.tag = "t"
s2 = pickle.loads(pickle.dumps(s))
print(type(s2).__name__, s2.getvalue(), s2.tag)

class Closing(io.BytesIO):
    def close(self):
        print("closing", self.getvalue())
        super().close()


Closing(b"finalized")

# --- text over bytes ------------------------------------------------------
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
t.write("héllo\nwörld\n")
t.flush()
print(raw.getvalue())
t.seek(0)
print(t.readlines())
r = io.BufferedReader(io.BytesIO(b"buffered\nreader\n"))
print(r.readline(), r.read())
print("done")
