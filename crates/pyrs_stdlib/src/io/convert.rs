//! The argument converters `_io`'s native classes share, with the messages
//! of CPython's Argument Clinic converters: `Py_ssize_t`, `Py_ssize_t` that
//! accepts None (`_Py_convert_optional_to_ssize_t`), and `int` (whence).

use crate::args::to_index;
use num_traits::ToPrimitive;
use pyrs_vm::protocol::object::as_int;
use pyrs_vm::{PyResult, Value, Vm};

/// Whether `v` has `__index__` (an int, or a class defining it).
fn has_index(vm: &Vm, v: &Value) -> bool {
    as_int(v).is_some() || vm.lookup_type(vm.type_of(v), "__index__").is_some()
}

/// A `Py_ssize_t(accept={int, NoneType})` argument: -1 for None or absent.
pub fn optional_ssize(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let v = match v {
        None | Some(Value::None) => return Ok(-1),
        Some(v) => v,
    };
    if !has_index(vm, v) {
        return Err(vm.type_error(format!(
            "argument should be integer or None, not '{}'",
            vm.type_name(v)
        )));
    }
    let n = to_index(vm, v)?;
    n.to_i64()
        .filter(|&n| n >= isize::MIN as i64)
        .ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer"))
}

/// A `Py_ssize_t` argument.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = to_index(vm, v)?;
    n.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// An `int` argument (`_PyLong_AsInt`).
pub fn whence_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = to_index(vm, v)?;
    n.to_i32()
        .map(i64::from)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}
