//! `_signal` (Modules/signalmodule.c), the part `signal` and `unittest`
//! need: the signal numbers, `signal`/`getsignal` with CPython's checks,
//! SIG_DFL/SIG_IGN applied to the process, `raise_signal`, `strsignal`,
//! `alarm`, `valid_signals`. A Python handler is recorded but not yet
//! delivered: that waits for the eval breaker to learn about signals.

use crate::native::rest;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};
use std::cell::RefCell;

const NSIG: i64 = 65;
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGSYS", libc::SIGSYS),
    #[cfg(target_os = "linux")]
    ("SIGCLD", libc::SIGCHLD),
    #[cfg(target_os = "linux")]
    ("SIGPOLL", libc::SIGPOLL),
    #[cfg(target_os = "linux")]
    ("SIGPWR", libc::SIGPWR),
    #[cfg(target_os = "linux")]
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

thread_local! {
    /// The handler Python installed for each signal number (None: the
    /// initial one, which `getsignal` reports).
    static HANDLERS: RefCell<Vec<Option<Value>>> = RefCell::new(vec![None; NSIG as usize]);
    /// `_signal.default_int_handler`, SIGINT's initial handler.
    static DEFAULT_INT: RefCell<Value> = const { RefCell::new(Value::None) };
}

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("signal", signal_signal),
    MethodDef::method("getsignal", signal_getsignal),
    MethodDef::method("default_int_handler", default_int_handler),
    MethodDef::method("raise_signal", raise_signal),
    MethodDef::method("strsignal", strsignal),
    MethodDef::method("alarm", alarm),
    MethodDef::method("valid_signals", valid_signals),
    MethodDef::method("set_wakeup_fd", set_wakeup_fd),
    MethodDef::method("siginterrupt", siginterrupt),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let d = vm.getattr_str(&Value::Obj(module.clone()), "default_int_handler")?;
    DEFAULT_INT.with(|x| *x.borrow_mut() = d);
    for (name, num) in SIGNALS {
        set_attr(vm, module, name, Value::Int(i64::from(*num)));
    }
    #[cfg(target_os = "linux")]
    {
        set_attr(
            vm,
            module,
            "SIGRTMIN",
            Value::Int(i64::from(libc::SIGRTMIN())),
        );
        set_attr(
            vm,
            module,
            "SIGRTMAX",
            Value::Int(i64::from(libc::SIGRTMAX())),
        );
    }
    for (name, v) in [
        ("NSIG", NSIG),
        ("SIG_DFL", SIG_DFL),
        ("SIG_IGN", SIG_IGN),
        ("SIG_BLOCK", i64::from(libc::SIG_BLOCK)),
        ("SIG_UNBLOCK", i64::from(libc::SIG_UNBLOCK)),
        ("SIG_SETMASK", i64::from(libc::SIG_SETMASK)),
    ] {
        set_attr(vm, module, name, Value::Int(v));
    }
    Ok(())
}

fn signum_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    let n = vm.index_i64(v.unwrap_or(&Value::None))?;
    if !(1..NSIG).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// The handler in effect before Python installed one: SIGINT's is
/// `default_int_handler`, the others SIG_DFL.
fn initial_handler(signum: i32) -> Value {
    if signum == libc::SIGINT {
        return DEFAULT_INT.with(|x| x.borrow().clone());
    }
    Value::Int(SIG_DFL)
}

fn signal_getsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let signum = signum_arg(vm, a.pos().first())?;
    match HANDLERS.with(|h| h.borrow()[signum as usize].clone()) {
        Some(h) => Ok(h),
        None => Ok(initial_handler(signum)),
    }
}

/// `signal(signalnum, handler)`: records the handler and returns the
/// previous one; SIG_DFL and SIG_IGN also set the process's disposition.
fn signal_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let pos = a.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!("signal expected 2 arguments, got {}", pos.len())));
    }
    let signum = signum_arg(vm, pos.first())?;
    let handler = pos[1].clone();
    let disposition = match &handler {
        Value::Int(SIG_DFL) => Some(libc::SIG_DFL),
        Value::Int(SIG_IGN) => Some(libc::SIG_IGN),
        h if vm.is_callable(h) => None,
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if signum == libc::SIGKILL || signum == libc::SIGSTOP {
        return Err(os_error(vm, libc::EINVAL));
    }
    if let Some(d) = disposition {
        // SAFETY: setting a signal's disposition to SIG_DFL or SIG_IGN
        // installs no Rust code as a handler.
        if unsafe { libc::signal(signum, d) } == libc::SIG_ERR {
            return Err(os_error(vm, libc::EINVAL));
        }
    }
    let old = HANDLERS.with(|h| h.borrow_mut()[signum as usize].replace(handler));
    match old {
        Some(h) => Ok(h),
        None => Ok(initial_handler(signum)),
    }
}

fn os_error(vm: &mut Vm, errno: i32) -> PyErr {
    let msg = std::io::Error::from_raw_os_error(errno).to_string();
    let msg = msg.split(" (os error").next().unwrap_or("").to_string();
    let os_error = Value::Obj(vm.types().exc.os_error.clone());
    let text = vm.new_str(msg);
    match vm.call(&os_error, &[Value::Int(i64::from(errno)), text]) {
        Ok(Value::Obj(e)) => PyErr(e),
        Ok(_) => vm.system_error("OSError() returned a non-exception"),
        Err(e) => e,
    }
}

fn default_int_handler(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr(vm.new_exception(
        &vm.types().exc.keyboard_interrupt,
        Vec::new(),
    )))
}

fn raise_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let signum = signum_arg(vm, a.pos().first())?;
    // SAFETY: raise() has no memory-safety preconditions.
    if unsafe { libc::raise(signum) } != 0 {
        return Err(os_error(vm, libc::EINVAL));
    }
    Ok(Value::None)
}

fn strsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let signum = signum_arg(vm, a.pos().first())?;
    // SAFETY: strsignal returns a pointer to a static or thread-local
    // string, read at once.
    let p = unsafe { libc::strsignal(signum) };
    if p.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: non-null and NUL-terminated, as strsignal promises.
    let s = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    Ok(vm.new_str(s))
}

fn alarm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let secs = vm.index_i64(a.pos().first().unwrap_or(&Value::None))?;
    let secs = u32::try_from(secs)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned int"))?;
    // SAFETY: alarm() has no memory-safety preconditions.
    Ok(Value::Int(i64::from(unsafe { libc::alarm(secs) })))
}

fn valid_signals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    // SAFETY: sigfillset writes only the set it is given.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigfillset(&mut set) };
    let mut nums = Vec::new();
    for n in 1..NSIG as i32 {
        // SAFETY: `set` was initialised by sigfillset.
        if unsafe { libc::sigismember(&set, n) } == 1 {
            nums.push(Value::Int(i64::from(n)));
        }
    }
    let list = vm.new_list(nums);
    let set_type = Value::Obj(vm.types().set.clone());
    vm.call(&set_type, &[list])
}

/// No wakeup fd is used by this VM: report none set.
fn set_wakeup_fd(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(-1))
}

fn siginterrupt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    signum_arg(vm, a.pos().first())?;
    Ok(Value::None)
}
