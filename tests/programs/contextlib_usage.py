# contextlib: contextmanager, suppress, ExitStack, closing, redirect_stdout, nullcontext
import contextlib, io
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("b") as t:
    print("inside", t)
with contextlib.suppress(KeyError, ValueError):
    {}["x"]
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in ("one", "two"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()):
    pass
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured text")
print(repr(buf.getvalue()))
with contextlib.nullcontext(5) as v:
    print(v)
try:
    with tag("err"):
        raise RuntimeError("boom")
except RuntimeError as e:
    print("caught", e)
@tag("deco")
def f():
    print("in f")
f()
