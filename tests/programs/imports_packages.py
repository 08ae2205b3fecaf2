import sys
sys.path.insert(0, "importables")
import pkg
print(pkg.value, pkg.helper.twice(4), pkg.__name__, pkg.__file__.endswith("pkg/__init__.py"), pkg.__path__[0].endswith("pkg"))
import pkg.sub
from pkg.sub import *
print(t2(3), K, "_hidden" in dir() if False else "_hidden" in globals())
import pkg.helper as h
print(h is pkg.helper, "pkg.helper" in sys.modules)
from ns.part import mod
print(mod.X)
import ns
print(ns.__file__ if hasattr(ns, "__file__") else "nofile")
try:
    import nosuchmod
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import pkg.nosuch
except ModuleNotFoundError as e:
    print(e)
try:
    import pkg.helper.x
except ModuleNotFoundError as e:
    print(e)
try:
    from pkg import nope
except ImportError as e:
    print(e.msg if False else str(e).replace(pkg.__file__, "FILE"))
try:
    import circ_a
except ImportError as e:
    print(str(e).split(" (")[0])
m = __import__("pkg.helper", fromlist=["twice"])
print(m.__name__)
print(sys.implementation.cache_tag if sys.implementation.name == "pyrs" else "pyrs-311")
