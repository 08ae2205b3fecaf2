//! `_io` (Modules/_io/): the I/O class tree that `io.py` re-exports — the
//! ABC bases, FileIO, BytesIO, StringIO, the buffered classes, TextIOWrapper,
//! IncrementalNewlineDecoder, `open`, `text_encoding`, UnsupportedOperation.
//!
//! Most classes are Python (`prelude.py`) over posix's fd calls: their
//! behaviour is protocol (who calls whose `read`, `readinto`, `flush`) that
//! subclasses in Python override, so they are written once at that level.
//! The in-memory streams, whose cost is all in their own methods, are Rust
//! (`stringio.rs`, `bytesio.rs`), made after the prelude under its base
//! classes, and so is `_IOBase`'s finalizer (`iobase.rs`).
//! `builtins.open` stays the VM's native file type (types/file.rs) for speed;
//! `io.open` is this module's `open`.

mod bytesio;
mod convert;
mod iobase;
mod stringio;

use crate::prelude;
use pyrs_vm::modules::set_attr;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

/// CPython's DEFAULT_BUFFER_SIZE (8 KiB).
const DEFAULT_BUFFER_SIZE: i64 = 8192;

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    set_attr(
        vm,
        module,
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE),
    );
    let blocking = vm.types().exc.blocking_io_error.clone();
    set_attr(vm, module, "BlockingIOError", Value::Obj(blocking));
    prelude::run(vm, module, crate::frozen::IO_PRELUDE)?;
    let iobase = base_class(vm, module, "_IOBase")?;
    iobase::init(vm, &iobase);
    let text_io_base = base_class(vm, module, "_TextIOBase")?;
    let string_io = stringio::init(vm, &text_io_base);
    set_attr(vm, module, "StringIO", Value::Obj(string_io));
    let buffered_io_base = base_class(vm, module, "_BufferedIOBase")?;
    let bytes_io = bytesio::init(vm, &buffered_io_base);
    set_attr(vm, module, "BytesIO", Value::Obj(bytes_io));
    Ok(())
}

/// A base class the prelude defined.
fn base_class(vm: &mut Vm, module: &ObjRef, name: &str) -> PyResult<ObjRef> {
    let m = Value::Obj(module.clone());
    match vm.getattr_str(&m, name)? {
        Value::Obj(c) if matches!(c.payload, pyrs_vm::object::Payload::Type(_)) => Ok(c),
        _ => Err(vm.system_error(format!("_io.{name} is not a class"))),
    }
}
