//! `_operator` (Modules/_operator.c), so far only `_compare_digest`, which
//! `hmac` needs without `_hashlib`; Lib/operator.py's pure-Python functions
//! stand in for the rest (its `from _operator import *` brings no names).

use crate::args::fargs;
use crate::native::positional;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::types::bytes::bytes_like;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const DOC: &str = "Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.";

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    set_attr(vm, module, "__doc__", vm.new_str(DOC));
    add_functions(
        vm,
        module,
        &[MethodDef::method("_compare_digest", compare_digest)],
    );
    Ok(())
}

/// `_compare_digest(a, b)`: equality of two ASCII strs or two bytes-like
/// objects, in time that depends on the length of `b` only.
fn compare_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("_operator._compare_digest() takes no keyword arguments"));
    }
    let p = positional(vm, &a, "_compare_digest", 2, 2)?;
    let (x, y) = (&p[0], &p[1]);
    let (l, r) = match (x.as_str(), y.as_str()) {
        (Some(s), Some(t)) => {
            if !s.is_ascii() || !t.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (s.as_bytes().to_vec(), t.as_bytes().to_vec())
        }
        _ => {
            let (bx, by) = (bytes_like(x), bytes_like(y));
            if bx.is_none() && by.is_none() {
                return Err(vm.type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    vm.type_name(x),
                    vm.type_name(y)
                )));
            }
            let need = |v: &Value| {
                vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(v)
                ))
            };
            match (bx, by) {
                (Some(l), Some(r)) => (l, r),
                (None, _) => return Err(need(x)),
                (_, None) => return Err(need(y)),
            }
        }
    };
    Ok(Value::Bool(constant_time_eq(&l, &r)))
}

/// Compare without an early exit, so the time does not tell where `a` and
/// `b` first differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = u8::from(a.len() != b.len());
    for (i, &y) in b.iter().enumerate() {
        let x = if a.len() == b.len() { a[i] } else { y };
        diff |= x ^ y;
    }
    diff == 0
}
