# sys.path_hooks and sys.path_importer_cache as PathFinder uses them: a hook
# that takes a made-up path entry, its finder cached, modules and packages it
# serves (with a submodule found through the package's __path__), a hook that
# declines with ImportError, namespace portions from a finder, and entries no
# hook takes cached as None.
import sys
import importlib.util
import importlib.machinery

SOURCES = {
    "magicmod": "x = 42\n",
    "magicpkg": "from . import sub\nname = __name__\n",
    "magicpkg.sub": "value = 'sub of ' + __package__\n",
}


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(SOURCES[module.__name__], module.__dict__)


class Finder:
    calls = []

    def __init__(self, entry):
        if not entry.startswith("magic:"):
            raise ImportError("not mine")
        self.entry = entry

    def find_spec(self, fullname, target=None):
        Finder.calls.append((self.entry, fullname))
        if fullname not in SOURCES:
            return None
        is_pkg = fullname == "magicpkg"
        spec = importlib.util.spec_from_loader(fullname, Loader(), is_package=is_pkg)
        if is_pkg:
            spec.submodule_search_locations = ["magic:pkg"]
        return spec

    def __repr__(self):
        return f"Finder({self.entry!r})"


declined = []


def declining_hook(entry):
    declined.append(entry)
    raise ImportError("declined")


sys.path_hooks.insert(0, declining_hook)
sys.path_hooks.append(Finder)
sys.path.append("magic:top")

import magicmod
print(magicmod.x, magicmod.__spec__.loader.__class__.__name__)
print(sys.path_importer_cache["magic:top"])
print("magic:top" in declined)

import magicpkg
print(magicpkg.name, magicpkg.sub.value)
print(sys.path_importer_cache["magic:pkg"])
print(("magic:pkg", "magicpkg.sub") in Finder.calls)

try:
    import magic_missing
except ModuleNotFoundError as e:
    print("missing:", e, e.name)

# An entry that no hook takes: cached as None, then skipped.
sys.path.append("/nonexistent/pyrs-test-dir/file.zip")
try:
    import also_missing
except ModuleNotFoundError as e:
    print("missing:", e)
print(sys.path_importer_cache.get("/nonexistent/pyrs-test-dir/file.zip", "absent"))

# A finder that returns namespace portions only.
class PortionFinder:
    def find_spec(self, fullname, target=None):
        if fullname == "nsportion":
            spec = importlib.machinery.ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = ["/nonexistent/portion"]
            return spec
        return None

sys.path_importer_cache["portion:"] = PortionFinder()
sys.path.append("portion:")
import nsportion
print(type(nsportion.__path__).__name__, list(nsportion.__path__))

# Normal imports still work with hooks in play.
import textwrap
print(textwrap.dedent("  ok"))
