import sys

def show(depth):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno

def outer():
    x = 10
    y = "why"
    return inner(x)

def inner(a):
    b = a * 2
    f = sys._getframe()
    print([k for k in f.f_locals if k != "f"], f.f_locals["a"], f.f_locals["b"])
    print(f.f_back.f_code.co_name, list(f.f_back.f_locals))
    print(show(0), show(1), show(2))
    print(f.f_back.f_back.f_code.co_name, f.f_back.f_back.f_back)
    return f

fr = outer()
print(fr.f_code.co_name, fr.f_back.f_code.co_name, list(fr.f_locals))
print(sys._getframe().f_locals is globals(), sys._getframe().f_globals is globals())
print(sys._getframe().f_builtins is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else 'mod')

def make_closure():
    v = 1
    def g():
        return sys._getframe().f_locals
    return g
print(make_closure()())

def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield 2
g = gen()
print(next(g), g.gi_frame.f_code.co_name, g.gi_frame.f_back, g.gi_frame.f_lineno)
try:
    sys._getframe(99)
except ValueError as e:
    print(e)

def err():
    try:
        1/0
    except ZeroDivisionError as e:
        tb = e.__traceback__
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_next)
        return e
e = err()
print(e.__traceback__.tb_frame.f_back.f_code.co_name, list(e.__traceback__.tb_frame.f_locals))
r = repr(sys._getframe())
print(r[:10], r[r.find(","):])
