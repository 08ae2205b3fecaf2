# A replaced builtins.__import__ is what IMPORT_NAME calls, with (name,
# globals, locals, fromlist, level); module code imported meanwhile calls it
# too. CPython's importlib imports _io while loading each source file, an
# artifact of its frozen bootstrap, so the hook leaves _io out.
import builtins
import codecs  # loaded at start-up by CPython (for the encodings), not pyrs

orig = builtins.__import__
seen = []


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    if name != "_io":
        where = (globals or {}).get("__name__")
        kind = "dict" if isinstance(locals, dict) else repr(locals)
        seen.append((name, where, kind, fromlist, level))
    return orig(name, globals, locals, fromlist, level)


builtins.__import__ = hook
import json
from os import path


def inner():
    import colorsys as tw
    return tw


inner()
builtins.__import__ = orig
import string

for s in seen:
    print(s)


def refuse(name, *args):
    raise ImportError(f"refused {name}")


builtins.__import__ = refuse
try:
    import email
except ImportError as e:
    print(e)
finally:
    builtins.__import__ = orig
del builtins.__import__
try:
    import shlex
except ImportError as e:
    print(type(e).__name__, e)
builtins.__import__ = orig
import shlex
print(shlex.__name__)
