# threading's pieces over _thread: _local (attributes, subclass __init__
# arguments, refused arguments), excepthook and ExceptHookArgs.
import sys
import threading
import _thread

print(threading.local is _thread._local, threading.ExceptHookArgs is _thread._ExceptHookArgs)
loc = threading.local()
loc.x = 1
print(loc.x, hasattr(loc, "y"), loc.__dict__)
try:
    threading.local(1)
except TypeError as e:
    print(e)


class MyLocal(threading.local):
    def __init__(self, a, b=2):
        self.total = a + b


m = MyLocal(5)
print(m.total, isinstance(m, threading.local))
del m.total
print(hasattr(m, "total"))

class FakeThread:
    name = "worker"


args = threading.ExceptHookArgs([ValueError, ValueError("boom"), None, FakeThread()])
print(type(args).__name__, args.exc_type.__name__, args.thread.name)
sys.stderr = sys.stdout
threading.excepthook(args)
threading.excepthook(threading.ExceptHookArgs([SystemExit, SystemExit(), None, None]))
try:
    _thread._excepthook((1, 2, 3, 4))
except TypeError as e:
    print(e)
print(sorted(m for m in ("traceback", "textwrap", "_threading_local") if m in sys.modules))
