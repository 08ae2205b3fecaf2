//! The argument converters `_io`'s native classes share, with the messages
//! of CPython's Argument Clinic converters: `Py_ssize_t`, `Py_ssize_t` that
//! accepts None (`_Py_convert_optional_to_ssize_t`), and `int` (whence).

use crate::args::to_index;
use crate::native::rest;
use num_traits::ToPrimitive;
use pyrs_vm::gil_cell::GilCell;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::Args;
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

/// The checks of one class's clinic-generated methods, with CPython's
/// messages: `short` names methods (`BytesIO.read()`), `full` the class in
/// descriptor errors (`'_io.BytesIO' objects`).
pub struct MethodArgs {
    pub short: &'static str,
    pub full: &'static str,
}

impl MethodArgs {
    /// The state of `self` for method (or getter) `name`.
    pub fn cell<'a, T: crate::native::Refs + 'static>(
        &self,
        vm: &Vm,
        args: &Args<'a>,
        name: &str,
    ) -> PyResult<&'a GilCell<Option<T>>> {
        let me = args.args.first();
        if let Some(Payload::Native(n)) = me.and_then(|v| v.payload()) {
            if let Some(s) = n.as_any().downcast_ref::<crate::native::State<T>>() {
                return Ok(&s.0);
            }
        }
        let got = me.map_or_else(|| "NoneType".to_string(), |v| vm.type_name(v));
        Err(vm.type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{got}' object",
            self.full
        )))
    }

    pub fn no_kw(&self, vm: &Vm, a: &Args, name: &str) -> PyResult<()> {
        if a.has_kwargs() {
            return Err(vm.type_error(format!(
                "{}.{name}() takes no keyword arguments",
                self.short
            )));
        }
        Ok(())
    }

    /// METH_NOARGS: "Class.NAME() takes no arguments (N given)".
    pub fn no_args(&self, vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
        let a = rest(args);
        self.no_kw(vm, &a, name)?;
        if !a.pos().is_empty() {
            return Err(vm.type_error(format!(
                "{}.{name}() takes no arguments ({} given)",
                self.short,
                a.pos().len()
            )));
        }
        Ok(())
    }

    /// METH_O: the one argument.
    pub fn one_arg<'a>(&self, vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
        let a = rest(args);
        self.no_kw(vm, &a, name)?;
        match a.pos() {
            [x] => Ok(x),
            p => Err(vm.type_error(format!(
                "{}.{name}() takes exactly one argument ({} given)",
                self.short,
                p.len()
            ))),
        }
    }

    /// Positional-only clinic arguments: "NAME expected at most N arguments".
    pub fn positional<'a>(
        &self,
        vm: &Vm,
        args: &Args<'a>,
        name: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [Value]> {
        let a = rest(args);
        self.no_kw(vm, &a, name)?;
        crate::native::positional(vm, &a, name, min, max)
    }
}
