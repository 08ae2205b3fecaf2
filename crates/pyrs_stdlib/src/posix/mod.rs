//! `posix` (Modules/posixmodule.c): the operating system calls `os.py` is
//! built on — files and directories, file descriptors, the environment,
//! process ids — as thin wrappers over the C library, raising OSError with
//! errno and filename as CPython does. The result classes (`stat_result`,
//! `DirEntry`, `terminal_size`...) are Python, in `prelude.py`.

mod consts;
mod process;

use process::*;

use crate::args::fargs;
use crate::prelude;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::protocol::object::as_int;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};
use std::ffi::{CStr, CString};

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("_stat", posix_stat),
    MethodDef::method("fstat", posix_fstat),
    MethodDef::method("listdir", posix_listdir),
    MethodDef::method("_scandir", posix_scandir_raw),
    MethodDef::method("getcwd", posix_getcwd),
    MethodDef::method("getcwdb", posix_getcwdb),
    MethodDef::method("chdir", posix_chdir),
    MethodDef::method("mkdir", posix_mkdir),
    MethodDef::method("rmdir", posix_rmdir),
    MethodDef::method("unlink", posix_unlink),
    MethodDef::method("remove", posix_remove),
    MethodDef::method("rename", posix_rename),
    MethodDef::method("replace", posix_replace),
    MethodDef::method("link", posix_link),
    MethodDef::method("symlink", posix_symlink),
    MethodDef::method("readlink", posix_readlink),
    MethodDef::method("chmod", posix_chmod),
    MethodDef::method("access", posix_access),
    MethodDef::method("utime", posix_utime),
    MethodDef::method("truncate", posix_truncate),
    MethodDef::method("open", posix_open),
    MethodDef::method("close", posix_close),
    MethodDef::method("closerange", posix_closerange),
    MethodDef::method("read", posix_read),
    MethodDef::method("write", posix_write),
    MethodDef::method("lseek", posix_lseek),
    MethodDef::method("fsync", posix_fsync),
    MethodDef::method("ftruncate", posix_ftruncate),
    MethodDef::method("isatty", posix_isatty),
    MethodDef::method("dup", posix_dup),
    MethodDef::method("dup2", posix_dup2),
    MethodDef::method("pipe", posix_pipe),
    MethodDef::method("get_inheritable", posix_get_inheritable),
    MethodDef::method("set_inheritable", posix_set_inheritable),
    MethodDef::method("get_blocking", posix_get_blocking),
    MethodDef::method("set_blocking", posix_set_blocking),
    MethodDef::method("device_encoding", posix_device_encoding),
    MethodDef::method("fspath", posix_fspath),
    MethodDef::method("getpid", posix_getpid),
    MethodDef::method("getppid", posix_getppid),
    MethodDef::method("getuid", posix_getuid),
    MethodDef::method("geteuid", posix_geteuid),
    MethodDef::method("getgid", posix_getgid),
    MethodDef::method("getegid", posix_getegid),
    MethodDef::method("getlogin", posix_getlogin),
    MethodDef::method("kill", posix_kill),
    MethodDef::method("urandom", posix_urandom),
    MethodDef::method("strerror", posix_strerror),
    MethodDef::method("umask", posix_umask),
    MethodDef::method("_get_terminal_size", posix_get_terminal_size),
    MethodDef::method("cpu_count", posix_cpu_count),
    MethodDef::method("_exit", posix_exit),
    MethodDef::method("_uname", posix_uname),
    MethodDef::method("_times", posix_times),
    MethodDef::method("waitstatus_to_exitcode", posix_waitstatus_to_exitcode),
    MethodDef::method("putenv", posix_putenv),
    MethodDef::method("unsetenv", posix_unsetenv),
    MethodDef::method("system", posix_system),
    MethodDef::method("getloadavg", posix_getloadavg),
    MethodDef::method("fchdir", posix_fchdir),
    MethodDef::method("chown", posix_chown),
    MethodDef::method("lchown", posix_lchown),
    MethodDef::method("fchown", posix_fchown),
    MethodDef::method("_statvfs", posix_statvfs),
    MethodDef::method("getgroups", posix_getgroups),
    MethodDef::method("major", posix_major),
    MethodDef::method("minor", posix_minor),
    MethodDef::method("makedev", posix_makedev),
    MethodDef::method("mkfifo", posix_mkfifo),
    MethodDef::method("sync", posix_sync),
    MethodDef::method("fork", posix_fork),
    MethodDef::method("waitpid", posix_waitpid),
    MethodDef::method("execv", posix_execv),
    MethodDef::method("WIFEXITED", posix_wifexited),
    MethodDef::method("WEXITSTATUS", posix_wexitstatus),
    MethodDef::method("WIFSIGNALED", posix_wifsignaled),
    MethodDef::method("WTERMSIG", posix_wtermsig),
    MethodDef::method("WIFSTOPPED", posix_wifstopped),
    MethodDef::method("WSTOPSIG", posix_wstopsig),
    MethodDef::method("getpgrp", posix_getpgrp),
    MethodDef::method("setsid", posix_setsid),
    MethodDef::method("nice", posix_nice),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    for &(name, value) in consts::CONSTANTS {
        set_attr(vm, module, name, Value::Int(value));
    }
    let environ = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        use std::os::unix::ffi::OsStrExt;
        let k = vm.new_bytes(k.as_bytes());
        let v = vm.new_bytes(v.as_bytes());
        vm.dict_set(&environ, k, v)?;
    }
    set_attr(vm, module, "environ", Value::Obj(environ));
    let have: Vec<Value> = HAVE_FUNCTIONS.iter().map(|s| vm.new_str(*s)).collect();
    set_attr(vm, module, "_have_functions", vm.new_list(have));
    set_attr(
        vm,
        module,
        "error",
        Value::Obj(vm.types().exc.os_error.clone()),
    );
    prelude::run(vm, module, crate::frozen::POSIX_PRELUDE)
}

/// The `HAVE_*` names os.py reads to fill `supports_fd`, `supports_dir_fd`
/// and `supports_follow_symlinks`: only what the functions here accept
/// (fds for chmod and truncate; no `dir_fd`, which they refuse).
const HAVE_FUNCTIONS: &[&str] = &["HAVE_FCHMOD", "HAVE_FTRUNCATE", "HAVE_LSTAT"];

// ---------------------------------------------------------------------------
// Errors and argument conversions

/// The current `errno`.
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `strerror(code)` as a Rust string.
pub fn strerror(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated message that
    // stays valid until the next strerror call; it is copied at once.
    let p = unsafe { libc::strerror(code) };
    if p.is_null() {
        return format!("Unknown error {code}");
    }
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`, which the
/// exception constructor turns into the errno's subclass
/// (FileNotFoundError...), as `PyErr_SetFromErrnoWithFilenameObjects` does.
pub fn os_error(
    vm: &mut Vm,
    code: i32,
    filename: Option<&Value>,
    filename2: Option<&Value>,
) -> PyErr {
    let mut args = vec![Value::Int(code as i64), vm.new_str(strerror(code))];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(Value::None);
            args.push(f2.clone());
        }
    }
    let cls = vm.types().exc.os_error.clone();
    match pyrs_vm::objects::exception::exception_new(vm, &cls, Args::positional(&args)) {
        Ok(Value::Obj(o)) => PyErr(o),
        Ok(_) => vm.system_error("OSError"),
        Err(e) => e,
    }
}

fn last_error(vm: &mut Vm, filename: Option<&Value>) -> PyErr {
    let code = errno();
    os_error(vm, code, filename, None)
}

/// A path argument: its bytes for the C call, whether it was given as bytes
/// (results then are bytes too), and the object itself for error messages.
pub struct PathArg {
    pub c: CString,
    pub is_bytes: bool,
    pub orig: Value,
}

/// `os.fspath`: str and bytes as they are, else `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if v.as_str().is_some() || matches!(v.payload(), Some(Payload::Bytes(_))) {
        return Ok(Some(v.clone()));
    }
    let ty = vm.type_of(v).clone();
    let Some(f) = vm.lookup_type(&ty, "__fspath__") else {
        return Ok(None);
    };
    let bound = vm.bind(f, v);
    let r = vm.call(&bound, &[])?;
    if r.as_str().is_some() || matches!(r.payload(), Some(Payload::Bytes(_))) {
        return Ok(Some(r));
    }
    Err(vm.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        vm.type_name(v),
        vm.type_name(&r)
    )))
}

/// CPython's `path_converter`: str, bytes or os.PathLike; `func` and `arg`
/// name the call in messages.
pub fn path_arg(vm: &mut Vm, v: &Value, func: &str, arg: &str) -> PyResult<PathArg> {
    path_arg_allowing(vm, v, func, arg, "")
}

/// `path_arg` for a function that also takes what `also` names (", integer"
/// for an fd, ", integer or None"), for the message.
pub fn path_arg_allowing(
    vm: &mut Vm,
    v: &Value,
    func: &str,
    arg: &str,
    also: &str,
) -> PyResult<PathArg> {
    let Some(p) = fspath(vm, v)? else {
        let kinds = if also.is_empty() {
            "string, bytes or os.PathLike".to_string()
        } else {
            format!("string, bytes, os.PathLike{also}")
        };
        return Err(vm.type_error(format!(
            "{func}: {arg} should be {kinds}, not {}",
            vm.type_name(v)
        )));
    };
    let (bytes, is_bytes) = match p.payload() {
        Some(Payload::Bytes(b)) => (b.to_vec(), true),
        _ => (str_to_os_bytes(p.as_str().unwrap_or("")), false),
    };
    let Ok(c) = CString::new(bytes) else {
        return Err(vm.value_error("embedded null byte"));
    };
    // Errors name the path as fspath() gave it, as CPython's path_t does.
    Ok(PathArg {
        c,
        is_bytes,
        orig: p,
    })
}

/// A str as the file system encoding's bytes: UTF-8, with the lone
/// surrogates U+DC80..U+DCFF that surrogateescape made back to raw bytes.
pub fn str_to_os_bytes(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

/// A name from the OS as `str` (or bytes when the caller gave bytes).
fn os_str(vm: &Vm, b: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        return vm.new_bytes(b);
    }
    match std::str::from_utf8(b) {
        Ok(s) => vm.new_str(s),
        // surrogateescape, as the file system encoding decodes.
        Err(_) => {
            let mut out = String::new();
            let mut rest = b;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let (ok, bad) = rest.split_at(e.valid_up_to());
                        out.push_str(std::str::from_utf8(ok).unwrap_or(""));
                        out.push(char::from_u32(0xFFFD).unwrap_or('?'));
                        let n = e.error_len().unwrap_or(bad.len()).max(1);
                        rest = &bad[n..];
                    }
                }
            }
            vm.new_str(out)
        }
    }
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(_) => vm.to_i64(v, ""),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn fd_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    let i = int_arg(vm, v)?;
    i32::try_from(i).map_err(|_| {
        vm.overflow_error(if i < 0 {
            "fd is less than minimum"
        } else {
            "fd is greater than maximum"
        })
    })
}

fn bool_arg(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.is_true(v),
    }
}

/// A `dir_fd` argument: only None is supported (AT_FDCWD).
fn no_dir_fd(vm: &Vm, v: &Option<Value>, func: &str) -> PyResult<()> {
    match v {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(vm.new_error(
            &vm.types().exc.not_implemented_error,
            format!("{func}: dir_fd unavailable on this platform"),
        )),
    }
}

fn check(vm: &mut Vm, r: i64, filename: Option<&Value>) -> PyResult<()> {
    if r < 0 {
        return Err(last_error(vm, filename));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// stat

/// The 16 raw fields the prelude's `stat_result` is made from.
fn stat_tuple(vm: &Vm, st: &libc::stat) -> Value {
    let ns = |s: i64, n: i64| vm.new_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + n);
    let items = vec![
        Value::Int(st.st_mode as i64),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        Value::Int(st.st_atime),
        Value::Int(st.st_mtime),
        Value::Int(st.st_ctime),
        ns(st.st_atime, st.st_atime_nsec),
        ns(st.st_mtime, st.st_mtime_nsec),
        ns(st.st_ctime, st.st_ctime_nsec),
        Value::Int(st.st_blksize),
        Value::Int(st.st_blocks),
        Value::Int(st.st_rdev as i64),
    ];
    vm.new_tuple(items)
}

/// `_stat(path, dir_fd, follow_symlinks)`: stat or lstat; an int path is an
/// fd (fstat).
fn posix_stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, dir_fd, follow] = bind(vm, "stat", &a, ["path", "dir_fd", "follow_symlinks"], 1, 0)?;
    let path = path.unwrap_or(Value::None);
    no_dir_fd(vm, &dir_fd, "stat")?;
    let follow = bool_arg(vm, &follow, true)?;
    // SAFETY: a zeroed `struct stat` is a valid value; the C call fills it.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if as_int(&path).is_some() && !matches!(path, Value::Bool(_)) {
        let fd = fd_arg(vm, &path)?;
        let r = unsafe { libc::fstat(fd, &mut st) };
        check(vm, r as i64, None)?;
        return Ok(stat_tuple(vm, &st));
    }
    let p = path_arg_allowing(vm, &path, "stat", "path", " or integer")?;
    let r = unsafe {
        if follow {
            libc::stat(p.c.as_ptr(), &mut st)
        } else {
            libc::lstat(p.c.as_ptr(), &mut st)
        }
    };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(stat_tuple(vm, &st))
}

fn posix_fstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [fd] = bind(vm, "fstat", &a, ["fd"], 1, 0)?;
    let fd = fd_arg(vm, &fd.unwrap_or(Value::None))?;
    // SAFETY: as in posix_stat.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::fstat(fd, &mut st) };
    check(vm, r as i64, None)?;
    Ok(stat_tuple(vm, &st))
}

// ---------------------------------------------------------------------------
// Directories

/// The entries of a directory (without `.` and `..`), each as (name bytes,
/// d_type, inode), in the order readdir gives them.
fn read_dir(vm: &mut Vm, p: &PathArg) -> PyResult<Vec<(Vec<u8>, u8, u64)>> {
    // SAFETY: opendir/readdir/closedir on a path we own; each dirent is read
    // before the next readdir call invalidates it.
    let dir = unsafe { libc::opendir(p.c.as_ptr()) };
    if dir.is_null() {
        return Err(last_error(vm, Some(&p.orig)));
    }
    let mut out = Vec::new();
    loop {
        unsafe { *libc::__errno_location() = 0 };
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = errno();
            unsafe { libc::closedir(dir) };
            if e != 0 {
                return Err(os_error(vm, e, Some(&p.orig), None));
            }
            break;
        }
        let ent = unsafe { &*ent };
        let name = unsafe { CStr::from_ptr(ent.d_name.as_ptr()) }.to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        out.push((name.to_vec(), ent.d_type, ent.d_ino));
    }
    Ok(out)
}

fn dir_path(vm: &mut Vm, v: Option<Value>, func: &str) -> PyResult<PathArg> {
    match v {
        None | Some(Value::None) => Ok(PathArg {
            c: CString::new(".").unwrap_or_default(),
            is_bytes: false,
            orig: vm.new_str("."),
        }),
        Some(v) => path_arg_allowing(vm, &v, func, "path", ", integer or None"),
    }
}

fn posix_listdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path] = bind(vm, "listdir", &a, ["path"], 0, 0)?;
    let p = dir_path(vm, path, "listdir")?;
    let names = read_dir(vm, &p)?
        .into_iter()
        .map(|(n, _, _)| os_str(vm, &n, p.is_bytes))
        .collect();
    Ok(vm.new_list(names))
}

/// `_scandir(path)`: (path as given, [(name, d_type, inode)...]) for the
/// prelude's `scandir`.
fn posix_scandir_raw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path] = bind(vm, "scandir", &a, ["path"], 0, 0)?;
    let p = dir_path(vm, path, "scandir")?;
    let entries = read_dir(vm, &p)?
        .into_iter()
        .map(|(n, t, ino)| {
            let name = os_str(vm, &n, p.is_bytes);
            vm.new_tuple(vec![name, Value::Int(t as i64), Value::Int(ino as i64)])
        })
        .collect();
    Ok(vm.new_list(entries))
}

fn cwd_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    match std::env::current_dir() {
        Ok(p) => Ok(p.as_os_str().as_bytes().to_vec()),
        Err(e) => {
            let code = e.raw_os_error().unwrap_or(libc::ENOENT);
            Err(os_error(vm, code, None, None))
        }
    }
}

fn posix_getcwd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "getcwd", &fargs(&args), 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(os_str(vm, &b, false))
}

fn posix_getcwdb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "getcwdb", &fargs(&args), 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(vm.new_bytes(b))
}

/// A function of one path: `f(path)`'s C call returns -1 on error.
fn one_path(
    vm: &mut Vm,
    args: &Args,
    func: &str,
    call: impl FnOnce(&CStr) -> libc::c_int,
) -> PyResult<Value> {
    let a = fargs(args);
    let [path, dir_fd] = bind(vm, func, &a, ["path", "dir_fd"], 1, 0)?;
    no_dir_fd(vm, &dir_fd, func)?;
    let p = path_arg(vm, &path.unwrap_or(Value::None), func, "path")?;
    let r = call(&p.c);
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

fn posix_chdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_path(vm, &args, "chdir", |p| unsafe { libc::chdir(p.as_ptr()) })
}

fn posix_rmdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_path(vm, &args, "rmdir", |p| unsafe { libc::rmdir(p.as_ptr()) })
}

fn posix_unlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_path(vm, &args, "unlink", |p| unsafe { libc::unlink(p.as_ptr()) })
}

fn posix_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one_path(vm, &args, "remove", |p| unsafe { libc::unlink(p.as_ptr()) })
}

fn posix_mkdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, mode, dir_fd] = bind(vm, "mkdir", &a, ["path", "mode", "dir_fd"], 1, 0)?;
    no_dir_fd(vm, &dir_fd, "mkdir")?;
    let mode = match mode {
        Some(m) => int_arg(vm, &m)?,
        None => 0o777,
    };
    let p = path_arg(vm, &path.unwrap_or(Value::None), "mkdir", "path")?;
    let r = unsafe { libc::mkdir(p.c.as_ptr(), mode as libc::mode_t) };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

/// A function of two paths (rename, replace, link, symlink).
fn two_paths(
    vm: &mut Vm,
    args: &Args,
    func: &str,
    names: [&str; 2],
    call: impl FnOnce(&CStr, &CStr) -> libc::c_int,
) -> PyResult<Value> {
    let a = fargs(args);
    let [src, dst, _, _] = bind(
        vm,
        func,
        &a,
        [names[0], names[1], "src_dir_fd", "dst_dir_fd"],
        2,
        0,
    )?;
    let s = path_arg(vm, &src.unwrap_or(Value::None), func, names[0])?;
    let d = path_arg(vm, &dst.unwrap_or(Value::None), func, names[1])?;
    if s.is_bytes != d.is_bytes {
        return Err(vm.type_error(format!("{func}: src and dst must be the same type")));
    }
    let r = call(&s.c, &d.c);
    if r < 0 {
        let code = errno();
        return Err(os_error(vm, code, Some(&s.orig), Some(&d.orig)));
    }
    Ok(Value::None)
}

fn posix_rename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    two_paths(vm, &args, "rename", ["src", "dst"], |s, d| unsafe {
        libc::rename(s.as_ptr(), d.as_ptr())
    })
}

fn posix_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    two_paths(vm, &args, "replace", ["src", "dst"], |s, d| unsafe {
        libc::rename(s.as_ptr(), d.as_ptr())
    })
}

fn posix_link(vm: &mut Vm, args: Args) -> PyResult<Value> {
    two_paths(vm, &args, "link", ["src", "dst"], |s, d| unsafe {
        libc::link(s.as_ptr(), d.as_ptr())
    })
}

fn posix_symlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [src, dst, _is_dir, dir_fd] = bind(
        vm,
        "symlink",
        &a,
        ["src", "dst", "target_is_directory", "dir_fd"],
        2,
        0,
    )?;
    no_dir_fd(vm, &dir_fd, "symlink")?;
    let s = path_arg(vm, &src.unwrap_or(Value::None), "symlink", "src")?;
    let d = path_arg(vm, &dst.unwrap_or(Value::None), "symlink", "dst")?;
    let r = unsafe { libc::symlink(s.c.as_ptr(), d.c.as_ptr()) };
    if r < 0 {
        let code = errno();
        return Err(os_error(vm, code, Some(&s.orig), Some(&d.orig)));
    }
    Ok(Value::None)
}

fn posix_readlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, dir_fd] = bind(vm, "readlink", &a, ["path", "dir_fd"], 1, 0)?;
    no_dir_fd(vm, &dir_fd, "readlink")?;
    let p = path_arg(vm, &path.unwrap_or(Value::None), "readlink", "path")?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    let n = unsafe { libc::readlink(p.c.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    check(vm, n as i64, Some(&p.orig))?;
    buf.truncate(n as usize);
    Ok(os_str(vm, &buf, p.is_bytes))
}

fn posix_chmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, mode, dir_fd, follow] = bind(
        vm,
        "chmod",
        &a,
        ["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        0,
    )?;
    no_dir_fd(vm, &dir_fd, "chmod")?;
    let _ = bool_arg(vm, &follow, true)?;
    let mode = int_arg(vm, &mode.unwrap_or(Value::None))?;
    let path = path.unwrap_or(Value::None);
    if as_int(&path).is_some() {
        let fd = fd_arg(vm, &path)?;
        let r = unsafe { libc::fchmod(fd, mode as libc::mode_t) };
        check(vm, r as i64, None)?;
        return Ok(Value::None);
    }
    let p = path_arg_allowing(vm, &path, "chmod", "path", " or integer")?;
    let r = unsafe { libc::chmod(p.c.as_ptr(), mode as libc::mode_t) };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

fn posix_access(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, mode, dir_fd, _eff, _follow] = bind(
        vm,
        "access",
        &a,
        ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        0,
    )?;
    no_dir_fd(vm, &dir_fd, "access")?;
    let mode = int_arg(vm, &mode.unwrap_or(Value::None))?;
    let p = path_arg(vm, &path.unwrap_or(Value::None), "access", "path")?;
    let r = unsafe { libc::access(p.c.as_ptr(), mode as libc::c_int) };
    Ok(Value::Bool(r == 0))
}

/// A time in seconds (int or float) as a timespec.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    if let Value::Float(f) = v {
        let s = f.floor();
        let ns = ((f - s) * 1e9).round() as i64;
        return Ok(libc::timespec {
            tv_sec: s as i64 + ns / 1_000_000_000,
            tv_nsec: ns % 1_000_000_000,
        });
    }
    let s = int_arg(vm, v)?;
    Ok(libc::timespec {
        tv_sec: s,
        tv_nsec: 0,
    })
}

fn posix_utime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, times, ns, dir_fd, follow] = bind(
        vm,
        "utime",
        &a,
        ["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
        0,
    )?;
    no_dir_fd(vm, &dir_fd, "utime")?;
    let follow = bool_arg(vm, &follow, true)?;
    let p = path_arg(vm, &path.unwrap_or(Value::None), "utime", "path")?;
    let now = libc::timespec {
        tv_sec: 0,
        tv_nsec: libc::UTIME_NOW,
    };
    let mut ts = [now, now];
    match (&times, &ns) {
        (Some(t), Some(_)) if !matches!(t, Value::None) => {
            return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (Some(t), _) if !matches!(t, Value::None) => {
            let items = match t.as_tuple() {
                Some(i) if i.len() == 2 => i.to_vec(),
                _ => {
                    return Err(
                        vm.type_error("utime: 'times' must be either a tuple of two ints or None")
                    )
                }
            };
            ts[0] = timespec_of(vm, &items[0])?;
            ts[1] = timespec_of(vm, &items[1])?;
        }
        (_, Some(n)) => {
            let items = match n.as_tuple() {
                Some(i) if i.len() == 2 => i.to_vec(),
                _ => return Err(vm.type_error("utime: 'ns' must be a tuple of two ints")),
            };
            for (slot, v) in ts.iter_mut().zip(items.iter()) {
                let n = int_arg(vm, v)?;
                *slot = libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000),
                    tv_nsec: n.rem_euclid(1_000_000_000),
                };
            }
        }
        _ => {}
    }
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, p.c.as_ptr(), ts.as_ptr(), flags) };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

fn posix_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, length] = bind(vm, "truncate", &a, ["path", "length"], 2, 0)?;
    let len = int_arg(vm, &length.unwrap_or(Value::None))?;
    let path = path.unwrap_or(Value::None);
    if as_int(&path).is_some() {
        let fd = fd_arg(vm, &path)?;
        let r = unsafe { libc::ftruncate(fd, len) };
        check(vm, r as i64, None)?;
        return Ok(Value::None);
    }
    let p = path_arg_allowing(vm, &path, "truncate", "path", " or integer")?;
    let r = unsafe { libc::truncate(p.c.as_ptr(), len) };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// File descriptors

fn posix_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, flags, mode, dir_fd] =
        bind(vm, "open", &a, ["path", "flags", "mode", "dir_fd"], 2, 0)?;
    no_dir_fd(vm, &dir_fd, "open")?;
    let flags = int_arg(vm, &flags.unwrap_or(Value::None))? as libc::c_int;
    let mode = match mode {
        Some(m) => int_arg(vm, &m)?,
        None => 0o777,
    };
    let p = path_arg(vm, &path.unwrap_or(Value::None), "open", "path")?;
    // Descriptors are non-inheritable by default (PEP 446).
    let fd = unsafe { libc::open(p.c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
    check(vm, fd as i64, Some(&p.orig))?;
    Ok(Value::Int(fd as i64))
}

/// The single fd argument of `name(fd)`.
fn one_fd(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i32> {
    let a = fargs(args);
    let [fd] = bind(vm, name, &a, ["fd"], 1, 0)?;
    fd_arg(vm, &fd.unwrap_or(Value::None))
}

fn posix_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &args, "close")?;
    let r = unsafe { libc::close(fd) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn posix_closerange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "closerange", &fargs(&args), 2, 2)?;
    let lo = fd_arg(vm, &a[0])?;
    let hi = fd_arg(vm, &a[1])?;
    // No fd reaches the open-files limit, so the loop stops there rather
    // than walking up to a huge `hi`.
    // SAFETY: rlimit is plain data getrlimit fills.
    let mut rl: libc::rlimit = unsafe { std::mem::zeroed() };
    let limit = if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut rl) } == 0 {
        i32::try_from(rl.rlim_cur).unwrap_or(i32::MAX)
    } else {
        i32::MAX
    };
    for fd in lo.max(0)..hi.min(limit) {
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn posix_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "read", &fargs(&args), 2, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let n = int_arg(vm, &a[1])?;
    if n < 0 {
        return Err(os_error(vm, libc::EINVAL, None, None));
    }
    // Reserved, not zeroed: a large request costs only what is read, as
    // with CPython's malloc'd buffer.
    let mut buf: Vec<u8> = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(vm.memory_error());
    }
    let r = loop {
        // SAFETY: read writes at most n bytes into the reserved capacity.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n as usize) };
        if r < 0 && errno() == libc::EINTR {
            continue;
        }
        break r;
    };
    check(vm, r as i64, None)?;
    // SAFETY: the first r bytes were written by read.
    unsafe { buf.set_len(r as usize) };
    Ok(vm.new_bytes(buf))
}

/// A zeroed buffer of `n` bytes for a read; MemoryError rather than an
/// abort when the size cannot be had.
fn alloc_buffer(vm: &Vm, n: i64) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(vm.memory_error());
    }
    buf.resize(n as usize, 0);
    Ok(buf)
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview).
pub fn buffer_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        Some(Payload::ByteArray(b)) => Ok(b.get().clone()),
        Some(Payload::MemoryView(_)) => {
            let b = vm.call(
                &Value::Obj(vm.types().bytes.clone()),
                std::slice::from_ref(v),
            )?;
            match b.payload() {
                Some(Payload::Bytes(b)) => Ok(b.to_vec()),
                _ => Ok(Vec::new()),
            }
        }
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn posix_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "write", &fargs(&args), 2, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let data = buffer_bytes(vm, &a[1])?;
    let r = loop {
        let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if r < 0 && errno() == libc::EINTR {
            continue;
        }
        break r;
    };
    check(vm, r as i64, None)?;
    Ok(Value::Int(r as i64))
}

fn posix_lseek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "lseek", &fargs(&args), 3, 3)?;
    let fd = fd_arg(vm, &a[0])?;
    let pos = int_arg(vm, &a[1])?;
    let how = int_arg(vm, &a[2])? as libc::c_int;
    let r = unsafe { libc::lseek(fd, pos, how) };
    check(vm, r, None)?;
    Ok(Value::Int(r))
}

fn posix_fsync(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [fd] = bind(vm, "fsync", &a, ["fd"], 1, 0)?;
    let mut fd = fd.unwrap_or(Value::None);
    if as_int(&fd).is_none() {
        let m = vm.getattr_str(&fd, "fileno")?;
        fd = vm.call(&m, &[])?;
    }
    let fd = fd_arg(vm, &fd)?;
    let r = unsafe { libc::fsync(fd) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn posix_ftruncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "ftruncate", &fargs(&args), 2, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let len = int_arg(vm, &a[1])?;
    let r = unsafe { libc::ftruncate(fd, len) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn posix_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "isatty", &fargs(&args), 1, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn posix_dup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "dup", &fargs(&args), 1, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    check(vm, r as i64, None)?;
    Ok(Value::Int(r as i64))
}

fn posix_dup2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [fd, fd2, inh] = bind(vm, "dup2", &a, ["fd", "fd2", "inheritable"], 2, 0)?;
    let fd = fd_arg(vm, &fd.unwrap_or(Value::None))?;
    let fd2 = fd_arg(vm, &fd2.unwrap_or(Value::None))?;
    let inh = bool_arg(vm, &inh, true)?;
    let r = unsafe { libc::dup3(fd, fd2, if inh { 0 } else { libc::O_CLOEXEC }) };
    check(vm, r as i64, None)?;
    Ok(Value::Int(r as i64))
}

fn posix_pipe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "pipe", &fargs(&args), 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    check(vm, r as i64, None)?;
    Ok(vm.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

fn posix_get_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "get_inheritable", &fargs(&args), 1, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    check(vm, r as i64, None)?;
    Ok(Value::Bool(r & libc::FD_CLOEXEC == 0))
}

fn posix_set_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "set_inheritable", &fargs(&args), 2, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let inh = vm.is_true(&a[1])?;
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    check(vm, flags as i64, None)?;
    let new = if inh {
        flags & !libc::FD_CLOEXEC
    } else {
        flags | libc::FD_CLOEXEC
    };
    let r = unsafe { libc::fcntl(fd, libc::F_SETFD, new) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn posix_get_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "get_blocking", &fargs(&args), 1, 1)?;
    let fd = fd_arg(vm, &a[0])?;
    let r = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    check(vm, r as i64, None)?;
    Ok(Value::Bool(r & libc::O_NONBLOCK == 0))
}

fn posix_set_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "set_blocking", &fargs(&args), 2, 2)?;
    let fd = fd_arg(vm, &a[0])?;
    let blocking = vm.is_true(&a[1])?;
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    check(vm, flags as i64, None)?;
    let new = if blocking {
        flags & !libc::O_NONBLOCK
    } else {
        flags | libc::O_NONBLOCK
    };
    let r = unsafe { libc::fcntl(fd, libc::F_SETFL, new) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

/// `device_encoding(fd)`: the locale's encoding for a terminal, else None.
fn posix_device_encoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [fd] = bind(vm, "device_encoding", &a, ["fd"], 1, 0)?;
    let fd = fd_arg(vm, &fd.unwrap_or(Value::None))?;
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(vm.new_str("utf-8"));
    }
    Ok(Value::None)
}

fn posix_fspath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path] = bind(vm, "fspath", &a, ["path"], 1, 0)?;
    let path = path.unwrap_or(Value::None);
    match fspath(vm, &path)? {
        Some(p) => Ok(p),
        None => Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(&path)
        ))),
    }
}

// ---------------------------------------------------------------------------
// The process

fn no_args_int(vm: &mut Vm, args: &Args, name: &str, v: i64) -> PyResult<Value> {
    crate::args::check(vm, name, &fargs(args), 0, 0)?;
    Ok(Value::Int(v))
}

fn posix_getpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_int(vm, &args, "getpid", unsafe { libc::getpid() } as i64)
}

fn posix_getppid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_int(vm, &args, "getppid", unsafe { libc::getppid() } as i64)
}

fn posix_getuid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_int(vm, &args, "getuid", unsafe { libc::getuid() } as i64)
}

fn posix_geteuid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_int(vm, &args, "geteuid", unsafe { libc::geteuid() } as i64)
}

fn posix_getgid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_int(vm, &args, "getgid", unsafe { libc::getgid() } as i64)
}

fn posix_getegid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args_int(vm, &args, "getegid", unsafe { libc::getegid() } as i64)
}

fn posix_getlogin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "getlogin", &fargs(&args), 0, 0)?;
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(last_error(vm, None));
    }
    let s = unsafe { CStr::from_ptr(p) }.to_bytes().to_vec();
    Ok(os_str(vm, &s, false))
}

fn posix_kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "kill", &fargs(&args), 2, 2)?;
    let pid = int_arg(vm, &a[0])?;
    let sig = int_arg(vm, &a[1])?;
    let r = unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn posix_urandom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "urandom", &fargs(&args), 1, 1)?;
    let n = int_arg(vm, &a[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = alloc_buffer(vm, n)?;
    let mut filled = 0;
    while filled < buf.len() {
        let r =
            unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if r < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return Err(last_error(vm, None));
        }
        filled += r as usize;
    }
    Ok(vm.new_bytes(buf))
}

fn posix_strerror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "strerror", &fargs(&args), 1, 1)?;
    let code = int_arg(vm, &a[0])?;
    Ok(vm.new_str(strerror(code as i32)))
}

fn posix_umask(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "umask", &fargs(&args), 1, 1)?;
    let mask = int_arg(vm, &a[0])?;
    Ok(Value::Int(
        unsafe { libc::umask(mask as libc::mode_t) } as i64
    ))
}

/// `_get_terminal_size(fd)`: (columns, lines) from the TIOCGWINSZ ioctl.
fn posix_get_terminal_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "get_terminal_size", &fargs(&args), 0, 1)?;
    let fd = match a.first() {
        Some(v) => fd_arg(vm, v)?,
        None => 1,
    };
    // SAFETY: winsize is plain data the ioctl fills.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    check(vm, r as i64, None)?;
    Ok(vm.new_tuple(vec![
        Value::Int(ws.ws_col as i64),
        Value::Int(ws.ws_row as i64),
    ]))
}

fn posix_cpu_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "cpu_count", &fargs(&args), 0, 0)?;
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { Value::None } else { Value::Int(n) })
}

fn posix_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [status] = bind(vm, "_exit", &a, ["status"], 1, 0)?;
    let status = int_arg(vm, &status.unwrap_or(Value::None))?;
    // No flushing: `_exit` drops buffered output, as in CPython.
    unsafe { libc::_exit(status as libc::c_int) }
}

fn posix_uname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "uname", &fargs(&args), 0, 0)?;
    // SAFETY: utsname is plain data uname fills with NUL-terminated fields.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::uname(&mut u) };
    check(vm, r as i64, None)?;
    let f = |v: &[libc::c_char]| {
        let b: Vec<u8> = v
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        os_str(vm, &b, false)
    };
    Ok(vm.new_tuple(vec![
        f(&u.sysname),
        f(&u.nodename),
        f(&u.release),
        f(&u.version),
        f(&u.machine),
    ]))
}

fn posix_times(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "times", &fargs(&args), 0, 0)?;
    // SAFETY: tms is plain data times fills.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let c = unsafe { libc::times(&mut t) };
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let s = |x: libc::clock_t| Value::Float(x as f64 / tick);
    Ok(vm.new_tuple(vec![
        s(t.tms_utime),
        s(t.tms_stime),
        s(t.tms_cutime),
        s(t.tms_cstime),
        s(c),
    ]))
}

fn posix_waitstatus_to_exitcode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [status] = bind(vm, "waitstatus_to_exitcode", &a, ["status"], 1, 0)?;
    let st = int_arg(vm, &status.unwrap_or(Value::None))? as i32;
    if libc::WIFEXITED(st) {
        return Ok(Value::Int(libc::WEXITSTATUS(st) as i64));
    }
    if libc::WIFSIGNALED(st) {
        return Ok(Value::Int(-(libc::WTERMSIG(st) as i64)));
    }
    Err(vm.value_error(format!("invalid wait status: {st}")))
}

fn env_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<CString> {
    let b = match v.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ => match v.as_str() {
            Some(s) => s.as_bytes().to_vec(),
            None => {
                return Err(vm.type_error(format!(
                    "{what}: expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    CString::new(b).map_err(|_| vm.value_error("embedded null byte"))
}

fn posix_putenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "putenv", &fargs(&args), 2, 2)?;
    let k = env_arg(vm, &a[0], "putenv")?;
    let v = env_arg(vm, &a[1], "putenv")?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    let r = unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn posix_unsetenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "unsetenv", &fargs(&args), 1, 1)?;
    let k = env_arg(vm, &a[0], "unsetenv")?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    let r = unsafe { libc::unsetenv(k.as_ptr()) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn posix_system(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [command] = bind(vm, "system", &a, ["command"], 1, 0)?;
    // Buffered output is not flushed first, as in CPython: the command's
    // output comes before what the program printed but has not flushed.
    let c = env_arg(vm, &command.unwrap_or(Value::None), "system")?;
    let r = unsafe { libc::system(c.as_ptr()) };
    Ok(Value::Int(r as i64))
}

fn posix_getloadavg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "getloadavg", &fargs(&args), 0, 0)?;
    let mut l = [0f64; 3];
    let r = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
    if r != 3 {
        return Err(vm.new_error(&vm.types().exc.os_error, "Load averages are unobtainable"));
    }
    Ok(vm.new_tuple(l.iter().map(|&x| Value::Float(x)).collect::<Vec<_>>()))
}

// ---------------------------------------------------------------------------
// Ownership, devices, processes

fn posix_fchdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = one_fd(vm, &args, "fchdir")?;
    let r = unsafe { libc::fchdir(fd) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

fn ids(
    vm: &mut Vm,
    uid: Option<Value>,
    gid: Option<Value>,
) -> PyResult<(libc::uid_t, libc::gid_t)> {
    let uid = int_arg(vm, &uid.unwrap_or(Value::None))?;
    let gid = int_arg(vm, &gid.unwrap_or(Value::None))?;
    // -1 means "unchanged", which the C calls spell as the all-ones id.
    Ok((uid as libc::uid_t, gid as libc::gid_t))
}

fn posix_chown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, uid, gid, dir_fd, follow] = bind(
        vm,
        "chown",
        &a,
        ["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        0,
    )?;
    no_dir_fd(vm, &dir_fd, "chown")?;
    let follow = bool_arg(vm, &follow, true)?;
    let (u, g) = ids(vm, uid, gid)?;
    let path = path.unwrap_or(Value::None);
    if as_int(&path).is_some() {
        let fd = fd_arg(vm, &path)?;
        let r = unsafe { libc::fchown(fd, u, g) };
        check(vm, r as i64, None)?;
        return Ok(Value::None);
    }
    let p = path_arg_allowing(vm, &path, "chown", "path", " or integer")?;
    let r = unsafe {
        if follow {
            libc::chown(p.c.as_ptr(), u, g)
        } else {
            libc::lchown(p.c.as_ptr(), u, g)
        }
    };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

fn posix_lchown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, uid, gid] = bind(vm, "lchown", &a, ["path", "uid", "gid"], 3, 0)?;
    let (u, g) = ids(vm, uid, gid)?;
    let p = path_arg(vm, &path.unwrap_or(Value::None), "lchown", "path")?;
    let r = unsafe { libc::lchown(p.c.as_ptr(), u, g) };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

fn posix_fchown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [fd, uid, gid] = bind(vm, "fchown", &a, ["fd", "uid", "gid"], 3, 0)?;
    let fd = fd_arg(vm, &fd.unwrap_or(Value::None))?;
    let (u, g) = ids(vm, uid, gid)?;
    let r = unsafe { libc::fchown(fd, u, g) };
    check(vm, r as i64, None)?;
    Ok(Value::None)
}

/// `_statvfs(path or fd)`: the 11 fields of the prelude's statvfs_result.
fn posix_statvfs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "statvfs", &fargs(&args), 1, 1)?;
    // SAFETY: statvfs is plain data the C call fills.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if as_int(&a[0]).is_some() {
        let fd = fd_arg(vm, &a[0])?;
        let r = unsafe { libc::fstatvfs(fd, &mut st) };
        check(vm, r as i64, None)?;
    } else {
        let p = path_arg_allowing(vm, &a[0], "statvfs", "path", " or integer")?;
        let r = unsafe { libc::statvfs(p.c.as_ptr(), &mut st) };
        check(vm, r as i64, Some(&p.orig))?;
    }
    let i = |x: u64| Value::Int(x as i64);
    Ok(vm.new_tuple(vec![
        i(st.f_bsize),
        i(st.f_frsize),
        i(st.f_blocks),
        i(st.f_bfree),
        i(st.f_bavail),
        i(st.f_files),
        i(st.f_ffree),
        i(st.f_favail),
        i(st.f_flag),
        i(st.f_namemax),
        i(st.f_fsid),
    ]))
}

fn posix_getgroups(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "getgroups", &fargs(&args), 0, 0)?;
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    check(vm, n as i64, None)?;
    let mut groups = vec![0 as libc::gid_t; n as usize];
    let n = unsafe { libc::getgroups(n, groups.as_mut_ptr()) };
    check(vm, n as i64, None)?;
    groups.truncate(n as usize);
    Ok(vm.new_list(groups.into_iter().map(|g| Value::Int(g as i64)).collect()))
}

fn dev_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<libc::dev_t> {
    let a = crate::args::check(vm, name, &fargs(args), 1, 1)?;
    Ok(int_arg(vm, &a[0])? as libc::dev_t)
}

fn posix_major(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = dev_arg(vm, &args, "major")?;
    Ok(Value::Int(libc::major(d) as i64))
}

fn posix_minor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = dev_arg(vm, &args, "minor")?;
    Ok(Value::Int(libc::minor(d) as i64))
}

fn posix_makedev(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "makedev", &fargs(&args), 2, 2)?;
    let ma = int_arg(vm, &a[0])? as libc::c_uint;
    let mi = int_arg(vm, &a[1])? as libc::c_uint;
    Ok(Value::Int(libc::makedev(ma, mi) as i64))
}

fn posix_mkfifo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let [path, mode, dir_fd] = bind(vm, "mkfifo", &a, ["path", "mode", "dir_fd"], 1, 0)?;
    no_dir_fd(vm, &dir_fd, "mkfifo")?;
    let mode = match mode {
        Some(m) => int_arg(vm, &m)?,
        None => 0o666,
    };
    let p = path_arg(vm, &path.unwrap_or(Value::None), "mkfifo", "path")?;
    let r = unsafe { libc::mkfifo(p.c.as_ptr(), mode as libc::mode_t) };
    check(vm, r as i64, Some(&p.orig))?;
    Ok(Value::None)
}

fn posix_sync(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::check(vm, "sync", &fargs(&args), 0, 0)?;
    unsafe { libc::sync() };
    Ok(Value::None)
}
