# importlib.util over pyrs's import: find_spec, the cache path helpers,
# loading a module from a file location, resolve_name, the magic number.
import importlib.util, importlib.machinery, sys, posix, _io

tag = sys.implementation.cache_tag
print(importlib.util.find_spec('json').name, importlib.util.find_spec('json').submodule_search_locations is not None)
print(importlib.util.find_spec('nonexistent_xyz'), importlib.util.find_spec('sys').origin)
print(importlib.util.find_spec('importlib.machinery').parent)
print(importlib.util.cache_from_source('/a/b/c.py').replace(tag, 'TAG'))
print(importlib.util.source_from_cache('/a/b/__pycache__/c.%s.pyc' % tag))
print(importlib.util.resolve_name('.x', 'a.b'), importlib.util.resolve_name('..y', 'a.b.c'))
print(type(importlib.util.MAGIC_NUMBER).__name__, len(importlib.util.MAGIC_NUMBER), importlib.util.MAGIC_NUMBER[2:])
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES, importlib.machinery.EXTENSION_SUFFIXES == [] or True)

path = '/tmp/pyrs_importlib_util_%d.py' % posix.getpid()
with _io.open(path, 'w') as f:
    f.write("def f():\n    return 'loaded from a location'\nNAME = __name__\n")
try:
    spec = importlib.util.spec_from_file_location('located', path)
    m = importlib.util.module_from_spec(spec)
    print('located' in sys.modules)
    spec.loader.exec_module(m)
    print(m.f(), m.NAME, m.__spec__ is spec, type(spec.loader).__name__, spec.origin == path)
finally:
    posix.unlink(path)

# reload of builtin modules and a package; reload's errors.
import math, collections
print(importlib.reload(math) is math, importlib.reload(sys) is sys, importlib.reload(collections) is collections)
try:
    importlib.reload(3)
except TypeError as e:
    print('TypeError:', e)
try:
    importlib.reload(type(sys)('floating'))
except ImportError as e:
    print('ImportError:', e, e.name)
print(importlib.invalidate_caches())
