# A zip archive on sys.path: zipimporter (first in sys.path_hooks, as CPython
# installs it) serves a module, a package and its submodule; the finder is
# cached in sys.path_importer_cache; a missing name still fails cleanly.
import os
import sys
import tempfile
import zipfile

d = tempfile.mkdtemp()
z = os.path.join(d, "lib.zip")
with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as f:
    f.writestr("zmod.py", "val = 'from zip'\n")
    f.writestr("zpkg/__init__.py", "from .inner import x\n")
    f.writestr("zpkg/inner.py", "x = 7\n")
sys.path.insert(0, z)
import zmod
import zpkg

print(zmod.val, zpkg.x, type(zmod.__loader__).__name__)
print(zmod.__file__.replace(d, "D"))
print(zpkg.__path__[0].replace(d, "D"))
print(type(sys.path_importer_cache[z]).__name__)
print(sys.path_hooks[0].__name__)
try:
    import znothere
except ModuleNotFoundError as e:
    print(e)
os.remove(z)
os.rmdir(d)
