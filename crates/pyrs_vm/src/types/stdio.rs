//! `sys.stdout` and `sys.stderr` (and their `.buffer`): native streams that
//! `print` writes to without a method call. Their types carry CPython's
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
use std::io::{IsTerminal, Write};

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
    r.map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
    Ok(Value::Int(data.len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.flush_stdout();
    let _ = std::io::stderr().flush();
    Ok(Value::None)
}

fn stream_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(if is_stderr(&args) { 2 } else { 1 }))
}

fn stream_isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(if is_stderr(&args) {
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
        "<stdout.buffer>" | "<stderr.buffer>" => {
            format!(
                "<_io.BufferedWriter name='{}'>",
                which.replace(".buffer", "")
            )
        }
        _ => return None,
    })
}
