# importlib over the native import: import_module, specs and loaders,
# reload after the source changed, a finder of our own in sys.meta_path.
import importlib, importlib.machinery, sys, posix, _io

base = '/tmp/pyrs_importlib_%d' % posix.getpid()
posix.mkdir(base)
posix.mkdir(base + '/rpkg')

def write(name, text):
    with _io.open(base + '/' + name, 'w') as f:
        f.write(text)

write('rpkg/__init__.py', 'X = 1\n')
write('rpkg/mod.py', "counter = 0\ndef f(): return 'v1'\n")
sys.path.insert(0, base)
try:
    print(sorted(m.__name__ for m in sys.meta_path if m.__module__.startswith('_frozen')))
    print(sys.modules['_io'].__spec__)
    print(sys.modules['sys'].__spec__.origin, sys.modules['sys'].__loader__.__name__)
    m = importlib.import_module('rpkg.mod')
    spec = m.__spec__
    print(m.__name__, spec.name, spec.parent, type(m.__loader__).__name__, spec.has_location)
    print(spec.origin == m.__file__, spec.cached == m.__cached__, m.__package__)
    import rpkg
    print(rpkg.__spec__.submodule_search_locations == rpkg.__path__, rpkg.__spec__.parent)
    print(importlib.import_module('.mod', 'rpkg') is m, importlib.import_module('rpkg') is rpkg)
    m.counter = 5
    m.extra = 'kept'
    write('rpkg/mod.py', "counter = 0\ndef f(): return 'v2 and longer'\n")
    m2 = importlib.reload(m)
    print(m2 is m, m.f(), m.counter, m.extra)
    try:
        importlib.import_module('no_such_module_here')
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
    try:
        importlib.import_module('rpkg.nope')
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
    try:
        importlib.import_module('.x')
    except TypeError as e:
        print(type(e).__name__, e)

    class Loader:
        def create_module(self, spec):
            return None
        def exec_module(self, module):
            module.answer = 42

    class Finder:
        @classmethod
        def find_spec(cls, name, path, target=None):
            if name.startswith('virtual'):
                return importlib.machinery.ModuleSpec(name, Loader())
            return None

    sys.meta_path.insert(0, Finder)
    import virtual_mod
    print(virtual_mod.answer, virtual_mod.__spec__.name, type(virtual_mod.__loader__).__name__)
    print(importlib.import_module('virtual_two').answer)
    sys.meta_path.remove(Finder)
    ModuleType = type(sys)
    made = ModuleType('made', 'doc')
    print(type(made).__name__, made.__name__, made.__doc__, made.__spec__, made.__loader__, made.__package__)
    try:
        ModuleType(3)
    except TypeError as e:
        print(e)
finally:
    for d in ('rpkg/__pycache__', 'rpkg', ''):
        p = base + '/' + d if d else base
        try:
            for n in posix.listdir(p):
                try:
                    posix.unlink(p + '/' + n)
                except OSError:
                    pass
            posix.rmdir(p)
        except OSError:
            pass
