//! The import system (Python/import.c and importlib._bootstrap's algorithm,
//! native): resolving relative names, `sys.modules`, builtin modules, the
//! `sys.path` / `__path__` search for packages, modules, sourceless `.pyc`
//! files and namespace packages (PEP 420), running module code with the
//! module in `sys.modules` first (so circular imports behave as in CPython),
//! `from x import y` loading submodules, and `import *`.

use crate::error::{PyErr, PyResult};
use crate::import_path::{find_in_dirs, Found};
use crate::object::{ObjRef, Payload};
use crate::objects::module::ModuleData;
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

thread_local! {
    /// Modules whose code is running now (`__spec__._initializing`).
    static INITIALIZING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Whether module `name`'s code is still running (a circular import).
pub fn is_initializing(name: &str) -> bool {
    INITIALIZING.with(|i| i.borrow().iter().any(|n| n == name))
}

impl Vm {
    /// IMPORT_NAME and `__import__`: import `name` (relative by `level`) for
    /// code running with `globals`, returning the module IMPORT_NAME pushes
    /// (the top-level package for `import a.b`, else the named module).
    pub fn import_module_level(
        &mut self,
        name: &str,
        globals: Option<&ObjRef>,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let abs = if level > 0 {
            self.resolve_name(name, globals, level as usize)?
        } else {
            name.to_string()
        };
        if abs.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        let module = self.import_absolute(&abs)?;
        let has_fromlist = match fromlist {
            Value::None => false,
            v => v
                .as_tuple()
                .map_or_else(|| self.is_true(v).unwrap_or(false), |t| !t.is_empty()),
        };
        if has_fromlist {
            if self.try_getattr(&module, "__path__")?.is_some() {
                self.handle_fromlist(&module, &abs, fromlist)?;
            }
            return Ok(module);
        }
        if level == 0 || !name.is_empty() {
            // `import a.b.c` binds `a`: the top of what was named.
            let first = name.split('.').next().unwrap_or("");
            if level == 0 {
                return self.import_absolute(first);
            }
            let cut = abs.len() - (name.len() - first.len());
            return self.import_absolute(&abs[..cut]);
        }
        Ok(module)
    }

    /// The absolute name of a relative import (importlib's `_resolve_name`).
    fn resolve_name(
        &mut self,
        name: &str,
        globals: Option<&ObjRef>,
        level: usize,
    ) -> PyResult<String> {
        let get = |k: &str| globals.and_then(|g| dict_get_str(g, k));
        let package = match get("__package__") {
            Some(p) if p.as_str().is_some() => p.as_str().unwrap_or("").to_string(),
            Some(Value::None) | None => {
                let modname = get("__name__")
                    .and_then(|n| n.as_str().map(str::to_string))
                    .unwrap_or_default();
                if get("__path__").is_some() {
                    modname
                } else {
                    modname
                        .rsplit_once('.')
                        .map(|(p, _)| p.to_string())
                        .unwrap_or_default()
                }
            }
            Some(_) => return Err(self.type_error("package must be a string")),
        };
        if package.is_empty() {
            return Err(self.new_error(
                &self.types().exc.import_error,
                "attempted relative import with no known parent package",
            ));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(self.new_error(
                &self.types().exc.import_error,
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// Import an absolute dotted name, parents first (`_gcd_import`).
    pub fn import_absolute(&mut self, name: &str) -> PyResult<Value> {
        let modules = self.interp.modules.clone();
        if let Some(m) = dict_get_str(&modules, name) {
            if !matches!(m, Value::None) {
                return Ok(m);
            }
        }
        let (parent, path) = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let pm = self.import_absolute(parent)?;
                // Importing the parent may have imported this module too.
                if let Some(m) = dict_get_str(&modules, name) {
                    return Ok(m);
                }
                match self.try_getattr(&pm, "__path__")? {
                    Some(p) => {
                        if let Some(m) = self.meta_path_import(name, &p, true)? {
                            return Ok(m);
                        }
                        (Some((parent.to_string(), pm)), self.iterate(&p)?)
                    }
                    None => {
                        let msg = format!("No module named '{name}'; '{parent}' is not a package");
                        return Err(self.module_not_found(&msg, name));
                    }
                }
            }
            None => {
                if let Some(m) = self.meta_path_import(name, &Value::None, true)? {
                    return Ok(m);
                }
                if let Some(m) = crate::modules::create_builtin(self, name)? {
                    dict_set_str_raw(self.types(), &modules, name, m.clone());
                    self.set_spec(&m, name)?;
                    return Ok(m);
                }
                let sys_path = dict_get_str(&self.interp.sys_dict, "path").unwrap_or(Value::None);
                let entries = if matches!(sys_path, Value::None) {
                    Vec::new()
                } else {
                    self.iterate(&sys_path)?
                };
                (None, entries)
            }
        };
        let short = name.rsplit('.').next().unwrap_or(name);
        let Some(found) = self.search_path(name, short, &path)? else {
            let p = match &parent {
                Some((_, pm)) => self.getattr_str(pm, "__path__")?,
                None => Value::None,
            };
            if let Some(m) = self.meta_path_import(name, &p, false)? {
                return Ok(m);
            }
            return Err(self.module_not_found(&format!("No module named '{name}'"), name));
        };
        let module = self.load_found(name, found)?;
        // A submodule becomes an attribute of its parent.
        if let Some((_, pm)) = parent {
            self.setattr(&pm, short, module.clone())?;
        }
        Ok(module)
    }

    /// `-m NAME`: the file to run as `__main__` (runpy's
    /// `_get_module_details`): parents are imported; a package runs its
    /// `__main__` submodule. `Ok(None)` when there is no such module.
    pub fn find_main_module(&mut self, name: &str) -> PyResult<Option<(String, PathBuf)>> {
        let (parent_path, short) = match name.rsplit_once('.') {
            Some((parent, short)) => {
                let pm = self.import_absolute(parent)?;
                match self.try_getattr(&pm, "__path__")? {
                    Some(p) => (self.iterate(&p)?, short),
                    None => return Ok(None),
                }
            }
            None => {
                let sys_path = dict_get_str(&self.interp.sys_dict, "path").unwrap_or(Value::None);
                (
                    if matches!(sys_path, Value::None) {
                        Vec::new()
                    } else {
                        self.iterate(&sys_path)?
                    },
                    name,
                )
            }
        };
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let dirs: Vec<PathBuf> = parent_path
            .iter()
            .filter_map(|p| p.as_str())
            .map(|p| {
                if p.is_empty() {
                    cwd.clone()
                } else {
                    PathBuf::from(p)
                }
            })
            .collect();
        match find_in_dirs(&dirs, short) {
            Some(Found::Source(p)) | Some(Found::Sourceless(p)) => Ok(Some((name.to_string(), p))),
            Some(Found::Package { .. }) | Some(Found::Namespace(_)) | Some(Found::Spec(_)) => {
                self.import_absolute(name)?;
                self.find_main_module(&format!("{name}.__main__"))
            }
            None => Ok(None),
        }
    }

    fn module_not_found(&self, msg: &str, name: &str) -> PyErr {
        let e = self.new_exception(
            &self.types().exc.module_not_found_error,
            vec![self.new_str(msg)],
        );
        self.instance_dict_set(&e, "name", self.new_str(name));
        self.instance_dict_set(&e, "path", Value::None);
        self.instance_dict_set(&e, "msg", self.new_str(msg));
        PyErr(e)
    }

    /// Make the module object, register it, and run its code.
    fn load_found(&mut self, name: &str, found: Found) -> PyResult<Value> {
        if let Found::Spec(spec) = found {
            // Found by a path entry finder from sys.path_hooks: importlib
            // loads it, as PathFinder's caller `_find_and_load` would.
            let bootstrap = self.import_absolute("_frozen_importlib")?;
            let load = self.getattr_str(&bootstrap, "_load")?;
            return self.call(&load, &[spec]);
        }
        let dict = self.new_dict();
        let module = ObjRef::new(
            &self.types().module,
            Payload::Module(ModuleData { dict: dict.clone() }),
        );
        let t = self.types();
        let set = |k: &str, v: Value| dict_set_str_raw(t, &dict, k, v);
        set("__name__", self.new_str(name));
        set("__doc__", Value::None);
        set("__loader__", Value::None);
        set("__spec__", Value::None);
        set("__builtins__", Value::Obj(self.interp.builtins.clone()));
        let package = match &found {
            Found::Package { .. } | Found::Namespace(_) | Found::Spec(_) => name.to_string(),
            _ => name
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        set("__package__", self.new_str(package));
        let file = match &found {
            Found::Package { dir, init } => {
                set(
                    "__path__",
                    self.new_list(vec![self.new_str(dir.to_string_lossy().as_ref())]),
                );
                Some(init.clone())
            }
            Found::Source(p) | Found::Sourceless(p) => Some(p.clone()),
            Found::Spec(_) => None,
            Found::Namespace(dirs) => {
                let items = dirs
                    .iter()
                    .map(|d| self.new_str(d.to_string_lossy().as_ref()))
                    .collect();
                set("__path__", self.new_list(items));
                set("__file__", Value::None);
                None
            }
        };
        let modules = self.interp.modules.clone();
        let mv = Value::Obj(module.clone());
        let Some(file) = file else {
            dict_set_str_raw(t, &modules, name, mv.clone());
            self.set_spec(&mv, name)?;
            return Ok(mv);
        };
        set("__file__", self.new_str(file.to_string_lossy().as_ref()));
        self.set_spec(&mv, name)?;
        let sourceless = matches!(found, Found::Sourceless(_));
        let (code, origin) = if sourceless {
            (
                self.load_sourceless(&file)?,
                crate::objects::code::Origin::Marshalled,
            )
        } else {
            self.load_source_cached(&file, &dict)?
        };
        dict_set_str_raw(t, &modules, name, mv.clone());
        let code_obj =
            crate::objects::code::new_code_object_from(t, code, origin).map_err(|m| {
                self.new_error(
                    &self.types().exc.import_error,
                    format!("bad code object in {}: {m}", file.display()),
                )
            })?;
        INITIALIZING.with(|i| i.borrow_mut().push(name.to_string()));
        let r = crate::run::run_module_code(self, &code_obj, &dict);
        INITIALIZING.with(|i| i.borrow_mut().retain(|n| n != name));
        if let Err(e) = r {
            let key = self.new_str(name);
            let _ = self.dict_del(&modules, &key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(dict_get_str(&modules, name).unwrap_or(mv))
    }

    /// Consult the finders in `sys.meta_path` that are not importlib's own
    /// (those are what the native search does): the ones before the first
    /// of importlib's when `before`, else the ones after it. A spec found is
    /// loaded by importlib's `_load`, as `_find_and_load` would.
    fn meta_path_import(
        &mut self,
        name: &str,
        path: &Value,
        before: bool,
    ) -> PyResult<Option<Value>> {
        let Some(meta_path) = dict_get_str(&self.interp.sys_dict, "meta_path") else {
            return Ok(None);
        };
        let finders = match &meta_path.payload() {
            Some(Payload::List(l)) if l.get().is_empty() => return Ok(None),
            Some(Payload::List(l)) => l.get().clone(),
            _ => return Ok(None),
        };
        let modules = self.interp.modules.clone();
        let bootstrap = dict_get_str(&modules, "_frozen_importlib");
        let external = dict_get_str(&modules, "_frozen_importlib_external");
        let mut defaults = Vec::new();
        for (m, names) in [
            (&bootstrap, &["BuiltinImporter", "FrozenImporter"][..]),
            (&external, &["PathFinder"][..]),
        ] {
            if let Some(m) = m {
                for n in names {
                    if let Some(v) = self.try_getattr(m, n)? {
                        defaults.push(v);
                    }
                }
            }
        }
        let first_default = finders
            .iter()
            .position(|f| defaults.iter().any(|d| d.is(f)))
            .unwrap_or(finders.len());
        let range = if before {
            0..first_default
        } else {
            first_default..finders.len()
        };
        let n = self.new_str(name);
        for finder in &finders[range] {
            if defaults.iter().any(|d| d.is(finder)) {
                continue;
            }
            let Some(find_spec) = self.try_getattr(finder, "find_spec")? else {
                continue;
            };
            let spec = self.call(&find_spec, &[n.clone(), path.clone(), Value::None])?;
            if matches!(spec, Value::None) {
                continue;
            }
            let bootstrap = self.import_absolute("_frozen_importlib")?;
            let load = self.getattr_str(&bootstrap, "_load")?;
            return Ok(Some(self.call(&load, &[spec])?));
        }
        Ok(None)
    }

    /// Give a module importlib's `__spec__` and `__loader__` once importlib
    /// is loaded (pyrs_stdlib's `_frozen_importlib_external` provides
    /// `_pyrs_set_spec`); before that they stay None, which costs nothing.
    fn set_spec(&mut self, module: &Value, name: &str) -> PyResult<()> {
        let Some(ext) = dict_get_str(&self.interp.modules, "_frozen_importlib_external") else {
            return Ok(());
        };
        let Some(f) = self.try_getattr(&ext, "_pyrs_set_spec")? else {
            return Ok(());
        };
        let n = self.new_str(name);
        self.call(&f, &[module.clone(), n])?;
        Ok(())
    }

    fn load_sourceless(&mut self, file: &Path) -> PyResult<std::rc::Rc<pyrs_bytecode::CodeObject>> {
        let data = std::fs::read(file).map_err(|e| self.os_error_from(&e, file))?;
        let body = match pyrs_bytecode::pyc::read_header(&data) {
            Ok((_, body)) => body,
            Err(_) => {
                return Err(self.new_error(
                    &self.types().exc.import_error,
                    format!("bad magic number in {}", file.display()),
                ))
            }
        };
        pyrs_bytecode::marshal::loads_code(body)
            .map_err(|e| self.new_error(&self.types().exc.value_error, e.message()))
    }

    /// An OSError subclass for an I/O error on `path`.
    pub fn os_error_from(&mut self, e: &std::io::Error, path: &Path) -> PyErr {
        self.os_error_io(e, Some(path.to_string_lossy().as_ref()))
    }

    /// `from package import a, b`: import the names that are submodules.
    fn handle_fromlist(&mut self, module: &Value, name: &str, fromlist: &Value) -> PyResult<()> {
        for item in self.iterate(fromlist)? {
            let Some(s) = item.as_str().map(str::to_string) else {
                return Err(self.type_error(format!(
                    "Item in {name}.__all__ must be str, not {}",
                    self.type_name(&item)
                )));
            };
            if s == "*" {
                if let Some(all) = self.try_getattr(module, "__all__")? {
                    self.handle_fromlist(module, name, &all)?;
                }
                continue;
            }
            if self.try_getattr(module, &s)?.is_none() {
                let full = format!("{name}.{s}");
                match self.import_absolute(&full) {
                    Ok(_) => {}
                    // A missing submodule is reported later, by IMPORT_FROM;
                    // a module the submodule itself imports is the error.
                    Err(e) if self.err_matches(&e, &self.types().exc.module_not_found_error) => {
                        let exc = Value::Obj(e.0.clone());
                        let missing = self.try_getattr(&exc, "name")?;
                        if missing.as_ref().and_then(|m| m.as_str()) != Some(full.as_str()) {
                            return Err(e);
                        }
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(())
    }

    /// IMPORT_STAR: bind the module's public names in `locals`.
    pub fn import_star(&mut self, module: &Value, locals: &Value) -> PyResult<()> {
        let names: Vec<Value> = match self.try_getattr(module, "__all__")? {
            Some(all) => self.iterate(&all)?,
            None => {
                let d = self.getattr_str(module, "__dict__")?;
                let keys = match d.as_obj() {
                    Some(d) => Vm::dict_items(d).into_iter().map(|(k, _)| k).collect(),
                    None => Vec::new(),
                };
                keys.into_iter()
                    .filter(|k| !k.as_str().is_some_and(|s| s.starts_with('_')))
                    .collect()
            }
        };
        for n in names {
            let Some(s) = n.as_str().map(str::to_string) else {
                let mname = self
                    .try_getattr(module, "__name__")?
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                return Err(self.type_error(format!(
                    "Item in {mname}.__all__ must be str, not {}",
                    self.type_name(&n)
                )));
            };
            let v = self.getattr_str(module, &s)?;
            self.setitem(locals, &n, v)?;
        }
        Ok(())
    }
}
