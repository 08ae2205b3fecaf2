//! `_thread` (Modules/_threadmodule.c), the part that single-threaded
//! programs and the stdlib's imports need: `get_ident`, `lock`/`allocate_lock`,
//! `RLock`, `error`, `TIMEOUT_MAX`. The VM runs one thread, so a lock that is
//! held when a blocking acquire comes can never be released: that acquire
//! waits out its timeout (or fails at once if it has none) instead of hanging.
//! `start_new_thread` is absent until the VM has threads. `_local` is a plain
//! attribute holder while there is one thread; `_excepthook` and
//! `_ExceptHookArgs` are what `threading` takes instead of its Python
//! fallback (which would import traceback at start-up).

use crate::args::to_f64;
use crate::native::{class, new_cls, new_instance, rest, state, this, Refs};
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::structseq::{new_type_from, StructSeqDesc};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const LOCK: &str = "_thread.lock";
const RLOCK: &str = "_thread.RLock";

/// CPython's PY_TIMEOUT_MAX / 1e6 on Linux, as a float.
const TIMEOUT_MAX: f64 = 9_223_372_036.0;

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let lock = class(
        vm,
        "_thread",
        "lock",
        None,
        BaseKind::NotInstantiable,
        &[
            MethodDef::method("acquire", lock_acquire),
            MethodDef::method("acquire_lock", lock_acquire),
            MethodDef::method("__enter__", lock_acquire),
            MethodDef::method("release", lock_release),
            MethodDef::method("release_lock", lock_release),
            MethodDef::method("__exit__", lock_exit),
            MethodDef::method("locked", lock_locked),
            MethodDef::method("locked_lock", lock_locked),
            MethodDef::method("_at_fork_reinit", lock_at_fork_reinit),
            MethodDef::method("__repr__", lock_repr),
        ],
    );
    set_attr(vm, module, "LockType", Value::Obj(lock));
    let rlock = class(
        vm,
        "_thread",
        "RLock",
        None,
        BaseKind::Object,
        &[
            MethodDef::staticmethod("__new__", rlock_new),
            MethodDef::method("acquire", rlock_acquire),
            MethodDef::method("__enter__", rlock_acquire),
            MethodDef::method("release", rlock_release),
            MethodDef::method("__exit__", rlock_exit),
            MethodDef::method("_is_owned", rlock_is_owned),
            MethodDef::method("_at_fork_reinit", rlock_at_fork_reinit),
            MethodDef::method("__repr__", rlock_repr),
        ],
    );
    set_attr(vm, module, "RLock", Value::Obj(rlock));
    let error = Value::Obj(vm.types().exc.runtime_error.clone());
    set_attr(vm, module, "error", error);
    set_attr(vm, module, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    add_functions(
        vm,
        module,
        &[
            MethodDef::method("get_ident", get_ident),
            MethodDef::method("get_native_id", get_native_id),
            MethodDef::method("allocate_lock", allocate_lock),
            MethodDef::method("allocate", allocate_lock),
            MethodDef::method("_count", count),
            MethodDef::method("stack_size", stack_size),
            MethodDef::method("start_new_thread", start_new_thread),
            MethodDef::method("start_new", start_new_thread),
            MethodDef::method("exit", exit_thread),
            MethodDef::method("exit_thread", exit_thread),
            MethodDef::method("_set_sentinel", allocate_lock),
            MethodDef::method("_excepthook", excepthook),
        ],
    );
    let hook_args = new_type_from(vm.types(), &EXCEPT_HOOK_ARGS);
    set_attr(vm, module, "_ExceptHookArgs", Value::Obj(hook_args));
    let local = class(
        vm,
        "_thread",
        "_local",
        None,
        BaseKind::Object,
        &[MethodDef::staticmethod("__new__", local_new)],
    );
    set_attr(vm, module, "_local", Value::Obj(local));
    Ok(())
}

static EXCEPT_HOOK_ARGS: StructSeqDesc = StructSeqDesc {
    name: "_thread._ExceptHookArgs",
    doc: "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
    fields: &["exc_type", "exc_value", "exc_traceback", "thread"],
    n_sequence: 4,
};

/// `_thread._excepthook(args)`: threading.excepthook's default, printing
/// "Exception in thread NAME:" and the traceback to sys.stderr (or the
/// thread's saved stderr); SystemExit is ignored.
fn excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = crate::native::positional(vm, &a, "_excepthook", 1, 1)?;
    let hook_args = p[0].clone();
    let expected = vm.type_of(&hook_args).payload_type().name.get().as_str() == "_ExceptHookArgs";
    let items = match hook_args.as_tuple() {
        Some(t) if expected && t.len() == 4 => t.to_vec(),
        _ => return Err(vm.type_error("_thread.excepthook argument type must be ExceptHookArgs")),
    };
    let (exc_type, exc_value, thread) = (&items[0], &items[1], &items[3]);
    if exc_type.is(&Value::Obj(vm.types().exc.system_exit.clone())) {
        return Ok(Value::None);
    }
    let mut file =
        pyrs_vm::protocol::dict::dict_get_str(&vm.interp.sys_dict, "stderr").unwrap_or(Value::None);
    if matches!(file, Value::None) {
        if matches!(thread, Value::None) {
            return Ok(Value::None);
        }
        file = vm.getattr_str(thread, "_stderr")?;
        if matches!(file, Value::None) {
            return Ok(Value::None);
        }
    }
    let name = if matches!(thread, Value::None) {
        ident().to_string()
    } else {
        let n = vm.getattr_str(thread, "name")?;
        vm.str_string(&n)?
    };
    vm.write_to_file(&file, &format!("Exception in thread {name}:\n"))?;
    if let Value::Obj(e) = exc_value {
        if matches!(e.payload, pyrs_vm::object::Payload::Exception(_)) {
            let text = vm.format_exception(e);
            vm.write_to_file(&file, &text)?;
        }
    }
    if let Some(flush) = vm.try_getattr(&file, "flush")? {
        vm.call(&flush, &[])?;
    }
    Ok(Value::None)
}

/// `_thread._local.__new__`: an instance whose attributes are the running
/// thread's (one thread so far, so its own `__dict__`). Arguments are for
/// a subclass's `__init__`; without one they are refused, as in CPython.
fn local_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "_local")?;
    let a = rest(&args);
    if !a.args.is_empty() {
        let object = vm.types().object.clone();
        let base_init = vm.lookup_type(&object, "__init__");
        let init = vm.lookup_type(&cls, "__init__");
        if matches!((&init, &base_init), (Some(i), Some(b)) if i.is(b)) {
            return Err(vm.type_error("Initialization arguments are not supported"));
        }
    }
    Ok(Value::Obj(ObjRef::new(
        &cls,
        pyrs_vm::object::Payload::Instance,
    )))
}

/// The one thread's identifier: the process id keeps it stable and non-zero.
fn ident() -> i64 {
    i64::from(std::process::id())
}

fn get_ident(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(ident()))
}

fn get_native_id(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(ident()))
}

/// The VM runs one thread until it has a GIL and thread states for more;
/// CPython says this when it cannot create a thread, and `threading`
/// imports as long as the name exists.
fn start_new_thread(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("can't start new thread"))
}

/// `_thread.exit()`: SystemExit, which ends the (only) thread quietly.
fn exit_thread(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(pyrs_vm::PyErr(
        vm.new_exception(&vm.types().exc.system_exit, Vec::new()),
    ))
}

fn count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn stack_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    match a.pos().first() {
        None | Some(Value::Int(0)) => Ok(Value::Int(0)),
        Some(_) => Err(vm.value_error("size not valid: 0 bytes")),
    }
}

struct Lock {
    locked: bool,
}

impl Refs for Lock {
    fn refs(&self, _f: &mut dyn FnMut(&Value)) {}
}

struct RLock {
    owner: i64,
    count: u64,
}

impl Refs for RLock {
    fn refs(&self, _f: &mut dyn FnMut(&Value)) {}
}

fn allocate_lock(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let cls = crate::native::existing_class(vm, "_thread", "lock")?;
    Ok(new_instance(&cls, Lock { locked: false }))
}

/// `acquire(blocking=True, timeout=-1)`'s arguments, checked as CPython
/// checks them; the result is how long a blocked acquire waits (None:
/// forever, Some(0): not at all).
fn acquire_args(vm: &mut Vm, args: &Args) -> PyResult<Option<f64>> {
    let [blocking, timeout] = bind(vm, "acquire", &rest(args), ["blocking", "timeout"], 0, 0)?;
    let blocking = match blocking {
        Some(b) => vm.is_true(&b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => to_f64(vm, &t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok(if !blocking {
        Some(0.0)
    } else if timeout == -1.0 {
        None
    } else {
        Some(timeout)
    })
}

/// A blocked acquire in a single-threaded VM: nothing can release the lock,
/// so wait out the timeout and fail.
fn wait_in_vain(vm: &Vm, wait: Option<f64>) -> PyResult<Value> {
    match wait {
        Some(t) => {
            if t > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(t));
            }
            Ok(Value::Bool(false))
        }
        None => {
            Err(vm.runtime_error("deadlock: blocking acquire of a lock held by the only thread"))
        }
    }
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let wait = acquire_args(vm, &args)?;
    let me = this(vm, &args)?;
    let cell = state::<Lock>(vm, me, LOCK)?;
    match cell.get_mut() {
        Some(l) if !l.locked => {
            l.locked = true;
            Ok(Value::Bool(true))
        }
        _ => wait_in_vain(vm, wait),
    }
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let cell = state::<Lock>(vm, me, LOCK)?;
    match cell.get_mut() {
        Some(l) if l.locked => {
            l.locked = false;
            Ok(Value::None)
        }
        _ => Err(vm.runtime_error("release unlocked lock")),
    }
}

fn lock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    lock_release(vm, Args::positional(std::slice::from_ref(&me)))
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let cell = state::<Lock>(vm, me, LOCK)?;
    Ok(Value::Bool(cell.get().as_ref().is_some_and(|l| l.locked)))
}

fn lock_at_fork_reinit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    if let Some(l) = state::<Lock>(vm, me, LOCK)?.get_mut() {
        l.locked = false;
    }
    Ok(Value::None)
}

fn lock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let locked = state::<Lock>(vm, me, LOCK)?
        .get()
        .as_ref()
        .is_some_and(|l| l.locked);
    let addr = me.as_obj().map_or(0, |o| o.addr());
    let s = format!(
        "<{} {} object at {addr:#x}>",
        if locked { "locked" } else { "unlocked" },
        "_thread.lock"
    );
    Ok(vm.new_str(s))
}

fn rlock_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "RLock")?;
    Ok(new_instance(&cls, RLock { owner: 0, count: 0 }))
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let wait = acquire_args(vm, &args)?;
    let me = this(vm, &args)?;
    let cell = state::<RLock>(vm, me, RLOCK)?;
    match cell.get_mut() {
        Some(r) if r.count == 0 || r.owner == ident() => {
            r.owner = ident();
            r.count += 1;
            Ok(Value::Bool(true))
        }
        _ => wait_in_vain(vm, wait),
    }
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let cell = state::<RLock>(vm, me, RLOCK)?;
    match cell.get_mut() {
        Some(r) if r.count > 0 && r.owner == ident() => {
            r.count -= 1;
            if r.count == 0 {
                r.owner = 0;
            }
            Ok(Value::None)
        }
        _ => Err(vm.runtime_error("cannot release un-acquired lock")),
    }
}

fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    rlock_release(vm, Args::positional(std::slice::from_ref(&me)))
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let cell = state::<RLock>(vm, me, RLOCK)?;
    Ok(Value::Bool(
        cell.get()
            .as_ref()
            .is_some_and(|r| r.count > 0 && r.owner == ident()),
    ))
}

fn rlock_at_fork_reinit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    if let Some(r) = state::<RLock>(vm, me, RLOCK)?.get_mut() {
        r.owner = 0;
        r.count = 0;
    }
    Ok(Value::None)
}

fn rlock_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let (owner, count) = state::<RLock>(vm, me, RLOCK)?
        .get()
        .as_ref()
        .map_or((0, 0), |r| (r.owner, r.count));
    let addr = me.as_obj().map_or(0, |o| o.addr());
    let s = format!(
        "<{} {}.{} object owner={owner} count={count} at {addr:#x}>",
        if count > 0 { "locked" } else { "unlocked" },
        vm.type_module_name(vm.type_of(me)).unwrap_or_default(),
        vm.type_of(me).payload_type().qualname.get(),
    );
    Ok(vm.new_str(s))
}
