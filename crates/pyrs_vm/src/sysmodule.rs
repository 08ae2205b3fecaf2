//! The `sys` module (Python/sysmodule.c): argv, exit, modules, path, version
//! facts, and the standard streams. The streams are minimal writers until the
//! `_io` module (issue 5) gives them their real types.

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
    set("modules", Value::Obj(modules.clone()));
    set("path", list(Vec::new()));
    set("pycache_prefix", Value::None);
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
    let stream = |name: &'static str| {
        let o = ObjRef::new(&types.object, Payload::Singleton(name));
        Value::Obj(o)
    };
    let (out, err) = (stream("<stdout>"), stream("<stderr>"));
    set("stdout", out.clone());
    set("stderr", err.clone());
    set("__stdout__", out);
    set("__stderr__", err);
    for def in FUNCTIONS.iter().chain(crate::sys_hooks::FUNCTIONS) {
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

fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.exc_info.clone())
}
