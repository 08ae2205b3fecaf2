# sys._getframe details: f_back, f_locals, f_trace*, repr, and frame.clear().
import sys
def f(a, b=2):
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_lineno, sorted(fr.f_locals))
    print(sys._getframe(1).f_code.co_name, fr.f_back is sys._getframe(1))
    print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
    print(type(fr.f_lasti), fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__)
    return fr
fr = f(1)
print(fr.f_lineno, fr.f_locals["a"])
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
print(repr(fr).split(" at ")[0])
def g():
    yield sys._getframe().f_back
gen = g()
print(next(gen).f_code.co_name)
print(gen.gi_frame.f_lineno, gen.gi_frame.f_back)
def h():
    return sys._getframe().f_back.f_lineno
print(h())
fr.clear()
print(fr.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)
def g():
    yield 1
it = g()
next(it)
try:
    it.gi_frame.clear()
except RuntimeError as e:
    print("RuntimeError:", e)
print(it.gi_frame is None)
