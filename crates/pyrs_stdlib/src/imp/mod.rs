//! `_imp` (Python/import.c's module side) and the two modules CPython
//! freezes into its binary, `_frozen_importlib` and
//! `_frozen_importlib_external`: here they run Lib/importlib's
//! `_bootstrap.py` and `_bootstrap_external.py` from the installed standard
//! library when first imported, then install CPython's finders in
//! `sys.meta_path` / `sys.path_hooks`, so that importlib's API (find_spec,
//! reload, import_module) works over the same state as the native import.

use crate::args::fargs;
use crate::prelude;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::module::ModuleData;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::protocol::dict::dict_get_str;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::path::PathBuf;

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("is_builtin", imp_is_builtin),
    MethodDef::method("create_builtin", imp_create_builtin),
    MethodDef::method("exec_builtin", imp_exec_builtin),
    MethodDef::method("is_frozen", imp_is_frozen),
    MethodDef::method("is_frozen_package", imp_is_frozen),
    MethodDef::method("find_frozen", imp_find_frozen),
    MethodDef::method("get_frozen_object", imp_get_frozen_object),
    MethodDef::method("init_frozen", imp_get_frozen_object),
    MethodDef::method("_frozen_module_names", imp_frozen_module_names),
    MethodDef::method("create_dynamic", imp_create_dynamic),
    MethodDef::method("exec_dynamic", imp_exec_builtin),
    MethodDef::method("extension_suffixes", imp_extension_suffixes),
    MethodDef::method("acquire_lock", imp_lock),
    MethodDef::method("release_lock", imp_lock),
    MethodDef::method("lock_held", imp_lock_held),
    MethodDef::method("_fix_co_filename", imp_fix_co_filename),
    MethodDef::method("source_hash", imp_source_hash),
    MethodDef::method("_override_frozen_modules_for_tests", imp_exec_builtin),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    // PEP 552's mode for hash-based pycs: checked ones are checked.
    set_attr(vm, module, "check_hash_based_pycs", vm.new_str("default"));
    Ok(())
}

fn name_arg(vm: &mut Vm, args: &Args, func: &str) -> PyResult<String> {
    let a = crate::args::check(vm, func, &fargs(args), 1, 1)?;
    match a[0].as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "{func}() argument must be str, not {}",
            vm.type_name(&a[0])
        ))),
    }
}

/// Whether `name` is a builtin module: 1, or -1 for `sys` and `builtins`,
/// which cannot be initialised again (CPython's answer for them).
fn imp_is_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = name_arg(vm, &args, "is_builtin")?;
    if name == "sys" || name == "builtins" {
        return Ok(Value::Int(-1));
    }
    let native = vm.interp.config.native_modules;
    let found = pyrs_vm::modules::BUILTIN_MODULES
        .iter()
        .chain(native.iter())
        .any(|d| d.name == name);
    Ok(Value::Int(found as i64))
}

/// `create_builtin(spec)`: the module of that name, made once per process
/// as CPython caches single-phase extension modules.
fn imp_create_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "create_builtin", &fargs(&args), 1, 1)?;
    let name = vm.getattr_str(&a[0], "name")?;
    let Some(name) = name.as_str().map(str::to_string) else {
        return Err(vm.type_error("spec name must be a string"));
    };
    let modules = vm.interp.modules.clone();
    if let Some(m) = dict_get_str(&modules, &name) {
        if !matches!(m, Value::None) {
            return Ok(m);
        }
    }
    match pyrs_vm::modules::create_builtin(vm, &name)? {
        Some(m) => Ok(m),
        None => Err(vm.new_error(
            &vm.types().exc.import_error,
            format!("no built-in module named {name}"),
        )),
    }
}

/// `exec_builtin(mod)`: builtin modules are complete once made.
fn imp_exec_builtin(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

/// pyrs freezes nothing: importlib's FrozenImporter finds no module.
fn imp_is_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    name_arg(vm, &args, "is_frozen")?;
    Ok(Value::Bool(false))
}

fn imp_find_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [name, _withdata] = bind(vm, "find_frozen", &a, ["name", "withdata"], 1, 1)?;
    if name.as_ref().and_then(|n| n.as_str()).is_none() {
        return Err(vm.type_error("find_frozen() argument 1 must be str"));
    }
    Ok(Value::None)
}

fn imp_get_frozen_object(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let name = a
        .pos()
        .first()
        .and_then(|n| n.as_str())
        .unwrap_or("")
        .to_string();
    Err(vm.new_error(
        &vm.types().exc.import_error,
        format!("No such frozen object named '{name}'"),
    ))
}

fn imp_frozen_module_names(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_tuple(Vec::new()))
}

/// Extension modules (.so) cannot be loaded: there is no C API.
fn imp_create_dynamic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let name = match a.pos().first() {
        Some(spec) => {
            let n = vm.getattr_str(spec, "name")?;
            vm.str_string(&n)?
        }
        None => String::new(),
    };
    Err(vm.new_error(
        &vm.types().exc.import_error,
        format!("extension module {name} cannot be loaded by pyrs"),
    ))
}

/// No suffixes: FileFinder then never offers an extension module.
fn imp_extension_suffixes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "extension_suffixes", &fargs(&args), 0, 0)?;
    Ok(vm.new_list(Vec::new()))
}

/// The import lock: one thread runs Python at a time in pyrs, so holding it
/// excludes nothing; the calls exist for the code that makes them.
fn imp_lock(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn imp_lock_held(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

/// `_fix_co_filename(code, path)`: code objects keep the file name they
/// were compiled with; a moved .pyc keeps its old name here (a known
/// difference: CPython rewrites co_filename recursively).
fn imp_fix_co_filename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "_fix_co_filename", &fargs(&args), 2, 2)?;
    if !matches!(a[0].payload(), Some(Payload::Code(_))) {
        return Err(vm.type_error(format!(
            "_fix_co_filename() argument 1 must be code, not {}",
            vm.type_name(&a[0])
        )));
    }
    if a[1].as_str().is_none() {
        return Err(vm.type_error(format!(
            "_fix_co_filename() argument 2 must be str, not {}",
            vm.type_name(&a[1])
        )));
    }
    Ok(Value::None)
}

/// `source_hash(key, source)`: SipHash-1-3 keyed (key, 0), 8 bytes little
/// endian, as PEP 552's hash-based pycs record it.
fn imp_source_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [key, source] = bind(vm, "source_hash", &a, ["key", "source"], 2, 0)?;
    let key = vm.to_i64(&key.unwrap_or(Value::None), "")?;
    let data = crate::posix::buffer_bytes(vm, &source.unwrap_or(Value::None))?;
    let h = pyrs_bytecode::pyc::siphash13(key as u64, 0, &data);
    Ok(vm.new_bytes(h.to_le_bytes().to_vec()))
}

// ---------------------------------------------------------------------------
// The frozen importlib

/// The file `importlib/NAME` of the standard library on `sys.path`.
fn stdlib_file(vm: &mut Vm, name: &str) -> PyResult<PathBuf> {
    let path = dict_get_str(&vm.interp.sys_dict, "path").unwrap_or(Value::None);
    let entries = if matches!(path, Value::None) {
        Vec::new()
    } else {
        vm.iterate(&path)?
    };
    for e in entries {
        if let Some(dir) = e.as_str() {
            let f = PathBuf::from(dir).join("importlib").join(name);
            if f.is_file() {
                return Ok(f);
            }
        }
    }
    Err(vm.new_error(
        &vm.types().exc.import_error,
        format!("importlib/{name} not found on sys.path"),
    ))
}

/// Run the standard library's `importlib/FILE` in `module`'s namespace,
/// through the .pyc cache.
fn run_stdlib(vm: &mut Vm, module: &ObjRef, file: &str) -> PyResult<()> {
    let path = stdlib_file(vm, file)?;
    let Payload::Module(ModuleData { dict }) = &module.payload else {
        return Err(vm.system_error("not a module"));
    };
    let dict = dict.clone();
    let t = vm.types();
    pyrs_vm::protocol::dict::dict_set_str_raw(
        t,
        &dict,
        "__builtins__",
        Value::Obj(vm.interp.builtins.clone()),
    );
    let (code, origin) = vm.load_source_cached(&path, &dict)?;
    let code_obj = pyrs_vm::objects::code::new_code_object_from(vm.types(), code, origin)
        .map_err(|e| vm.system_error(format!("importlib/{file}: {e}")))?;
    pyrs_vm::run::run_module_code(vm, &code_obj, &dict)?;
    Ok(())
}

/// Put a module in sys.modules before its code runs: `_bootstrap._setup`
/// looks itself up there.
fn register(vm: &mut Vm, module: &ObjRef, name: &str) -> PyResult<()> {
    let modules = vm.interp.modules.clone();
    let key = vm.new_str(name);
    vm.dict_set(&modules, key, Value::Obj(module.clone()))
}

/// `_frozen_importlib`: `_bootstrap.py`, then `_install(sys, _imp)`, which
/// puts BuiltinImporter and FrozenImporter in `sys.meta_path` and gives the
/// builtin modules already imported their `__spec__`.
pub fn init_bootstrap(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    register(vm, module, "_frozen_importlib")?;
    run_stdlib(vm, module, "_bootstrap.py")?;
    let m = Value::Obj(module.clone());
    let sys = vm.import_absolute("sys")?;
    let imp = vm.import_absolute("_imp")?;
    let install = vm.getattr_str(&m, "_install")?;
    vm.call(&install, &[sys, imp])?;
    Ok(())
}

/// `_frozen_importlib_external`: `_bootstrap_external.py`, then
/// `_install(_bootstrap)`, which adds FileFinder's path hook and PathFinder.
/// Modules the native import loaded earlier then get their `__spec__`.
pub fn init_bootstrap_external(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    register(vm, module, "_frozen_importlib_external")?;
    run_stdlib(vm, module, "_bootstrap_external.py")?;
    let bootstrap = vm.import_absolute("_frozen_importlib")?;
    let m = Value::Obj(module.clone());
    let install = vm.getattr_str(&m, "_install")?;
    vm.call(&install, std::slice::from_ref(&bootstrap))?;
    vm.setattr(&bootstrap, "_bootstrap_external", m.clone())?;
    install_zipimport(vm)?;
    prelude::run(vm, module, crate::frozen::IMP_SPECS)?;
    Ok(())
}

/// `_PyImportZip_Init`: zipimporter goes first in `sys.path_hooks`. The
/// hooks now there are importlib's defaults, which the native path search
/// stands in for (pyrs_vm's import_path.rs).
fn install_zipimport(vm: &mut Vm) -> PyResult<()> {
    let sys = vm.interp.sys_dict.clone();
    let Some(hooks) = pyrs_vm::protocol::dict::dict_get_str(&sys, "path_hooks") else {
        return Ok(());
    };
    let zipimport = vm.import_absolute("zipimport")?;
    let zipimporter = vm.getattr_str(&zipimport, "zipimporter")?;
    let insert = vm.getattr_str(&hooks, "insert")?;
    vm.call(&insert, &[Value::Int(0), zipimporter])?;
    let defaults = vm.iterate(&hooks)?;
    let external = vm.import_absolute("_frozen_importlib_external")?;
    let file_finder = vm.getattr_str(&external, "FileFinder")?;
    vm.set_default_path_hooks(defaults, file_finder);
    Ok(())
}
