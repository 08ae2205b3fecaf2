# sys.setprofile (c_call/c_return), local trace functions, f_trace, f_trace_lines,
# a failing tracer, exceptions across frames, generators under tracing.
import sys

log = []

def prof(frame, event, arg):
    if event.startswith("c_"):
        log.append((event, frame.f_code.co_name, arg.__name__))
    else:
        log.append((event, frame.f_code.co_name, frame.f_lineno, repr(arg) if event == "return" else arg))

def helper(xs):
    xs.append(len(xs))
    return sorted(xs)

def boom():
    return int("x")

def main():
    helper([3, 1])
    try:
        boom()
    except ValueError:
        pass
    print("printed while profiling")
    g = (i * 2 for i in range(2))
    return sum(g)

sys.setprofile(prof)
main()
sys.setprofile(None)
for e in log:
    print(*e)
print(sys.getprofile())

# local trace functions: lines only where f_trace is set
lines = []
def local(frame, event, arg):
    lines.append((event, frame.f_lineno))
    return local

def glob(frame, event, arg):
    if frame.f_code.co_name == "traced":
        return local
    return None

def untraced():
    a = 1
    return a

def traced():
    a = 1
    untraced()
    while a < 3:
        a += 1
    return a

sys.settrace(glob)
traced()
sys.settrace(None)
print(lines)
print(sys.gettrace())

# f_trace_lines = False: no line events
lines.clear()
def quiet(frame, event, arg):
    frame.f_trace_lines = False
    lines.append((event, frame.f_code.co_name))
    return quiet
sys.settrace(quiet)
traced()
sys.settrace(None)
print(lines)

# a tracer that raises stops tracing
def bad(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer failed")
    return bad
sys.settrace(bad)
try:
    traced()
except RuntimeError as e:
    print("RuntimeError", e, sys.gettrace())

# tracing the current frame with f_trace
lines.clear()
def here(frame, event, arg):
    lines.append((event, frame.f_lineno))
    return here
def current():
    sys.settrace(here)
    sys._getframe().f_trace = here
    x = 1
    y = 2
    sys.settrace(None)
    return x + y
current()
print(lines)

# exception propagating through frames
ev = []
def t2(frame, event, arg):
    ev.append((event, frame.f_code.co_name, frame.f_lineno))
    return t2
def inner():
    raise KeyError(1)
def middle():
    inner()
def outer():
    try:
        middle()
    except KeyError:
        return "caught"
sys.settrace(t2)
outer()
sys.settrace(None)
for e in ev:
    print(*e)

# generators: each resumption is a call, each yield a return
ev.clear()
def g2():
    try:
        yield 1
        yield 2
    except ValueError:
        yield 3
sys.settrace(t2)
it = g2()
next(it)
it.throw(ValueError)
it.close()
sys.settrace(None)
for e in ev:
    print(*e)
