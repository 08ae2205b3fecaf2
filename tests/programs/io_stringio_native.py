# io.StringIO in depth: every newline mode on write and readline, positions
# in non-ASCII text, overseek padding, truncate, closed and uninitialised
# objects, argument errors with CPython's messages, pickling and copying,
# and subclasses that override its methods.
import copy
import io
import pickle


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


# --- newline modes -------------------------------------------------------
text = "a\nb\r\nc\rd\r\n\re"
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write(text)
    s.write("tail\r")
    s.write("\nx")
    print(repr(nl), repr(s.getvalue()), repr(s.newlines))
    s.seek(0)
    print("   lines", s.readlines())
    s.seek(0)
    print("   limited", [s.readline(2) for _ in range(6)])
    t = io.StringIO(text, newline=nl)
    print("   init", repr(t.getvalue()), t.tell(), repr(t.newlines))

s = io.StringIO(newline=None)
print(repr(s.newlines))
for piece in ["x\n", "y\r", "z\r\n"]:
    s.write(piece)
    print(repr(s.newlines))
s = io.StringIO(newline="")
s.write("\r")
s.write("\n")
print(repr(s.getvalue()), repr(s.newlines), list(io.StringIO(s.getvalue(), newline="")))
s = io.StringIO("a\r\nb", newline="")
print(repr(s.readline(2)), repr(s.readline()), repr(s.readline()))
s = io.StringIO("a\r\nb\r\n", newline="\r\n")
print(repr(s.readline(2)), repr(s.readline()), repr(s.readline()), repr(s.readline()))

# --- positions in non-ASCII text -----------------------------------------
s = io.StringIO("héllo\nwörld\n€uro\n")
print(s.readline(), s.tell(), repr(s.read(3)), s.tell())
s.seek(2)
s.write("ÿ")
print(repr(s.getvalue()), s.tell())
s.seek(1)
print(repr(s.read(4)))
s.seek(0, 2)
print(s.tell(), len(s.getvalue()))
s.seek(3)
s.write("0123456789abcdefghij")
print(repr(s.getvalue()), s.tell())
s.seek(5)
print(s.truncate(), repr(s.getvalue()), s.tell())
print(s.truncate(2), repr(s.getvalue()), s.tell(), repr(s.read()))
s = io.StringIO()
s.write("日本語")
s.seek(1)
print(repr(s.read()), repr(s.getvalue()))
s.seek(0)
for line in io.StringIO("α\nβγ\n\nδ"):
    print(repr(line))

# --- overseek pads with NULs ---------------------------------------------
s = io.StringIO("ab")
print(s.seek(5), repr(s.read()), repr(s.readline()), s.tell())
s.write("Z")
print(repr(s.getvalue()), s.tell())
s.seek(10)
print(s.truncate(), repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell())
s = io.StringIO()
s.seek(3)
s.write("é")
print(repr(s.getvalue()))

# --- seek/read/truncate arguments ----------------------------------------
class Two:
    def __index__(self):
        return 2

s = io.StringIO("abcdef")
attempt("read(Two)", lambda: s.read(Two()))
attempt("read(None)", lambda: s.read(None))
attempt("read(-5)", lambda: (s.seek(0), s.read(-5))[1])
attempt("read('x')", lambda: s.read("x"))
attempt("read(1.5)", lambda: s.read(1.5))
attempt("read(2**70)", lambda: s.read(2 ** 70))
attempt("read(1, 2)", lambda: s.read(1, 2))
attempt("read(size=1)", lambda: s.read(size=1))
attempt("readline('x')", lambda: s.readline("x"))
attempt("readline(None)", lambda: (s.seek(0), s.readline(None))[1])
attempt("seek()", lambda: s.seek())
attempt("seek(1,2,3)", lambda: s.seek(1, 2, 3))
attempt("seek('x')", lambda: s.seek("x"))
attempt("seek(1.0)", lambda: s.seek(1.0))
attempt("seek(0, 1.0)", lambda: s.seek(0, 1.0))
attempt("seek(2**70)", lambda: s.seek(2 ** 70))
attempt("seek(0, 2**40)", lambda: s.seek(0, 2 ** 40))
attempt("seek(-1)", lambda: s.seek(-1))
attempt("seek(-1, 1)", lambda: s.seek(-1, 1))
attempt("seek(1, 2)", lambda: s.seek(1, 2))
attempt("seek(0, 3)", lambda: s.seek(0, 3))
attempt("seek(0, True)", lambda: s.seek(0, True))
attempt("seek(Two)", lambda: s.seek(Two()))
attempt("truncate('x')", lambda: s.truncate("x"))
attempt("truncate(-1)", lambda: s.truncate(-1))
attempt("truncate(2**70)", lambda: s.truncate(2 ** 70))
attempt("truncate(1.0)", lambda: s.truncate(1.0))
attempt("truncate(1, 2)", lambda: s.truncate(1, 2))
attempt("truncate(Two)", lambda: s.truncate(Two()))
attempt("tell(1)", lambda: s.tell(1))
attempt("getvalue(x=1)", lambda: s.getvalue(x=1))
attempt("write()", lambda: s.write())
attempt("write('a', 'b')", lambda: s.write("a", "b"))
attempt("write(s='a')", lambda: s.write(s="a"))
attempt("write(b'x')", lambda: s.write(b"x"))
attempt("write(3)", lambda: s.write(3))
attempt("close(1)", lambda: s.close(1))
attempt("readable(1)", lambda: s.readable(1))
attempt("__setstate__()", lambda: s.__setstate__())

# --- constructor ----------------------------------------------------------
attempt("newline=3", lambda: io.StringIO(newline=3))
attempt("newline='x'", lambda: io.StringIO(newline="x"))
attempt("newline='\\n\\n'", lambda: io.StringIO(newline="\n\n"))
attempt("initial=3", lambda: io.StringIO(3))
attempt("initial=b''", lambda: io.StringIO(b""))
attempt("initial=None", lambda: io.StringIO(None).getvalue())
attempt("3 args", lambda: io.StringIO("a", "\n", 3))
attempt("foo=3", lambda: io.StringIO(foo=3))
attempt("keywords", lambda: io.StringIO(newline="", initial_value="q\r").getvalue())
s = io.StringIO("first")
s.read(2)
s.__init__("second\n", None)
print(repr(s.getvalue()), s.tell(), repr(s.newlines))

class S(str):
    pass

x = io.StringIO(S("ab\ncd"))
print(x.write(S("zz")), repr(x.getvalue()), type(x.getvalue()))

# --- closed and uninitialised ---------------------------------------------
s = io.StringIO("data")
s.close()
s.close()
for name in ["read", "readline", "getvalue", "tell", "truncate", "readable",
             "writable", "seekable", "__getstate__", "isatty", "flush",
             "readlines", "__next__", "__iter__", "fileno", "detach"]:
    attempt(name, getattr(s, name))
attempt("seek", lambda: s.seek(0))
attempt("write str", lambda: s.write("x"))
attempt("write int", lambda: s.write(3))
attempt("writelines", lambda: s.writelines(["x"]))
attempt("__enter__", lambda: s.__enter__())
for a in ["closed", "newlines", "line_buffering", "encoding", "errors"]:
    attempt(a, lambda: getattr(s, a))

u = io.StringIO.__new__(io.StringIO)
attempt("uninit read", lambda: u.read())
attempt("uninit closed", lambda: u.closed)
attempt("uninit write", lambda: u.write(3))
attempt("uninit close", lambda: u.close())
del u

s = io.StringIO()
print(s.encoding, s.errors, s.line_buffering, s.newlines, s.closed)
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.flush())
print(hasattr(s, "__dict__"), s.__dict__)
attempt("fileno", s.fileno)
attempt("detach", s.detach)
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)

# --- class tree -----------------------------------------------------------
print(io.StringIO.__mro__, io.StringIO.__module__, io.StringIO.__name__)
print(isinstance(io.StringIO(), io.TextIOBase), issubclass(io.StringIO, io.IOBase))
print(isinstance(io.StringIO(), io.BufferedIOBase))
print(repr(io.StringIO())[:20])
import weakref
s = io.StringIO("w")
r = weakref.ref(s)
print(r() is s)
del s
print(r())

# --- pickling and copying -------------------------------------------------
s = io.StringIO("hello\r\nworld", newline=None)
s.read(3)
print(s.__getstate__())
s.y = 5
print(s.__getstate__())
c = copy.copy(s)
print(repr(c.getvalue()), c.tell(), c.y, repr(c.newlines))
d = pickle.loads(pickle.dumps(s))
print(repr(d.getvalue()), d.tell(), d.y)
d = copy.deepcopy(io.StringIO("one\ntwo", newline="\r\n"))
print(repr(d.getvalue()), d.__getstate__())
s = io.StringIO()
attempt("setstate 3", lambda: s.__setstate__(3))
attempt("setstate short", lambda: s.__setstate__(("a", None, 0)))
attempt("setstate pos str", lambda: s.__setstate__(("a", None, "x", None)))
attempt("setstate pos neg", lambda: s.__setstate__(("a", None, -1, None)))
attempt("setstate dict int", lambda: s.__setstate__(("a", None, 1, 3)))
attempt("setstate newline", lambda: s.__setstate__(("a", "z", 1, None)))
attempt("setstate value", lambda: s.__setstate__((b"a", None, 1, None)))
attempt("setstate long", lambda: s.__setstate__(("xyz\n", "\r", 7, {"k": 1}, "extra")))
print(repr(s.getvalue()), s.tell(), s.k)
s.close()
attempt("setstate closed", lambda: s.__setstate__(("a", None, 0, None)))

# --- subclasses -----------------------------------------------------------
class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print(u.write("abc\n"), u.writelines(["de\n", "f"]), repr(u.getvalue()))
print(isinstance(u, io.StringIO), type(u).__mro__[1].__name__)

class Numbered(io.StringIO):
    def __init__(self, text):
        super().__init__(text)
        self.count = 0

    def readline(self, size=-1):
        self.count += 1
        line = super().readline(size)
        return line and f"{self.count}:{line}"


n = Numbered("x\ny\nz")
print(list(n), n.count)
n.seek(0)
print(n.readlines())

class Bad(io.StringIO):
    def readline(self, size=-1):
        return b"bytes"


attempt("bad readline", lambda: next(Bad("a")))

class NoInit(io.StringIO):
    def __init__(self):
        pass


attempt("no init", lambda: NoInit().getvalue())
attempt("descriptor", lambda: io.StringIO.getvalue(Upper("q")))

class WithState(io.StringIO):
    pass


w = WithState("state\n")
w.tag = "t"
w2 = pickle.loads(pickle.dumps(w))
print(type(w2).__name__, repr(w2.getvalue()), w2.tag)
attempt("sub setstate", lambda: w.__setstate__(1))

class Closing(io.StringIO):
    def close(self):
        print("closing", self.getvalue())
        super().close()


Closing("finalized")
print("done")

# --- huge positions --------------------------------------------------------
for p in (2 ** 62, 2 ** 61):
    s = io.StringIO()
    s.seek(p)
    attempt(f"write at {p}", lambda: s.write("x"))
    print(s.tell(), repr(s.getvalue()))
