//! The search of `sys.path` or a package's `__path__` for one module
//! (importlib's PathFinder and FileFinder): each entry gets its path entry
//! finder from `sys.path_importer_cache` or `sys.path_hooks`, as CPython's
//! PathFinder does. Directory entries are searched natively, standing in for
//! FileFinder's hook (always last in CPython's list, and implicitly last
//! here); finders that other hooks return are called through `find_spec`.

use crate::error::PyResult;
use crate::object::Payload;
use crate::protocol::dict::dict_get_str;
use crate::value::Value;
use crate::vm::Vm;
use std::path::{Path, PathBuf};

/// What a path search found for a module name.
pub(crate) enum Found {
    /// A package directory with its `__init__` file.
    Package {
        dir: PathBuf,
        init: PathBuf,
    },
    Source(PathBuf),
    /// A `.pyc` where the source would be (a sourceless module).
    Sourceless(PathBuf),
    /// Directories of a namespace package (PEP 420), possibly several.
    Namespace(Vec<PathBuf>),
    /// A spec that a path entry finder from `sys.path_hooks` returned.
    Spec(Value),
}

/// How one path entry is searched.
enum EntryFinder {
    /// A directory, searched natively (FileFinder's rules).
    Native(PathBuf),
    /// A finder object from a hook or the cache: `find_spec(name)`.
    Python(Value),
    /// No finder (`None` in the cache, or not a str).
    Skip,
}

impl Vm {
    /// Record the hooks that importlib's set-up put in `sys.path_hooks`
    /// and its FileFinder class: the native search stands in for
    /// FileFinder's hook and instances, and zipimporter is only tried on
    /// entries that are not directories.
    pub fn set_default_path_hooks(&mut self, hooks: Vec<Value>, file_finder: Value) {
        self.interp.default_path_hooks.replace(hooks);
        self.interp.file_finder.replace(file_finder);
    }

    /// Search `entries` (sys.path or a `__path__`) for the module whose
    /// full name is `name` and last part `short`.
    pub(crate) fn search_path(
        &mut self,
        name: &str,
        short: &str,
        entries: &[Value],
    ) -> PyResult<Option<Found>> {
        let in_play = self.path_hooks_in_play()?;
        let mut portions = Vec::new();
        for entry in entries {
            let finder = if in_play {
                self.entry_finder(entry)?
            } else {
                match entry_dir(entry) {
                    Some(dir) => EntryFinder::Native(dir),
                    None => EntryFinder::Skip,
                }
            };
            let found = match finder {
                EntryFinder::Skip => None,
                EntryFinder::Python(finder) => self.ask_finder(&finder, name)?,
                EntryFinder::Native(dir) => match find_in_dir(&dir, short) {
                    // A miss in what is not a directory may be an archive:
                    // the hooks (zipimporter) are asked once, and their
                    // answer cached, which puts them in play from then on.
                    None if !in_play
                        && !self.interp.default_path_hooks.get().is_empty()
                        && !dir.is_dir() =>
                    {
                        match self.entry_finder(entry)? {
                            EntryFinder::Python(finder) => self.ask_finder(&finder, name)?,
                            _ => None,
                        }
                    }
                    found => found,
                },
            };
            match found {
                Some(Found::Namespace(mut p)) => portions.append(&mut p),
                Some(found) => return Ok(Some(found)),
                None => {}
            }
        }
        Ok((!portions.is_empty()).then_some(Found::Namespace(portions)))
    }

    /// `finder.find_spec(name)`: a spec with a loader is found; one without
    /// is a namespace portion (PathFinder keeps looking).
    fn ask_finder(&mut self, finder: &Value, name: &str) -> PyResult<Option<Found>> {
        let Some(find_spec) = self.try_getattr(finder, "find_spec")? else {
            return Ok(None);
        };
        let n = self.new_str(name);
        let spec = self.call(&find_spec, &[n])?;
        if matches!(spec, Value::None) {
            return Ok(None);
        }
        let loader = self.getattr_str(&spec, "loader")?;
        if !matches!(loader, Value::None) {
            return Ok(Some(Found::Spec(spec)));
        }
        let locations = self.getattr_str(&spec, "submodule_search_locations")?;
        if matches!(locations, Value::None) {
            return Ok(None);
        }
        let mut portions = Vec::new();
        for p in self.iterate(&locations)? {
            if let Some(s) = p.as_str() {
                portions.push(PathBuf::from(s));
            }
        }
        Ok(Some(Found::Namespace(portions)))
    }

    /// Whether anything beyond the native search can answer: a hook in
    /// `sys.path_hooks` that importlib did not install, or an entry in
    /// `sys.path_importer_cache`. When neither, no Python code runs.
    fn path_hooks_in_play(&mut self) -> PyResult<bool> {
        let sys = &self.interp.sys_dict;
        let cache_used = match dict_get_str(sys, "path_importer_cache") {
            Some(Value::Obj(d)) => match &d.payload {
                Payload::Dict(t) => !t.get().is_empty(),
                _ => true,
            },
            _ => false,
        };
        if cache_used {
            return Ok(true);
        }
        let Some(hooks) = dict_get_str(sys, "path_hooks") else {
            return Ok(false);
        };
        let defaults = self.interp.default_path_hooks.get();
        Ok(match hooks.payload() {
            Some(Payload::List(l)) => l.get().iter().any(|h| !defaults.iter().any(|d| d.is(h))),
            _ => false,
        })
    }

    /// PathFinder._path_importer_cache: the cached finder for `entry`, else
    /// the first hook that accepts it (then cached). The native directory
    /// search answers for FileFinder's hook and for entries no hook takes.
    fn entry_finder(&mut self, entry: &Value) -> PyResult<EntryFinder> {
        let Some(dir) = entry_dir(entry) else {
            return Ok(EntryFinder::Skip);
        };
        let cache = match dict_get_str(&self.interp.sys_dict, "path_importer_cache") {
            Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => Some(d),
            _ => None,
        };
        if let Some(cache) = &cache {
            if let Some(cached) = self.dict_get(cache, entry)? {
                return Ok(self.classify_finder(cached, dir));
            }
        }
        let hooks = match dict_get_str(&self.interp.sys_dict, "path_hooks") {
            Some(h) => self.iterate(&h)?,
            None => Vec::new(),
        };
        let is_dir = dir.is_dir();
        for hook in hooks {
            let default = self
                .interp
                .default_path_hooks
                .get()
                .iter()
                .any(|d| d.is(&hook));
            if default {
                // FileFinder's hook takes directories only; zipimporter (the
                // other default, a class) any path into an archive.
                let file_finder = !matches!(hook.payload(), Some(Payload::Type(_)));
                match (file_finder, is_dir) {
                    (true, true) => return Ok(EntryFinder::Native(dir)),
                    (false, false) => {}
                    _ => continue,
                }
            }
            match self.call(&hook, std::slice::from_ref(entry)) {
                Ok(finder) => {
                    if let Some(cache) = &cache {
                        self.dict_set(cache, entry.clone(), finder.clone())?;
                    }
                    return Ok(self.classify_finder(finder, dir));
                }
                Err(e) if crate::vm::is_subtype(e.0.class(), &self.types().exc.import_error) => {}
                Err(e) => return Err(e),
            }
        }
        // Before importlib is imported there are no default hooks and the
        // native search is the implicit last one; after, no hook took it.
        if self.interp.default_path_hooks.get().is_empty() {
            return Ok(EntryFinder::Native(dir));
        }
        if let Some(cache) = &cache {
            self.dict_set(cache, entry.clone(), Value::None)?;
        }
        Ok(EntryFinder::Skip)
    }

    /// A cached finder: importlib's own FileFinder is searched natively.
    fn classify_finder(&mut self, finder: Value, dir: PathBuf) -> EntryFinder {
        if matches!(finder, Value::None) {
            return EntryFinder::Skip;
        }
        match self.interp.file_finder.get() {
            Value::Obj(ff) if self.type_of(&finder).is(ff) => EntryFinder::Native(dir),
            _ => EntryFinder::Python(finder),
        }
    }
}

/// A path entry as a directory: str entries only, '' meaning the current
/// directory made absolute, as importlib's FileFinder does.
fn entry_dir(entry: &Value) -> Option<PathBuf> {
    let s = entry.as_str()?;
    Some(if s.is_empty() {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
    } else {
        PathBuf::from(s)
    })
}

/// Search `dirs` in order; directories without an `__init__` are namespace
/// portions, used only if no regular module or package is found.
pub(crate) fn find_in_dirs(dirs: &[PathBuf], name: &str) -> Option<Found> {
    let mut portions = Vec::new();
    for dir in dirs {
        match find_in_dir(dir, name) {
            Some(Found::Namespace(mut p)) => portions.append(&mut p),
            Some(found) => return Some(found),
            None => {}
        }
    }
    (!portions.is_empty()).then_some(Found::Namespace(portions))
}

/// One directory, as FileFinder searches it: a package directory first,
/// then `name.py`, then `name.pyc`.
fn find_in_dir(dir: &Path, name: &str) -> Option<Found> {
    let pkg = dir.join(name);
    if pkg.is_dir() {
        for init in ["__init__.py", "__init__.pyc"] {
            let f = pkg.join(init);
            if f.is_file() {
                return Some(Found::Package { dir: pkg, init: f });
            }
        }
        return Some(Found::Namespace(vec![pkg]));
    }
    let src = dir.join(format!("{name}.py"));
    if src.is_file() {
        return Some(Found::Source(src));
    }
    let pyc = dir.join(format!("{name}.pyc"));
    if pyc.is_file() {
        return Some(Found::Sourceless(pyc));
    }
    None
}
