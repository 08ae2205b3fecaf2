//! Argument conversions shared by this crate's modules: the arguments after a
//! module function's bound module, `PyFloat_AsDouble` (with `__float__` and
//! `__index__`) and `PyNumber_Index` (with `__index__`), with CPython's messages.
//! Reference: Objects/floatobject.c `PyFloat_AsDouble`, Objects/abstract.c
//! `PyNumber_Index`.

use num_bigint::BigInt;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::int::{self, IntRef};
use pyrs_vm::objects::native::Args;
use pyrs_vm::protocol::object::as_int;
use pyrs_vm::{PyResult, Value, Vm};

/// The arguments after the bound module (`args[0]` of a module function).
pub fn fargs<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    }
}

/// Positional count check for a function without keywords (`check_args`).
pub fn check<'a>(
    vm: &Vm,
    name: &str,
    args: &Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    pyrs_vm::builtins::check_args(vm, name, args, min, max)?;
    Ok(args.pos())
}

/// An int (or bool) as the nearest float; OverflowError when it is too big.
pub fn int_to_f64(vm: &Vm, i: &IntRef) -> PyResult<f64> {
    int::to_f64(i).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
}

/// `PyFloat_AsDouble`: floats, ints, then `__float__`, then `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Obj(o) => {
            if let Payload::Float(f) = &o.payload {
                return Ok(*f);
            }
        }
        _ => {}
    }
    if let Some(i) = as_int(v) {
        return int_to_f64(vm, &i);
    }
    let ty = vm.type_of(v).clone();
    if let Some(f) = vm.lookup_type(&ty, "__float__") {
        let r = vm.call(&f, std::slice::from_ref(v))?;
        return match as_float(&r) {
            Some(f) => Ok(f),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_type(&ty, "__index__").is_some() {
        let i = to_index(vm, v)?;
        return int_to_f64(vm, &IntRef::Big(&i));
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// `PyNumber_Index`: an int, or the result of `__index__`.
pub fn to_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big().into_owned());
    }
    let ty = vm.type_of(v).clone();
    if let Some(f) = vm.lookup_type(&ty, "__index__") {
        let r = vm.call(&f, std::slice::from_ref(v))?;
        return match as_int(&r) {
            Some(i) => Ok(i.to_big().into_owned()),
            None => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

/// Whether `v` is a float (or float subclass instance).
pub fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}
