//! Running `__main__` (Python/pythonrun.c, Modules/main.c): make the `__main__`
//! module, compile or load its code, run it on a thread with a large stack, and
//! turn the outcome into an exit status, printing uncaught exceptions.

use crate::error::PyErr;
use crate::object::{ObjRef, Payload};
use crate::objects::code::Origin;
use crate::objects::module::ModuleData;
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::runtime::interp::Interp;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Config, MainSource};
use std::rc::Rc;

/// The interpreter thread's stack. Rust recursion (native code calling
/// Python, deep data) is bounded by checking the stack pointer against it
/// (`Vm::stack_limit`). Only touched pages are committed.
const STACK_SIZE: usize = 1 << 30;

pub fn run_main(config: Config, main: MainSource) -> i32 {
    let handle = std::thread::Builder::new()
        .name("pyrs-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run_on_this_thread(config, main));
    match handle {
        Ok(h) => h.join().unwrap_or(1),
        Err(e) => {
            eprintln!("pyrs: cannot start the interpreter thread: {e}");
            1
        }
    }
}

fn run_on_this_thread(config: Config, main: MainSource) -> i32 {
    let interp = Interp::new(config);
    let mut vm = Vm::new(interp, STACK_SIZE);
    if let Err(e) = crate::sys_runtime::install_stdlib_module_names(&mut vm) {
        return handle_uncaught(&mut vm, e);
    }
    let status = run_source(&mut vm, main);
    run_atexit(&mut vm);
    vm.run_pending_callbacks();
    vm.finalize_at_exit();
    vm.flush_stdout();
    status
}

/// The `atexit` callbacks, if the module was imported (Py_FinalizeEx calls
/// `atexit._run_exitfuncs` first); the module reports their errors itself.
fn run_atexit(vm: &mut Vm) {
    let modules = vm.interp.modules.clone();
    let Some(m) = crate::protocol::dict::dict_get_str(&modules, "atexit") else {
        return;
    };
    if let Ok(Some(f)) = vm.try_getattr(&m, "_run_exitfuncs") {
        if let Err(e) = vm.call(&f, &[]) {
            vm.write_unraisable(&e, &f);
        }
    }
}

/// What `__main__` runs, loaded: a code object and the file name to show.
fn load_main(
    vm: &mut Vm,
    main: &MainSource,
    module: &ObjRef,
) -> Result<(Rc<pyrs_bytecode::CodeObject>, Origin), i32> {
    let (source, filename) = match main {
        MainSource::Command(c) => (c.clone(), "<string>".to_string()),
        MainSource::Stdin(s) => (s.clone(), "<stdin>".to_string()),
        MainSource::Module(m) => {
            let found = match vm.find_main_module(m) {
                Ok(f) => f,
                Err(e) => return Err(handle_uncaught(vm, e)),
            };
            let Some((modname, path)) = found else {
                eprintln!("{}: No module named {}", program_name(vm), m);
                return Err(1);
            };
            // runpy: relative imports in `-m pkg.mod` (and a package's
            // __main__) resolve against the module's package.
            let package = modname.rsplit_once('.').map_or("", |(p, _)| p).to_string();
            if let Payload::Module(md) = &module.payload {
                let v = vm.new_str(package);
                dict_set_str_raw(vm.types(), &md.dict, "__package__", v);
            }
            // runpy sets argv[0] to the module's file.
            let file = path.to_string_lossy().into_owned();
            if let Some(Value::Obj(argv)) = dict_get_str(&vm.interp.sys_dict, "argv") {
                if let Payload::List(l) = &argv.payload {
                    if let Some(first) = l.get_mut().first_mut() {
                        *first = vm.new_str(file.as_str());
                    }
                }
            }
            return load_file(vm, &path, module);
        }
        MainSource::File(p) => return load_file(vm, p, module),
    };
    compile_main(vm, &source, &filename).map(|c| (Rc::new(c), Origin::Compiled))
}

/// Load a file to run as `__main__`: source, or a .pyc (CPython's too).
fn load_file(
    vm: &mut Vm,
    p: &std::path::Path,
    module: &ObjRef,
) -> Result<(Rc<pyrs_bytecode::CodeObject>, Origin), i32> {
    let (source, filename) = {
        let name = p.to_string_lossy().to_string();
        let bytes = match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
                eprintln!(
                    "{}: can't open file '{}': [Errno {}] {}",
                    program_name(vm),
                    abs.display(),
                    e.raw_os_error().unwrap_or(0),
                    io_strerror(&e)
                );
                return Err(2);
            }
        };
        if let Payload::Module(m) = &module.payload {
            dict_set_str_raw(vm.types(), &m.dict, "__file__", vm.new_str(name.as_str()));
        }
        if bytes.starts_with(&pyrs_bytecode::pyc::MAGIC_NUMBER) {
            let body = match pyrs_bytecode::pyc::read_header(&bytes) {
                Ok((_, body)) => body,
                Err(_) => {
                    eprintln!("RuntimeError: Bad code object in .pyc file");
                    return Err(1);
                }
            };
            return match pyrs_bytecode::marshal::loads_code(body) {
                Ok(code) => Ok((code, Origin::Marshalled)),
                Err(e) => {
                    eprintln!("{}: {}", e.python_type(), e.message());
                    Err(1)
                }
            };
        }
        match String::from_utf8(bytes) {
            Ok(s) => (s, name),
            Err(_) => {
                eprintln!("SyntaxError: Non-UTF-8 code in file {name}");
                return Err(1);
            }
        }
    };
    compile_main(vm, &source, &filename).map(|c| (Rc::new(c), Origin::Compiled))
}

fn compile_main(
    vm: &mut Vm,
    source: &str,
    filename: &str,
) -> Result<pyrs_bytecode::CodeObject, i32> {
    let opts = pyrs_compiler::CompileOptions {
        optimize: vm.interp.config.optimize,
        future_flags: 0,
    };
    match pyrs_compiler::compile(source, filename, pyrs_compiler::Mode::Exec, &opts) {
        Ok(code) => Ok(code),
        Err(e) => {
            vm.flush_stdout();
            eprint!("{}", format_syntax_error(&e));
            Err(1)
        }
    }
}

/// CPython's report of a SyntaxError in `__main__`.
pub fn format_syntax_error(e: &pyrs_compiler::SyntaxErrorInfo) -> String {
    let mut out = format!("  File \"{}\", line {}\n", e.filename, e.lineno);
    if let Some(text) = &e.text {
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start();
        let indent = line.chars().count() - stripped.chars().count();
        out.push_str(&format!("    {stripped}\n"));
        let start = (e.offset as usize).saturating_sub(1).saturating_sub(indent);
        let width = if e.end_lineno == e.lineno && e.end_offset > e.offset {
            (e.end_offset - e.offset) as usize
        } else {
            1
        };
        out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
    }
    let kind = match e.kind {
        pyrs_compiler::SyntaxErrorKind::SyntaxError => "SyntaxError",
        pyrs_compiler::SyntaxErrorKind::IndentationError => "IndentationError",
        pyrs_compiler::SyntaxErrorKind::TabError => "TabError",
    };
    out.push_str(&format!("{kind}: {}\n", e.msg));
    out
}

/// The program name in command-line errors: argv[0] as invoked, as CPython prints it.
fn program_name(vm: &Vm) -> String {
    let _ = vm;
    std::env::args().next().unwrap_or_else(|| "pyrs".into())
}

/// The C library's text for an I/O error, as CPython prints it.
fn io_strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `sys.path` as CPython's getpath builds it: `PYTHONPATH` (unless -E/-I),
/// then the installation's `python311.zip`, standard library and
/// `lib-dynload` (listed even when absent, as CPython lists them). `site`,
/// imported next, adds site-packages; `sys_path0` comes after that.
fn init_sys_path(vm: &mut Vm) {
    let config = &vm.interp.config;
    let mut path: Vec<String> = Vec::new();
    let use_env = !config.ignore_environment && !config.isolated;
    if use_env {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            path.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    let stdlib = std::env::var("PYRS_STDLIB")
        .ok()
        .filter(|s| use_env && !s.is_empty())
        .unwrap_or_else(|| env!("PYRS_DEFAULT_STDLIB").to_string());
    // sys.prefix and friends: the installation the standard library comes
    // from (STDLIB is PREFIX/lib/python3.11), for gettext, sysconfig, site.
    let stdlib_dir = std::path::Path::new(&stdlib);
    let lib_dir = stdlib_dir.parent();
    let prefix_of = lib_dir
        .and_then(|p| p.parent())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sys_dict = vm.interp.sys_dict.clone();
    for key in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        let v = vm.new_str(prefix_of.as_str());
        dict_set_str_raw(vm.types(), &sys_dict, key, v);
    }
    let stdlib_value = if stdlib.is_empty() {
        Value::None
    } else {
        vm.new_str(stdlib.as_str())
    };
    dict_set_str_raw(vm.types(), &sys_dict, "_stdlib_dir", stdlib_value);
    if !stdlib.is_empty() {
        if let Some(lib) = lib_dir {
            path.push(lib.join("python311.zip").to_string_lossy().into_owned());
        }
        path.push(stdlib.clone());
        path.push(
            stdlib_dir
                .join("lib-dynload")
                .to_string_lossy()
                .into_owned(),
        );
    }
    let items = path.into_iter().map(|p| vm.new_str(p)).collect();
    let list = vm.new_list(items);
    dict_set_str_raw(vm.types(), &vm.interp.sys_dict, "path", list);
    let prefix = config
        .xoptions
        .iter()
        .find_map(|x| x.strip_prefix("pycache_prefix=").map(str::to_string))
        .or_else(|| {
            if use_env {
                std::env::var("PYTHONPYCACHEPREFIX")
                    .ok()
                    .filter(|s| !s.is_empty())
            } else {
                None
            }
        });
    let prefix = prefix.map_or(Value::None, |p| vm.new_str(p));
    dict_set_str_raw(vm.types(), &vm.interp.sys_dict, "pycache_prefix", prefix);
}

/// The entry pymain_run_python puts first in sys.path once site has run:
/// the script's folder, the working directory for -m, '' for -c and stdin;
/// none under -P/-I.
fn sys_path0(vm: &Vm, main: &MainSource) -> Option<String> {
    let config = &vm.interp.config;
    if config.isolated || config.safe_path {
        return None;
    }
    Some(match main {
        MainSource::File(p) => {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            abs.parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default()
        }
        MainSource::Module(_) => std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    })
}

fn run_source(vm: &mut Vm, main: MainSource) -> i32 {
    init_sys_path(vm);
    let types = vm.types();
    let dict = vm.new_dict();
    let module = ObjRef::new(
        &types.module,
        Payload::Module(ModuleData { dict: dict.clone() }),
    );
    dict_set_str_raw(types, &dict, "__name__", vm.new_str("__main__"));
    dict_set_str_raw(types, &dict, "__doc__", Value::None);
    dict_set_str_raw(types, &dict, "__package__", Value::None);
    dict_set_str_raw(types, &dict, "__loader__", Value::None);
    dict_set_str_raw(types, &dict, "__spec__", Value::None);
    dict_set_str_raw(types, &dict, "__annotations__", Value::Obj(vm.new_dict()));
    dict_set_str_raw(
        types,
        &dict,
        "__builtins__",
        Value::Obj(vm.interp.builtins.clone()),
    );
    dict_set_str_raw(
        types,
        &vm.interp.modules,
        "__main__",
        Value::Obj(module.clone()),
    );
    if !vm.interp.config.no_site {
        if let Err(status) = import_site(vm) {
            return status;
        }
    }
    if let Some(p0) = sys_path0(vm, &main) {
        let path = dict_get_str(&vm.interp.sys_dict, "path");
        if let Some(Payload::List(l)) = path.as_ref().and_then(|p| p.payload()) {
            let v = vm.new_str(p0);
            l.get_mut().insert(0, v);
        }
    }
    let (code, origin) = match load_main(vm, &main, &module) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let code_obj = match crate::objects::code::new_code_object_from(types, code, origin) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("SystemError: invalid code object: {msg}");
            return 1;
        }
    };
    let result = run_module_code(vm, &code_obj, &dict);
    match result {
        Ok(_) => 0,
        Err(e) => handle_uncaught(vm, e),
    }
}

/// `import site` (unless -S), as Py_Initialize does: it adds site-packages
/// to sys.path and runs their `.pth` files. A failure is fatal in CPython
/// too: the traceback, then exit status 1.
fn import_site(vm: &mut Vm) -> Result<(), i32> {
    match vm.import_absolute("site") {
        Ok(_) => Ok(()),
        Err(e) => {
            let status = handle_uncaught(vm, e);
            eprintln!("Fatal Python error: init_import_site: Failed to import the site module");
            Err(status)
        }
    }
}

/// Run a module-level code object with `globals` as its globals and locals.
pub fn run_module_code(vm: &mut Vm, code_obj: &ObjRef, globals: &ObjRef) -> crate::PyResult<Value> {
    let Payload::Code(code) = &code_obj.payload else {
        return Err(vm.system_error("not a code object"));
    };
    let code: Rc<crate::objects::code::Code> = code.clone();
    let builtins = vm.interp.builtins_dict.clone();
    let mut frame = vm.alloc_frame(code, code_obj.clone(), globals.clone(), builtins);
    frame.locals = Value::Obj(globals.clone());
    vm.run_frame(frame)
}

/// The exit status for an exception that reached the top: SystemExit's code,
/// or 1 after printing the traceback.
fn handle_uncaught(vm: &mut Vm, e: PyErr) -> i32 {
    vm.flush_stdout();
    let exc = e.0;
    if crate::vm::is_subtype(exc.class(), &vm.types().exc.system_exit) {
        let code = match vm.try_getattr(&Value::Obj(exc.clone()), "code") {
            Ok(Some(c)) => c,
            _ => Value::None,
        };
        return match &code {
            Value::None => 0,
            Value::Int(i) => *i as i32,
            Value::Bool(b) => *b as i32,
            other => {
                let s = vm.str_string(other).unwrap_or_default();
                let stderr = dict_get_str(&vm.interp.sys_dict, "stderr").unwrap_or(Value::None);
                let _ = vm.write_to_file(&stderr, &format!("{s}\n"));
                1
            }
        };
    }
    let text = vm.format_exception(&exc);
    let stderr = dict_get_str(&vm.interp.sys_dict, "stderr").unwrap_or(Value::None);
    if vm.write_to_file(&stderr, &text).is_err() {
        eprint!("{text}");
    }
    1
}
