//! `sys.stdin`, `sys.stdout` and `sys.stderr` (and their `.buffer`):
//! native streams that `print` writes to without a method call; stdin
//! shares Rust's process-wide buffered stdin with `input()`. Their types carry CPython's
//! names (`_io.TextIOWrapper`, `_io.BufferedWriter`) and the methods
//! programs call on the standard streams; the objects are
//! `Payload::Singleton("<stdout>")` etc., which `Vm::write_to_file` knows.

use super::args::this;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::dict::dict_set_str_raw;
use crate::runtime::types::{add_methods, new_type, Types};
use crate::value::Value;
use crate::vm::Vm;
use std::io::{BufRead, IsTerminal, Read, Write};

const TEXT_METHODS: &[MethodDef] = &[
    MethodDef::method("write", text_write),
    MethodDef::method("flush", stream_flush),
    MethodDef::method("fileno", stream_fileno),
    MethodDef::method("isatty", stream_isatty),
    MethodDef::method("readable", stream_false),
    MethodDef::method("seekable", stream_false),
    MethodDef::method("writable", stream_true),
    MethodDef::method("writelines", text_writelines),
    MethodDef::method("__repr__", stream_repr),
];

const BUFFER_METHODS: &[MethodDef] = &[
    MethodDef::method("write", buffer_write),
    MethodDef::method("flush", stream_flush),
    MethodDef::method("fileno", stream_fileno),
    MethodDef::method("isatty", stream_isatty),
    MethodDef::method("readable", stream_false),
    MethodDef::method("seekable", stream_false),
    MethodDef::method("writable", stream_true),
    MethodDef::method("__repr__", stream_repr),
];

const STDIN_METHODS: &[MethodDef] = &[
    MethodDef::method("read", stdin_read),
    MethodDef::method("readline", stdin_readline),
    MethodDef::method("readlines", stdin_readlines),
    MethodDef::method("__iter__", stdin_iter),
    MethodDef::method("__next__", stdin_next),
    MethodDef::method("fileno", stream_fileno),
    MethodDef::method("isatty", stream_isatty),
    MethodDef::method("readable", stream_true),
    MethodDef::method("seekable", stream_false),
    MethodDef::method("writable", stream_false),
    MethodDef::method("flush", stream_noop),
    MethodDef::method("__repr__", stream_repr),
];

/// `sys.stdin`: a text stream (and its `.buffer`) over the process's stdin.
pub fn make_stdin(types: &Types) -> Value {
    let mk = |name: &str| {
        let ty = new_type(
            &types.type_,
            &types.dict,
            name,
            Some(&types.object),
            crate::objects::type_::BaseKind::Object,
            false,
        );
        add_methods(types, &ty, STDIN_METHODS);
        let d = &ty.payload_type().dict;
        let s = |x: &str| crate::objects::code::str_obj(types, x);
        dict_set_str_raw(types, d, "__module__", s("_io"));
        dict_set_str_raw(types, d, "closed", Value::Bool(false));
        ty
    };
    let text = mk("TextIOWrapper");
    let buffer = mk("BufferedReader");
    let s = |x: &str| crate::objects::code::str_obj(types, x);
    let o = ObjRef::new(&text, Payload::Singleton("<stdin>"));
    let b = ObjRef::new(&buffer, Payload::Singleton("<stdin.buffer>"));
    let d = crate::protocol::dict::new_dict_raw(types);
    dict_set_str_raw(types, &d, "buffer", Value::Obj(b.clone()));
    dict_set_str_raw(types, &d, "name", s("<stdin>"));
    dict_set_str_raw(types, &d, "mode", s("r"));
    dict_set_str_raw(types, &d, "encoding", s("utf-8"));
    dict_set_str_raw(types, &d, "errors", s("strict"));
    *o.dict.get_mut() = Some(d);
    let bd = crate::protocol::dict::new_dict_raw(types);
    dict_set_str_raw(types, &bd, "name", s("<stdin>"));
    dict_set_str_raw(types, &bd, "mode", s("rb"));
    *b.dict.get_mut() = Some(bd);
    Value::Obj(o)
}

fn is_binary(args: &Args) -> bool {
    which(args).ends_with(".buffer>")
}

/// One line of stdin, with its `\n` (universal newlines in text mode);
/// at most `limit` bytes when `limit` is not negative.
fn read_line_bytes(limit: i64, text: bool) -> std::io::Result<Vec<u8>> {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut line = Vec::new();
    if limit < 0 {
        lock.read_until(b'\n', &mut line)?;
    } else {
        lock.by_ref()
            .take(limit as u64)
            .read_until(b'\n', &mut line)?;
    }
    if text && line.ends_with(b"\r\n") {
        line.truncate(line.len() - 2);
        line.push(b'\n');
    }
    Ok(line)
}

fn stdin_result(vm: &mut Vm, args: &Args, data: Vec<u8>) -> Value {
    if is_binary(args) {
        return vm.new_bytes(data);
    }
    let text = match String::from_utf8(data) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    vm.new_str(if text.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

fn size_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i64> {
    let a = super::args::pos(vm, name, args, 0, 1)?;
    match a.first() {
        None | Some(Value::None) => Ok(-1),
        Some(v) => vm.to_i64(v, ""),
    }
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> crate::error::PyErr {
    vm.os_error_io(&e, None)
}

fn stdin_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = size_arg(vm, &args, "read")?;
    vm.flush_stdout();
    let stdin = std::io::stdin();
    let mut data = Vec::new();
    let r = if n < 0 {
        stdin.lock().read_to_end(&mut data)
    } else {
        stdin.lock().take(n as u64).read_to_end(&mut data)
    };
    r.map_err(|e| io_err(vm, e))?;
    Ok(stdin_result(vm, &args, data))
}

fn stdin_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = size_arg(vm, &args, "readline")?;
    vm.flush_stdout();
    let line = read_line_bytes(n, !is_binary(&args)).map_err(|e| io_err(vm, e))?;
    Ok(stdin_result(vm, &args, line))
}

fn stdin_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::args::pos(vm, "readlines", &args, 0, 1)?;
    let mut lines = Vec::new();
    loop {
        let line = read_line_bytes(-1, !is_binary(&args)).map_err(|e| io_err(vm, e))?;
        if line.is_empty() {
            break;
        }
        lines.push(stdin_result(vm, &args, line));
    }
    Ok(vm.new_list(lines))
}

fn stdin_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(&args).clone())
}

fn stdin_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let line = read_line_bytes(-1, !is_binary(&args)).map_err(|e| io_err(vm, e))?;
    if line.is_empty() {
        return Err(vm.stop_iteration());
    }
    Ok(stdin_result(vm, &args, line))
}

fn stream_noop(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// The stream objects: (stdout, stderr).
pub fn make_streams(types: &Types) -> (Value, Value) {
    let text = new_type(
        &types.type_,
        &types.dict,
        "TextIOWrapper",
        Some(&types.object),
        crate::objects::type_::BaseKind::Object,
        false,
    );
    add_methods(types, &text, TEXT_METHODS);
    let buffer = new_type(
        &types.type_,
        &types.dict,
        "BufferedWriter",
        Some(&types.object),
        crate::objects::type_::BaseKind::Object,
        false,
    );
    add_methods(types, &buffer, BUFFER_METHODS);
    for ty in [&text, &buffer] {
        let d = &ty.payload_type().dict;
        let s = |x: &str| crate::objects::code::str_obj(types, x);
        dict_set_str_raw(types, d, "__module__", s("_io"));
        dict_set_str_raw(types, d, "closed", Value::Bool(false));
        dict_set_str_raw(types, d, "mode", s(if ty.is(&text) { "w" } else { "wb" }));
    }
    let make = |which: &'static str, buf: &'static str| {
        let o = ObjRef::new(&text, Payload::Singleton(which));
        let b = ObjRef::new(&buffer, Payload::Singleton(buf));
        let d = crate::protocol::dict::new_dict_raw(types);
        let s = |x: &str| crate::objects::code::str_obj(types, x);
        dict_set_str_raw(types, &d, "buffer", Value::Obj(b));
        dict_set_str_raw(types, &d, "name", s(which));
        dict_set_str_raw(types, &d, "encoding", s("utf-8"));
        let errors = if which == "<stderr>" {
            "backslashreplace"
        } else {
            "strict"
        };
        dict_set_str_raw(types, &d, "errors", s(errors));
        dict_set_str_raw(types, &d, "line_buffering", Value::Bool(false));
        *o.dict.get_mut() = Some(d);
        Value::Obj(o)
    };
    (
        make("<stdout>", "<stdout.buffer>"),
        make("<stderr>", "<stderr.buffer>"),
    )
}

fn which(args: &Args) -> &'static str {
    match this(args).payload() {
        Some(Payload::Singleton(w)) => w,
        _ => "",
    }
}

fn is_stderr(args: &Args) -> bool {
    which(args).starts_with("<stderr")
}

fn text_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::args::pos(vm, "write", &args, 1, 1)?;
    let Some(s) = a[0].as_str() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&a[0])
        )));
    };
    let n = s.chars().count();
    let s = s.to_string();
    let file = this(&args).clone();
    vm.write_to_file(&file, &s)?;
    Ok(Value::Int(n as i64))
}

fn text_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::args::pos(vm, "writelines", &args, 1, 1)?;
    let file = this(&args).clone();
    for line in vm.iterate(&a[0])? {
        let Some(s) = line.as_str().map(str::to_string) else {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(&line)
            )));
        };
        vm.write_to_file(&file, &s)?;
    }
    Ok(Value::None)
}

fn buffer_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::args::pos(vm, "write", &args, 1, 1)?;
    let data: Vec<u8> = match a[0].payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.get().clone(),
        _ => {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&a[0])
            )))
        }
    };
    let r = if is_stderr(&args) {
        vm.flush_stdout();
        std::io::stderr().write_all(&data)
    } else {
        crate::sysmodule::with_stdout(vm.interp.config.unbuffered, |out| out.write_all(&data))
    };
    r.map_err(|e| vm.os_error_io(&e, None))?;
    Ok(Value::Int(data.len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.flush_stdout();
    let _ = std::io::stderr().flush();
    Ok(Value::None)
}

fn stream_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(if is_stderr(&args) {
        2
    } else if which(&args).starts_with("<stdin") {
        0
    } else {
        1
    }))
}

fn stream_isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(if which(&args).starts_with("<stdin") {
        std::io::stdin().is_terminal()
    } else if is_stderr(&args) {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    }))
}

fn stream_false(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn stream_true(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn stream_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let w = which(&args);
    Ok(vm.new_str(repr(w).unwrap_or_default()))
}

/// The repr of a standard stream singleton, None for other singletons.
pub fn repr(which: &str) -> Option<String> {
    Some(match which {
        "<stdout>" | "<stderr>" => {
            format!("<_io.TextIOWrapper name='{which}' mode='w' encoding='utf-8'>")
        }
        "<stdin>" => "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>".to_string(),
        "<stdin.buffer>" => "<_io.BufferedReader name='<stdin>'>".to_string(),
        "<stdout.buffer>" | "<stderr.buffer>" => {
            format!(
                "<_io.BufferedWriter name='{}'>",
                which.replace(".buffer", "")
            )
        }
        _ => return None,
    })
}
