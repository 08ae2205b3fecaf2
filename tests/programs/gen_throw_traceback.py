# gen.throw(type, value, tb) keeps the value and its traceback (contextmanager's __exit__ path)
import contextlib, sys
@contextlib.contextmanager
def executor():
    try:
        yield
    except Exception:
        ei = sys.exc_info()
        tb = ei[2]
        while tb:
            print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
            tb = tb.tb_next
def inner():
    raise ValueError(1)
def call():
    inner()
with executor():
    call()
def g():
    try:
        yield 1
    except KeyError as e:
        yield ("caught", e.args, e.__traceback__ is not None)
it = g(); next(it)
try:
    raise KeyError("k")
except KeyError as exc:
    saved = exc
print(it.throw(KeyError, saved, saved.__traceback__))
it2 = g(); next(it2)
try:
    it2.throw(KeyError, KeyError("z"), 5)
except TypeError as e:
    print("TypeError", e)
