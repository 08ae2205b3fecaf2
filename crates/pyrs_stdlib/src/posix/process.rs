//! posix's process calls: fork, waitpid, execv, the wait-status macros,
//! process groups and nice, over libc (split from mod.rs, which holds the
//! file, directory and fd calls).

use super::*;

/// `fork()`: the VM runs one thread, so the child is a complete copy.
/// Buffered output is not flushed first, as in CPython.
pub(super) fn posix_fork(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "fork", &fargs(&args), 0, 0)?;
    let pid = unsafe { libc::fork() };
    check(vm, pid as i64, None)?;
    Ok(Value::Int(pid as i64))
}

pub(super) fn posix_waitpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "waitpid", &fargs(&args), 2, 2)?;
    let pid = int_arg(vm, &a[0])? as libc::pid_t;
    let options = int_arg(vm, &a[1])? as libc::c_int;
    let mut status: libc::c_int = 0;
    let r = loop {
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r < 0 && errno() == libc::EINTR {
            continue;
        }
        break r;
    };
    check(vm, r as i64, None)?;
    Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]))
}

/// `execv(path, argv)`: replaces the process; returns only by raising.
pub(super) fn posix_execv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "execv", &fargs(&args), 2, 2)?;
    let p = path_arg(vm, &a[0], "execv", "path")?;
    let items = match a[1].payload() {
        Some(Payload::List(l)) => l.get().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => return Err(vm.type_error("execv() arg 2 must be a tuple or list")),
    };
    if items.is_empty() {
        return Err(vm.value_error("execv() arg 2 must not be empty"));
    }
    let mut argv = Vec::with_capacity(items.len());
    for it in &items {
        argv.push(path_arg(vm, it, "execv", "args")?.c);
    }
    if argv[0].as_bytes().is_empty() {
        return Err(vm.value_error("execv() arg 2 first element cannot be empty"));
    }
    let mut ptrs: Vec<*const libc::c_char> = argv.iter().map(|c| c.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    // Buffered output is not flushed: the new program replaces it, as in
    // CPython (a forked child would otherwise write the parent's output).
    // SAFETY: ptrs is a NULL-terminated array of NUL-terminated strings that
    // outlive the call.
    unsafe { libc::execv(p.c.as_ptr(), ptrs.as_ptr()) };
    Err(last_error(vm, None))
}

pub(super) fn status_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<libc::c_int> {
    let a = fargs(args);
    let [status] = bind(vm, name, &a, ["status"], 1, 0)?;
    Ok(int_arg(vm, &status.unwrap_or(Value::None))? as libc::c_int)
}

pub(super) fn posix_wifexited(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = status_arg(vm, &args, "WIFEXITED")?;
    Ok(Value::Bool(libc::WIFEXITED(s)))
}

pub(super) fn posix_wexitstatus(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = status_arg(vm, &args, "WEXITSTATUS")?;
    Ok(Value::Int(libc::WEXITSTATUS(s) as i64))
}

pub(super) fn posix_wifsignaled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = status_arg(vm, &args, "WIFSIGNALED")?;
    Ok(Value::Bool(libc::WIFSIGNALED(s)))
}

pub(super) fn posix_wtermsig(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = status_arg(vm, &args, "WTERMSIG")?;
    Ok(Value::Int(libc::WTERMSIG(s) as i64))
}

pub(super) fn posix_wifstopped(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = status_arg(vm, &args, "WIFSTOPPED")?;
    Ok(Value::Bool(libc::WIFSTOPPED(s)))
}

pub(super) fn posix_wstopsig(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = status_arg(vm, &args, "WSTOPSIG")?;
    Ok(Value::Int(libc::WSTOPSIG(s) as i64))
}

pub(super) fn posix_getpgrp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_int(vm, &args, "getpgrp", unsafe { libc::getpgrp() } as i64)
}

pub(super) fn posix_setsid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "setsid", &fargs(&args), 0, 0)?;
    let r = unsafe { libc::setsid() };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

pub(super) fn posix_nice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "nice", &fargs(&args), 1, 1)?;
    let inc = int_arg(vm, &a[0])? as libc::c_int;
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::nice(inc) };
    if r == -1 && errno() != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}
