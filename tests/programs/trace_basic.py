# sys.settrace: call/line/return/exception events, in CPython's order and lines.
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "exception":
        arg = (arg[0].__name__, str(arg[1]))
    elif event in ("return",):
        arg = repr(arg)
    events.append((event, name, frame.f_lineno, arg))
    return tracer

def add(a, b):
    c = a + b
    return c

def loop(n):
    total = 0
    for i in range(n):
        total += add(i, 1)
    return total

def raiser():
    raise ValueError("bad")

def catcher():
    try:
        raiser()
    except ValueError as e:
        x = str(e)
    return x

def gen():
    yield 1
    yield 2

sys.settrace(tracer)
loop(2)
catcher()
list(gen())
sys.settrace(None)
for e in events:
    print(*e)
