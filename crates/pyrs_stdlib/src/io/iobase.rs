//! `_IOBase.__del__` (Modules/_io/iobase.c `iobase_finalize`): close a
//! stream that is still open when it dies. Native because every in-memory
//! stream passes here when dropped, and a Python `__del__` frame per
//! `io.StringIO(...)` cost more than the stream's own work.

use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::runtime::types::add_methods;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

/// Put `__del__` into the prelude's `_IOBase`.
pub fn init(vm: &Vm, iobase: &ObjRef) {
    add_methods(
        vm.types(),
        iobase,
        &[MethodDef::method("__del__", iobase_finalize)],
    );
    // Classes made by the prelude may have cached "no __del__".
    pyrs_vm::objects::class_cache::invalidate_all();
}

/// Look up `closed`; if it is false, set `_finalizing` (so `close` can tell
/// it runs from the finalizer) and call `close()`. Every error is dropped:
/// a stream whose `closed` fails is unusable, and a failing `close` at
/// collection time would only print spurious tracebacks.
fn iobase_finalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(me) = args.args.first().cloned() else {
        return Ok(Value::None);
    };
    // Closing StringIO or BytesIO themselves changes nothing anyone can see.
    if super::stringio::is_exact(vm, &me) || super::bytesio::is_exact(vm, &me) {
        return Ok(Value::None);
    }
    let closed = match vm.try_getattr(&me, "closed") {
        Ok(Some(c)) => vm.is_true(&c),
        _ => return Ok(Value::None),
    };
    if let Ok(false) = closed {
        let _ = vm.setattr(&me, "_finalizing", Value::Bool(true));
        if let Ok(close) = vm.getattr_str(&me, "close") {
            let _ = vm.call(&close, &[]);
        }
    }
    Ok(Value::None)
}
