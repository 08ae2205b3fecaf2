//! Argument checking for builtin methods and functions, with the messages of
//! CPython's two conventions: positional-only methods (`_PyArg_CheckPositional`,
//! METH_O, METH_NOARGS) and keyword-capable ones (`_PyArg_UnpackKeywords`).
//! Reference: Python/getargs.c.

use crate::error::PyResult;
use crate::objects::native::Args;
use crate::value::Value;
use crate::vm::Vm;

/// `self` (or the bound module of a builtin function): `args[0]`.
#[inline]
pub fn this<'a>(args: &Args<'a>) -> &'a Value {
    &args.args[0]
}

/// The arguments after `self`.
#[inline]
pub fn after_self<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    }
}

/// Positional-only arguments after self, `min..=max` of them. `qual` is the
/// qualified name (`str.center`); CPython names the method with its type only
/// in the METH_O and METH_NOARGS messages.
pub fn pos<'a>(
    vm: &Vm,
    qual: &str,
    args: &Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let r = &args.pos()[1..];
    let n = r.len();
    if n >= min && n <= max {
        return Ok(r);
    }
    let bare = qual.rsplit('.').next().unwrap_or(qual);
    let s = |k: usize| if k == 1 { "" } else { "s" };
    Err(vm.type_error(if max == 0 {
        format!("{qual}() takes no arguments ({n} given)")
    } else if min == 1 && max == 1 {
        format!("{qual}() takes exactly one argument ({n} given)")
    } else if min == max {
        format!("{bare} expected {min} argument{}, got {n}", s(min))
    } else if n < min {
        format!("{bare} expected at least {min} argument{}, got {n}", s(min))
    } else {
        format!("{bare} expected at most {max} argument{}, got {n}", s(max))
    }))
}

/// Keyword-capable parameters after self: `names` in order, the first
/// `required` of them required, the first `posonly` positional-only.
pub fn kw<const N: usize>(
    vm: &Vm,
    name: &str,
    args: &Args,
    names: [&str; N],
    required: usize,
    posonly: usize,
) -> PyResult<[Option<Value>; N]> {
    let rest = after_self(args);
    bind(vm, name, &rest, names, required, posonly)
}

/// `kw` for a slice of arguments that has no self in front.
pub fn bind<const N: usize>(
    vm: &Vm,
    name: &str,
    args: &Args,
    names: [&str; N],
    required: usize,
    posonly: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let p = args.pos();
    if p.len() > N {
        let s = if N == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{name}() takes at most {N} argument{s} ({} given)",
            p.len()
        )));
    }
    for (slot, v) in out.iter_mut().zip(p) {
        *slot = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {name}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// An optional argument that may also be given as None.
pub fn opt(v: &Option<Value>) -> Option<&Value> {
    match v {
        None | Some(Value::None) => None,
        Some(v) => Some(v),
    }
}

impl Vm {
    /// An index-like int argument (`__index__`) as i64, saturating big values
    /// the way CPython's `_PyEval_SliceIndex` does for start/end arguments.
    pub fn clamp_index(&mut self, v: &Value) -> PyResult<i64> {
        use num_traits::{Signed, ToPrimitive};
        match crate::protocol::object::as_int(v) {
            Some(i) => {
                let b = i.to_big();
                Ok(b.to_i64()
                    .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
            }
            None => {
                let ty = self.type_of(v).clone();
                if ty.payload_type().heap_type {
                    if let Some(m) = self.lookup_type(&ty, "__index__") {
                        let r = self.call_method_value(&m, v, &[])?;
                        return self.clamp_index(&r);
                    }
                }
                Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    }

    /// An int argument through `__index__`, as i64 with OverflowError.
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        if crate::protocol::object::as_int(v).is_none() {
            let ty = self.type_of(v).clone();
            if ty.payload_type().heap_type {
                if let Some(m) = self.lookup_type(&ty, "__index__") {
                    let r = self.call_method_value(&m, v, &[])?;
                    return self.to_i64(&r, "");
                }
            }
        }
        self.to_i64(v, "")
    }
}

/// Resolve optional `start`/`end` arguments against a length, as the
/// `str.find` family does (`ADJUST_INDICES`).
pub fn adjust_indices(start: i64, end: i64, len: usize) -> (usize, usize) {
    let len = len as i64;
    let mut s = start;
    let mut e = end;
    if e > len {
        e = len;
    } else if e < 0 {
        e += len;
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s += len;
        if s < 0 {
            s = 0;
        }
    }
    (s as usize, e.max(0) as usize)
}

/// The optional start and end arguments (None means the default).
pub fn start_end(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let s = match start {
        None | Some(Value::None) => 0,
        Some(v) => vm.clamp_index(v)?,
    };
    let e = match end {
        None | Some(Value::None) => i64::MAX,
        Some(v) => vm.clamp_index(v)?,
    };
    Ok(adjust_indices(s, e, len))
}
