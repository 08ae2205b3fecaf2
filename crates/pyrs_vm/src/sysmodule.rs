//! The `sys` module (Python/sysmodule.c): argv, exit, modules, path, version
//! facts, and the standard streams (types/stdio.rs). The version facts are
//! in sys_info.rs, the interpreter's hooks and counters in sys_runtime.rs.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::module::ModuleData;
use crate::objects::native::{Args, MethodDef, NativeFunction};
use crate::protocol::dict::{dict_set_str_raw, new_dict_raw};
use crate::runtime::types::Types;
use crate::value::Value;
use crate::vm::Vm;
use crate::Config;
use std::io::{BufWriter, Write};
use std::sync::Mutex;

/// Standard output, block-buffered (line-buffered output is not needed for
/// correctness: it is flushed before stderr writes and at exit).
static STDOUT: Mutex<Option<BufWriter<std::io::Stdout>>> = Mutex::new(None);

/// Run `f` with standard output; with `unbuffered` (`-u`) it is flushed after.
pub fn with_stdout<R>(
    unbuffered: bool,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<R>,
) -> std::io::Result<R> {
    let mut guard = STDOUT.lock().unwrap_or_else(|p| p.into_inner());
    let w = guard.get_or_insert_with(|| BufWriter::with_capacity(1 << 16, std::io::stdout()));
    let r = f(w);
    if unbuffered {
        w.flush()?;
    }
    r
}

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("exit", sys_exit),
    MethodDef::method("getrecursionlimit", sys_getrecursionlimit),
    MethodDef::method("setrecursionlimit", sys_setrecursionlimit),
    MethodDef::method("_getframe", sys_getframe),
    MethodDef::method("exc_info", sys_exc_info),
    MethodDef::method("exception", sys_exception),
    MethodDef::method("excepthook", sys_excepthook),
    MethodDef::method("getfilesystemencoding", sys_getfilesystemencoding),
    MethodDef::method("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
    MethodDef::method("getdefaultencoding", sys_getfilesystemencoding),
    MethodDef::method("audit", sys_audit),
    MethodDef::method("addaudithook", sys_audit),
    MethodDef::method(
        "get_int_max_str_digits",
        crate::sys_info::sys_get_int_max_str_digits,
    ),
    MethodDef::method(
        "set_int_max_str_digits",
        crate::sys_info::sys_set_int_max_str_digits,
    ),
    MethodDef::method("intern", sys_intern),
];

pub fn make_module(types: &Types, config: &Config, modules: &ObjRef) -> (ObjRef, ObjRef) {
    let dict = new_dict_raw(types);
    let module = ObjRef::new(
        &types.module,
        Payload::Module(ModuleData { dict: dict.clone() }),
    );
    let s = |v: &str| crate::objects::code::str_obj(types, v);
    let list = |items: Vec<Value>| {
        Value::Obj(ObjRef::new(
            &types.list,
            Payload::List(crate::gil_cell::GilCell::new(items)),
        ))
    };
    let tuple =
        |items: Vec<Value>| Value::Obj(ObjRef::new(&types.tuple, Payload::Tuple(items.into())));
    let set = |k: &str, v: Value| dict_set_str_raw(types, &dict, k, v);
    set("__name__", s("sys"));
    set("argv", list(config.argv.iter().map(|a| s(a)).collect()));
    set(
        "orig_argv",
        list(config.orig_argv.iter().map(|a| s(a)).collect()),
    );
    set("__package__", s(""));
    set("__loader__", Value::None);
    set("__spec__", Value::None);
    set("modules", Value::Obj(modules.clone()));
    set("path", list(Vec::new()));
    // The import hooks start empty: the native import system is the default
    // finder; importing importlib installs CPython's finders here
    // (pyrs_stdlib's `_frozen_importlib`), and the native import consults
    // any other entries (import.rs).
    set("meta_path", list(Vec::new()));
    set("path_hooks", list(Vec::new()));
    set("path_importer_cache", Value::Obj(new_dict_raw(types)));
    set("pycache_prefix", Value::None);
    set("platlibdir", s("lib"));
    set("_stdlib_dir", Value::None);
    // The running binary, as programs re-run themselves with it
    // (subprocess, unittest's usage text, venv).
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| p.to_str().map(str::to_string))
        .unwrap_or_default();
    set("executable", s(&exe));
    set("_base_executable", s(&exe));
    let implementation = ObjRef::new(&types.simple_namespace, Payload::Instance);
    {
        let ns = new_dict_raw(types);
        dict_set_str_raw(types, &ns, "name", s("pyrs"));
        dict_set_str_raw(types, &ns, "cache_tag", s(crate::pyc_cache::CACHE_TAG));
        dict_set_str_raw(
            types,
            &ns,
            "version",
            tuple(vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                s("final"),
                Value::Int(0),
            ]),
        );
        dict_set_str_raw(types, &ns, "hexversion", Value::Int(0x030b07f0));
        *implementation.dict.get_mut() = Some(ns);
    }
    set("implementation", Value::Obj(implementation));
    set("version", s("3.11.7 (pyrs 0.1.0)"));
    crate::sys_info::install(types, config, &set);
    crate::sys_runtime::install(types, &set);
    set("warnoptions", list(Vec::new()));
    let xoptions = new_dict_raw(types);
    for o in &config.xoptions {
        let (k, v) = match o.split_once('=') {
            Some((k, v)) => (k, s(v)),
            None => (o.as_str(), Value::Bool(true)),
        };
        dict_set_str_raw(types, &xoptions, k, v);
    }
    set("_xoptions", Value::Obj(xoptions));
    set("hexversion", Value::Int(0x030b07f0));
    set(
        "platform",
        s(if cfg!(target_os = "linux") {
            "linux"
        } else if cfg!(target_os = "macos") {
            "darwin"
        } else {
            "win32"
        }),
    );
    set(
        "byteorder",
        s(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    set("maxsize", Value::Int(isize::MAX as i64));
    set(
        "dont_write_bytecode",
        Value::Bool(config.dont_write_bytecode),
    );
    let mut names: Vec<&str> = crate::modules::BUILTIN_MODULES
        .iter()
        .chain(config.native_modules.iter())
        .map(|m| m.name)
        .chain(["builtins", "sys"])
        .collect();
    names.sort_unstable();
    set(
        "builtin_module_names",
        tuple(names.into_iter().map(s).collect()),
    );
    let (out, err) = crate::types::stdio::make_streams(types);
    let stdin = crate::types::stdio::make_stdin(types);
    set("stdin", stdin.clone());
    set("__stdin__", stdin);
    set("stdout", out.clone());
    set("stderr", err.clone());
    set("__stdout__", out);
    set("__stderr__", err);
    let all = FUNCTIONS
        .iter()
        .chain(crate::sys_hooks::FUNCTIONS)
        .chain(crate::sys_runtime::FUNCTIONS);
    for def in all {
        let f = ObjRef::new(
            &types.builtin_function,
            Payload::NativeFunction(NativeFunction {
                def: *def,
                self_: Some(Value::Obj(module.clone())),
                owner: None,
            }),
        );
        set(def.name, Value::Obj(f));
    }
    // The originals that programs restore hooks from are the same objects.
    for hook in [
        "displayhook",
        "excepthook",
        "unraisablehook",
        "breakpointhook",
    ] {
        if let Some(f) = crate::protocol::dict::dict_get_str(&dict, hook) {
            set(&format!("__{hook}__"), f);
        }
    }
    (module, dict)
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "exit", &args, 0, 1)?;
    let e = vm.new_exception(&vm.types().exc.system_exit, args.pos().to_vec());
    Err(crate::error::PyErr(e))
}

/// `sys.intern(string)`: one shared object per value, so `is` compares them.
fn sys_intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "intern", &args, 1, 1)?;
    let v = &args.args[0];
    if v.as_str().is_none() {
        return Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(v)
        )));
    }
    if !vm.type_of(v).is(&vm.types().str_) {
        return Err(vm.type_error("can't intern str subclass"));
    }
    Ok(crate::objects::code::intern_value(v))
}

/// `sys.excepthook(type, value, traceback)`: prints the exception to
/// sys.stderr as an uncaught one is printed.
fn sys_excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = &args.args[1..];
    if a.len() != 3 || !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("excepthook expected 3 arguments, got {}", a.len())));
    }
    let text = match &a[1] {
        Value::Obj(e) if matches!(e.payload, Payload::Exception(_)) => {
            if !matches!(a[2], Value::None) {
                if let Payload::Exception(d) = &e.payload {
                    drop(d.traceback.replace(a[2].clone()));
                }
            }
            vm.format_exception(e)
        }
        other => {
            let tn = vm.type_name(other);
            format!("TypeError: print_exception(): Exception expected for value, {tn} found\n")
        }
    };
    let stderr =
        crate::protocol::dict::dict_get_str(&vm.interp.sys_dict, "stderr").unwrap_or(Value::None);
    vm.write_to_file(&stderr, &text)?;
    Ok(Value::None)
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.interp.recursion_limit.get() as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "setrecursionlimit", &args, 1, 1)?;
    let n = vm.to_i64(&args.args[0], "")?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.interp.recursion_limit.set(n as usize);
    Ok(Value::None)
}

fn sys_getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "_getframe", &args, 0, 1)?;
    let depth = match args.args.first() {
        Some(d) => vm.to_i64(d, "")?,
        None => 0,
    };
    let n = vm.frames.len();
    if depth < 0 || depth as usize >= n {
        return Err(vm.new_error(&vm.types().exc.value_error, "call stack is not deep enough"));
    }
    let ix = n - 1 - depth as usize;
    let fp: *mut crate::frame::Frame = &mut *vm.frames[ix];
    // SAFETY: the frame is boxed on the frame stack and stays there during this call.
    let fo = vm.frame_object(unsafe { &mut *fp });
    Ok(Value::Obj(fo))
}

fn sys_exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    Ok(match &e {
        Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => {
            let tb = match &o.payload {
                Payload::Exception(d) => d.traceback.cloned(),
                _ => Value::None,
            };
            vm.new_tuple(vec![Value::Obj(o.class().clone()), e.clone(), tb])
        }
        _ => vm.new_tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// The file system encoding: UTF-8 (pyrs assumes a UTF-8 locale, as
/// CPython's UTF-8 mode does), with surrogateescape for undecodable bytes.
fn sys_getfilesystemencoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::types::args::after_self(&args);
    crate::builtins::check_args(vm, "getfilesystemencoding", &a, 0, 0)?;
    Ok(vm.new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::types::args::after_self(&args);
    crate::builtins::check_args(vm, "getfilesystemencodeerrors", &a, 0, 0)?;
    Ok(vm.new_str("surrogateescape"))
}

/// `sys.audit(event, *args)` and `addaudithook(hook)`: pyrs raises no audit
/// events, so there is nothing to call a hook for.
fn sys_audit(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.exc_info.clone())
}

/// `sys.__doc__`, CPython's text.
pub const SYS_DOC: &str = concat!(
    "This module provides access to some objects used or maintained by the\n",
    "interpreter and to functions that interact strongly with the interpreter.\n",
    "\n",
    "Dynamic objects:\n",
    "\n",
    "argv -- command line arguments; argv[0] is the script pathname if known\n",
    "path -- module search path; path[0] is the script directory, else ''\n",
    "modules -- dictionary of loaded modules\n",
    "\n",
    "displayhook -- called to show results in an interactive session\n",
    "excepthook -- called to handle any uncaught exception other than SystemExit\n",
    "  To customize printing in an interactive session or to install a custom\n",
    "  top-level exception handler, assign other functions to replace these.\n",
    "\n",
    "stdin -- standard input file object; used by input()\n",
    "stdout -- standard output file object; used by print()\n",
    "stderr -- standard error object; used for error messages\n",
    "  By assigning other file objects (or objects that behave like files)\n",
    "  to these, it is possible to redirect all of the interpreter's I/O.\n",
    "\n",
    "last_type -- type of last uncaught exception\n",
    "last_value -- value of last uncaught exception\n",
    "last_traceback -- traceback of last uncaught exception\n",
    "  These three are only available in an interactive session after a\n",
    "  traceback has been printed.\n",
    "\n",
    "Static objects:\n",
    "\n",
    "builtin_module_names -- tuple of module names built into this interpreter\n",
    "copyright -- copyright notice pertaining to this interpreter\n",
    "exec_prefix -- prefix used to find the machine-specific Python library\n",
    "executable -- absolute path of the executable binary of the Python interpreter\n",
    "float_info -- a named tuple with information about the float implementation.\n",
    "float_repr_style -- string indicating the style of repr() output for floats\n",
    "hash_info -- a named tuple with information about the hash algorithm.\n",
    "hexversion -- version information encoded as a single integer\n",
    "implementation -- Python implementation information.\n",
    "int_info -- a named tuple with information about the int implementation.\n",
    "maxsize -- the largest supported length of containers.\n",
    "maxunicode -- the value of the largest Unicode code point\n",
    "platform -- platform identifier\n",
    "prefix -- prefix used to find the Python library\n",
    "thread_info -- a named tuple with information about the thread implementation.\n",
    "version -- the version of this interpreter as a string\n",
    "version_info -- version information as a named tuple\n",
    "__stdin__ -- the original stdin; don't touch!\n",
    "__stdout__ -- the original stdout; don't touch!\n",
    "__stderr__ -- the original stderr; don't touch!\n",
    "__displayhook__ -- the original displayhook; don't touch!\n",
    "__excepthook__ -- the original excepthook; don't touch!\n",
    "\n",
    "Functions:\n",
    "\n",
    "displayhook() -- print an object to the screen, and save it in builtins._\n",
    "excepthook() -- print an exception and its traceback to sys.stderr\n",
    "exception() -- return the current thread's active exception\n",
    "exc_info() -- return information about the current thread's active exception\n",
    "exit() -- exit the interpreter by raising SystemExit\n",
    "getdlopenflags() -- returns flags to be used for dlopen() calls\n",
    "getprofile() -- get the global profiling function\n",
    "getrefcount() -- return the reference count for an object (plus one :-)\n",
    "getrecursionlimit() -- return the max recursion depth for the interpreter\n",
    "getsizeof() -- return the size of an object in bytes\n",
    "gettrace() -- get the global debug tracing function\n",
    "setdlopenflags() -- set the flags to be used for dlopen() calls\n",
    "setprofile() -- set the global profiling function\n",
    "setrecursionlimit() -- set the max recursion depth for the interpreter\n",
    "settrace() -- set the global debug tracing function\n",
);
