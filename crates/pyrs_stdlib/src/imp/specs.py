# Run in _frozen_importlib_external once CPython's finders are installed:
# the modules the native import loaded before importlib was imported get
# the __spec__ and __loader__ that importlib would have given them.
# `sys` is _bootstrap_external's global: an `import sys` here would show
# in a program's replaced builtins.__import__ at every module load.
def _pyrs_fill_specs():
    for name, module in list(sys.modules.items()):
        # A script's __main__ has no spec in CPython either.
        if name == '__main__' or getattr(module, '__spec__', None) is not None:
            continue
        _pyrs_set_spec(module, name)


def _pyrs_set_spec(module, name):
    # Called by the native import for each module it loads from a file.
    if name in sys.builtin_module_names:
        spec = _bootstrap.BuiltinImporter.find_spec(name)
        if spec is not None:
            module.__spec__ = spec
            module.__loader__ = spec.loader
        return
    file = getattr(module, '__file__', None)
    path = getattr(module, '__path__', None)
    try:
        if file is None:
            if path is None:
                return
            spec = _bootstrap.ModuleSpec(name, None, is_package=True)
            spec.submodule_search_locations = _NamespacePath(name, list(path), PathFinder._get_spec)
            module.__path__ = spec.submodule_search_locations
        else:
            spec = spec_from_file_location(
                name, file, submodule_search_locations=list(path) if path is not None else None)
        if spec is None:
            return
        module.__spec__ = spec
        if getattr(module, '__loader__', None) is None:
            module.__loader__ = spec.loader
    except Exception:
        pass


def _pyrs_find_and_load(name, import_):
    # importlib's import_module and __import__ end here: the native import
    # (pyrs_vm's import.rs), which consults sys.meta_path's other finders.
    module = sys.modules.get(name)
    if module is None:
        if name in sys.modules:
            raise ModuleNotFoundError(f'import of {name} halted; None in sys.modules', name=name)
        __import__(name)
        module = sys.modules[name]
    return module


_pyrs_fill_specs()
_bootstrap._find_and_load = _pyrs_find_and_load
del _pyrs_fill_specs, _pyrs_find_and_load
