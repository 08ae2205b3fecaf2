//! `_io` (Modules/_io/): the I/O class tree that `io.py` re-exports — the
//! ABC bases, FileIO, BytesIO, StringIO, the buffered classes, TextIOWrapper,
//! IncrementalNewlineDecoder, `open`, `text_encoding`, UnsupportedOperation.
//!
//! The classes are Python (`prelude.py`) over posix's fd calls: their
//! behaviour is protocol (who calls whose `read`, `readinto`, `flush`) that
//! subclasses in Python override, so they are written once at that level.
//! `builtins.open` stays the VM's native file type (types/file.rs) for speed;
//! `io.open` is this module's `open`.

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
    prelude::run(vm, module, crate::frozen::IO_PRELUDE)
}
