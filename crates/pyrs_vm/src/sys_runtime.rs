//! The `sys` functions about the running interpreter rather than the program
//! (Python/sysmodule.c): the display, unraisable and breakpoint hooks,
//! reference counts and object sizes, the switch interval, dlopen flags,
//! coroutine origin tracking, `call_tracing`, `_current_frames`, and the
//! constant facts (`copyright`, `thread_info`, `stdlib_module_names` ...).

use crate::error::{PyErr, PyResult};
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::objects::structseq::{new_structseq_in, new_type_from, StructSeqDesc};
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::runtime::types::Types;
use crate::types::args::after_self;
use crate::value::Value;
use crate::vm::Vm;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

pub const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("displayhook", sys_displayhook),
    MethodDef::method("unraisablehook", sys_unraisablehook),
    MethodDef::method("breakpointhook", sys_breakpointhook),
    MethodDef::method("getrefcount", sys_getrefcount),
    MethodDef::method("getsizeof", sys_getsizeof),
    MethodDef::method("getswitchinterval", sys_getswitchinterval),
    MethodDef::method("setswitchinterval", sys_setswitchinterval),
    MethodDef::method("getdlopenflags", sys_getdlopenflags),
    MethodDef::method("setdlopenflags", sys_setdlopenflags),
    MethodDef::method(
        "get_coroutine_origin_tracking_depth",
        sys_get_coroutine_origin_tracking_depth,
    ),
    MethodDef::method(
        "set_coroutine_origin_tracking_depth",
        sys_set_coroutine_origin_tracking_depth,
    ),
    MethodDef::method("is_finalizing", sys_false),
    MethodDef::method("call_tracing", sys_call_tracing),
    MethodDef::method("_current_frames", sys_current_frames),
    MethodDef::method("_current_exceptions", sys_current_exceptions),
    MethodDef::method("_clear_type_cache", sys_none),
    MethodDef::method("_debugmallocstats", sys_none),
    MethodDef::method("_getquickenedcount", sys_zero),
    MethodDef::method("getallocatedblocks", sys_zero),
];

/// The switch interval in seconds, as f64 bits (CPython's default 5 ms).
/// Process-wide, as in CPython; the GIL will read it once threads exist.
static SWITCH_INTERVAL: AtomicU64 = AtomicU64::new(0x3F74_7AE1_47AE_147B);
/// `RTLD_NOW` (2), CPython's default on Linux.
static DLOPEN_FLAGS: AtomicI64 = AtomicI64::new(2);
static CORO_ORIGIN_DEPTH: AtomicI64 = AtomicI64::new(0);

static THREAD_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.thread_info",
    doc: "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
    fields: &["name", "lock", "version"],
    n_sequence: 3,
};

static UNRAISABLE_HOOK_ARGS: StructSeqDesc = StructSeqDesc {
    name: "UnraisableHookArgs",
    doc: "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    fields: &[
        "exc_type",
        "exc_value",
        "exc_traceback",
        "err_msg",
        "object",
    ],
    n_sequence: 5,
};

const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\n\
All Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n\
All Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n\
All Rights Reserved.";

/// Set the constant facts in the `sys` namespace through `set`.
pub fn install(types: &Types, set: &dyn Fn(&str, Value)) {
    let s = |v: &str| crate::objects::code::str_obj(types, v);
    set("copyright", s(COPYRIGHT));
    set("abiflags", s(""));
    set("api_version", Value::Int(1013));
    set("float_repr_style", s("short"));
    set("maxunicode", Value::Int(0x10FFFF));
    set("_framework", s(""));
    let tuple = |items: Vec<Value>| {
        Value::Obj(crate::object::ObjRef::new(
            &types.tuple,
            Payload::Tuple(items.into()),
        ))
    };
    set("_git", tuple(vec![s("pyrs"), s(""), s("")]));
    let ty = new_type_from(types, &THREAD_INFO);
    let version = libpthread_version().map_or(Value::None, |v| s(&v));
    set(
        "thread_info",
        new_structseq_in(types, &ty, vec![s("pthread"), s("semaphore"), version]),
    );
    set("__doc__", s(crate::sysmodule::SYS_DOC));
}

/// `sys.stdlib_module_names`: a frozenset, so it needs a Vm to hash with.
pub fn install_stdlib_module_names(vm: &mut Vm) -> PyResult<()> {
    let fs = crate::types::set::new_set_of(&vm.types().frozenset.clone());
    let Some(table) = crate::types::set::table(&fs) else {
        return Err(vm.system_error("frozenset without a table"));
    };
    for name in crate::stdlib_names::STDLIB_MODULE_NAMES {
        let key = vm.new_str(*name);
        crate::types::set::add_key(vm, table, key)?;
    }
    let sys = vm.interp.sys_dict.clone();
    dict_set_str_raw(vm.types(), &sys, "stdlib_module_names", fs);
    Ok(())
}

/// glibc's thread library version (`confstr(_CS_GNU_LIBPTHREAD_VERSION)`),
/// which CPython reports as `sys.thread_info.version`.
fn libpthread_version() -> Option<String> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn confstr(name: i32, buf: *mut u8, len: usize) -> usize;
        }
        const CS_GNU_LIBPTHREAD_VERSION: i32 = 3;
        let mut buf = [0u8; 64];
        // SAFETY: confstr writes at most `len` bytes, NUL-terminated, into buf.
        let n = unsafe { confstr(CS_GNU_LIBPTHREAD_VERSION, buf.as_mut_ptr(), buf.len()) };
        if n == 0 || n > buf.len() {
            return None;
        }
        return std::str::from_utf8(&buf[..n - 1]).ok().map(str::to_string);
    }
    #[allow(unreachable_code)]
    None
}

fn one_arg(vm: &Vm, name: &str, args: &Args) -> PyResult<Value> {
    let a = after_self(args);
    crate::builtins::check_args(vm, name, &a, 1, 1)?;
    Ok(a.args[0].clone())
}

/// `sys.displayhook(value)`: what the interactive prompt does with an
/// expression statement's value; `builtins._` is None while repr runs.
fn sys_displayhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(vm, "displayhook", &args)?;
    if matches!(v, Value::None) {
        return Ok(Value::None);
    }
    let builtins = vm.interp.builtins_dict.clone();
    dict_set_str_raw(vm.types(), &builtins, "_", Value::None);
    let Some(stdout) =
        dict_get_str(&vm.interp.sys_dict, "stdout").filter(|s| !matches!(s, Value::None))
    else {
        return Err(vm.runtime_error("lost sys.stdout"));
    };
    let text = vm.repr_string(&v)?;
    vm.write_to_file(&stdout, &text)?;
    vm.write_to_file(&stdout, "\n")?;
    dict_set_str_raw(vm.types(), &builtins, "_", v);
    Ok(Value::None)
}

/// `sys.unraisablehook(unraisable)`: the default hook, printing as
/// PyErr_WriteUnraisable does.
fn sys_unraisablehook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let u = one_arg(vm, "unraisablehook", &args)?;
    let get = |vm: &mut Vm, name: &str| vm.try_getattr(&u, name).map(|v| v.unwrap_or(Value::None));
    let exc_value = get(vm, "exc_value")?;
    let err_msg = get(vm, "err_msg")?;
    let object = get(vm, "object")?;
    let mut text = String::new();
    if !matches!(object, Value::None) {
        let what = vm
            .repr_string(&object)
            .unwrap_or_else(|_| "<object repr() failed>".into());
        let msg = if matches!(err_msg, Value::None) {
            "Exception ignored in".to_string()
        } else {
            vm.str_string(&err_msg)?
        };
        text.push_str(&format!("{msg}: {what}\n"));
    } else if !matches!(err_msg, Value::None) {
        text.push_str(&format!("{}\n", vm.str_string(&err_msg)?));
    }
    if let Value::Obj(e) = &exc_value {
        if matches!(e.payload, Payload::Exception(_)) {
            text.push_str(&vm.format_exception(e));
        }
    }
    let stderr = dict_get_str(&vm.interp.sys_dict, "stderr").unwrap_or(Value::None);
    if matches!(stderr, Value::None) {
        return Ok(Value::None);
    }
    vm.write_to_file(&stderr, &text)?;
    Ok(Value::None)
}

impl Vm {
    /// The user's `sys.unraisablehook`, if it is not the default one: then
    /// PyErr_WriteUnraisable hands it an UnraisableHookArgs and returns
    /// `Ok(true)`; the default hook is `write_unraisable`'s own printing.
    pub fn call_user_unraisablehook(&mut self, e: &PyErr, obj: &Value) -> PyResult<bool> {
        let Some(hook) = dict_get_str(&self.interp.sys_dict, "unraisablehook") else {
            return Ok(false);
        };
        if let Some(Payload::NativeFunction(f)) = hook.payload() {
            if f.def.name == "unraisablehook" || f.def.name == "__unraisablehook__" {
                return Ok(false);
            }
        }
        let ty = new_type_from(self.types(), &UNRAISABLE_HOOK_ARGS);
        let exc = e.0.clone();
        let tb = match &exc.payload {
            Payload::Exception(d) => d.traceback.cloned(),
            _ => Value::None,
        };
        let info = new_structseq_in(
            self.types(),
            &ty,
            vec![
                Value::Obj(exc.class().clone()),
                Value::Obj(exc.clone()),
                tb,
                Value::None,
                obj.clone(),
            ],
        );
        self.call(&hook, &[info])?;
        Ok(true)
    }
}

/// `sys.breakpointhook(*args, **kws)`: PEP 553. PYTHONBREAKPOINT names the
/// callable to run (`0` disables it); unset or empty means `pdb.set_trace`.
fn sys_breakpointhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    let env = if vm.interp.config.ignore_environment {
        None
    } else {
        std::env::var("PYTHONBREAKPOINT")
            .ok()
            .filter(|s| !s.is_empty())
    };
    let hook = env.unwrap_or_else(|| "pdb.set_trace".to_string());
    if hook == "0" {
        return Ok(Value::None);
    }
    let (module, attr) = match hook.rsplit_once('.') {
        Some((m, a)) => (m.to_string(), a.to_string()),
        None => ("builtins".to_string(), hook.clone()),
    };
    let found = vm
        .import_module_level(&module, None, &Value::None, 0)
        .and_then(|_| {
            let m = dict_get_str(&vm.interp.modules, &module).unwrap_or(Value::None);
            vm.getattr_str(&m, &attr)
        });
    match found {
        Ok(f) => vm.call_args(&f, a),
        Err(e)
            if crate::vm::is_subtype(e.0.class(), &vm.types().exc.import_error)
                || crate::vm::is_subtype(e.0.class(), &vm.types().exc.attribute_error) =>
        {
            let msg = vm.new_str(format!(
                "Ignoring unimportable $PYTHONBREAKPOINT: \"{hook}\""
            ));
            let warnings = vm.import_absolute("warnings")?;
            let warn = vm.getattr_str(&warnings, "warn")?;
            let category = Value::Obj(vm.types().exc.runtime_warning.clone());
            vm.call(&warn, &[msg, category])?;
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// `sys.getrefcount(obj)`: the object's count, which includes the argument's
/// own reference as CPython's does. Inline values (small ints, floats, None,
/// bools) have no count; CPython's shared singletons have huge ones.
fn sys_getrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(vm, "getrefcount", &args)?;
    Ok(Value::Int(match &v {
        Value::Obj(o) => o.refcount() as i64,
        _ => u32::MAX as i64,
    }))
}

/// `sys.getsizeof(obj[, default])`: `obj.__sizeof__()` plus the GC header
/// for containers the collector tracks, as CPython adds it.
fn sys_getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, default) = {
        let [o, d] = crate::types::args::kw(vm, "getsizeof", &args, ["object", "default"], 1, 0)?;
        (o, d)
    };
    let obj = obj.unwrap_or(Value::None);
    match object_size(vm, &obj) {
        Ok(n) => Ok(Value::Int(n)),
        // CPython falls back to the default for a TypeError only.
        Err(e) => match default {
            Some(d) if crate::vm::is_subtype(e.0.class(), &vm.types().exc.type_error) => Ok(d),
            _ => Err(e),
        },
    }
}

fn object_size(vm: &mut Vm, obj: &Value) -> PyResult<i64> {
    let Some(method) = vm.try_getattr(obj, "__sizeof__")? else {
        return Err(vm.type_error(format!(
            "Type {} doesn't define __sizeof__",
            vm.type_name(obj)
        )));
    };
    let n = match vm.call(&method, &[])? {
        Value::Int(n) => n,
        Value::Bool(b) => b as i64,
        _ => return Err(vm.type_error("an integer is required")),
    };
    if n < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    let tracked = matches!(obj, Value::Obj(o) if crate::runtime::gc::is_container(&o.payload));
    Ok(n + if tracked { 16 } else { 0 })
}

fn sys_getswitchinterval(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(f64::from_bits(
        SWITCH_INTERVAL.load(Ordering::Relaxed),
    )))
}

fn sys_setswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(vm, "setswitchinterval", &args)?;
    let f = match &v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => crate::types::numbers::float_of(&v),
    };
    let Some(f) = f else {
        return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(&v))));
    };
    if f <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.store(f.to_bits(), Ordering::Relaxed);
    Ok(Value::None)
}

fn sys_getdlopenflags(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(DLOPEN_FLAGS.load(Ordering::Relaxed)))
}

fn sys_setdlopenflags(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(vm, "setdlopenflags", &args)?;
    let n = vm.to_i64(&v, "")?;
    DLOPEN_FLAGS.store(n, Ordering::Relaxed);
    Ok(Value::None)
}

fn sys_get_coroutine_origin_tracking_depth(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(CORO_ORIGIN_DEPTH.load(Ordering::Relaxed)))
}

fn sys_set_coroutine_origin_tracking_depth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [depth] = crate::types::args::kw(
        vm,
        "set_coroutine_origin_tracking_depth",
        &args,
        ["depth"],
        1,
        0,
    )?;
    let n = vm.to_i64(&depth.unwrap_or(Value::None), "")?;
    if n < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    CORO_ORIGIN_DEPTH.store(n, Ordering::Relaxed);
    Ok(Value::None)
}

fn sys_false(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn sys_none(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn sys_zero(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

/// `sys.call_tracing(func, args)`: `func(*args)`; tracing stays as it is.
fn sys_call_tracing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, "call_tracing", &a, 2, 2)?;
    let Some(items) = a.args[1].as_tuple() else {
        return Err(vm.type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            vm.type_name(&a.args[1])
        )));
    };
    let items = items.to_vec();
    vm.call(&a.args[0], &items)
}

/// The running thread's id, as `_thread.get_ident` gives it.
fn thread_ident() -> i64 {
    i64::from(std::process::id())
}

/// `sys._current_frames()`: each thread's topmost frame; one thread so far.
fn sys_current_frames(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let d = vm.new_dict();
    if let Some(fp) = vm
        .frames
        .last_mut()
        .map(|f| &mut **f as *mut crate::frame::Frame)
    {
        // SAFETY: the frame is boxed on the frame stack for this call.
        let fo = vm.frame_object(unsafe { &mut *fp });
        vm.dict_set(&d, Value::Int(thread_ident()), Value::Obj(fo))?;
    }
    Ok(Value::Obj(d))
}

/// `sys._current_exceptions()`: each thread's handled exception.
fn sys_current_exceptions(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let d = vm.new_dict();
    let e = vm.exc_info.clone();
    if !matches!(e, Value::None) {
        vm.dict_set(&d, Value::Int(thread_ident()), e)?;
    }
    Ok(Value::Obj(d))
}
