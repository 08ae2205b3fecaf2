import sys
eg = ExceptionGroup("many", [ValueError(1), TypeError("t"), ValueError(2)])
print(repr(eg), str(eg), type(eg).__name__, eg.message, eg.exceptions)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup("x", [KeyboardInterrupt()])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
def f():
    raise ExceptionGroup("inner", [KeyError("k"), ZeroDivisionError("z")])
try:
    f()
except ExceptionGroup as g:
    print("caught", g, len(g.exceptions))
try:
    raise ExceptionGroup("top", [ValueError("a"), ExceptionGroup("nested", [TypeError("b")])])
except ExceptionGroup as g:
    v, rest = g.split(TypeError)
    print(repr(v), repr(rest))
def thrower():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ExceptionGroup("wrapped", [z, ValueError("v")]) from None
thrower()
