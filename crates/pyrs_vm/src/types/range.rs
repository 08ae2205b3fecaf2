//! `range` (count, index, slicing, reversal, hash) and `slice` (`indices`).
//! Reference: Objects/rangeobject.c, Objects/sliceobject.c.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::iter::IterState;
use crate::objects::native::{Args, MethodDef};
use crate::objects::range::RangeData;
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

pub const RANGE_METHODS: &[MethodDef] = &[
    MethodDef::method("count", range_count),
    MethodDef::method("index", range_index),
    MethodDef::method("__reversed__", range_reversed_method),
    MethodDef::method("__len__", range_len_method),
    MethodDef::method("__contains__", range_contains),
];

pub const SLICE_METHODS: &[MethodDef] = &[MethodDef::method("indices", slice_indices)];

fn bounds(vm: &Vm, v: &Value) -> PyResult<(BigInt, BigInt, BigInt)> {
    let Some(Payload::Range(r)) = v.payload() else {
        return Err(vm.type_error("descriptor requires a 'range' object"));
    };
    let big = |x: &Value| {
        as_int(x)
            .map(|i| i.to_big().into_owned())
            .unwrap_or_default()
    };
    Ok((big(&r.start), big(&r.stop), big(&r.step)))
}

fn range_len_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "range.__len__", &args, 0, 0)?;
    let n = vm.len(this(&args))?;
    Ok(Value::Int(n as i64))
}

fn range_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "range.__contains__", &args, 1, 1)?;
    vm.contains(this(&args), &r[0]).map(Value::Bool)
}

/// The index of int `x` in the range, if present.
fn int_index(vm: &Vm, v: &Value, x: &BigInt) -> PyResult<Option<BigInt>> {
    let (a, b, c) = bounds(vm, v)?;
    let inside = if c.is_positive() {
        &a <= x && x < &b
    } else {
        &b < x && x <= &a
    };
    let off = x - &a;
    if inside && (&off % &c).is_zero() {
        Ok(Some(off / c))
    } else {
        Ok(None)
    }
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "range.count", &args, 1, 1)?;
    if let Some(i) = as_int(&r[0]) {
        let x = i.to_big().into_owned();
        return Ok(Value::Int(int_index(vm, this(&args), &x)?.is_some() as i64));
    }
    let mut n = 0;
    let it = vm.iter(this(&args))?;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, &r[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "range.index", &args, 1, 1)?;
    if let Some(i) = as_int(&r[0]) {
        let x = i.to_big().into_owned();
        return match int_index(vm, this(&args), &x)? {
            Some(k) => Ok(vm.new_bigint(k)),
            None => {
                let r = vm.repr_string(&r[0])?;
                Err(vm.value_error(format!("{r} is not in range")))
            }
        };
    }
    let it = vm.iter(this(&args))?;
    let mut k = 0i64;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, &r[0])? {
            return Ok(Value::Int(k));
        }
        k += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn range_reversed_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "range.__reversed__", &args, 0, 0)?;
    range_reversed(vm, this(&args))
}

/// `reversed(range)`: a range iterator from the last item down.
pub fn range_reversed(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (a, _, c) = bounds(vm, v)?;
    let n = vm.range_len(v)?;
    let last: BigInt = &a + (&n - BigInt::from(1)) * &c;
    let (Some(next), Some(step), Some(rem)) = (
        if n.is_zero() { Some(0) } else { last.to_i64() },
        (-&c).to_i64(),
        n.to_u64(),
    ) else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    Ok(Value::Obj(ObjRef::new(
        &vm.types().range_iterator,
        Payload::Iterator(GilCell::new(IterState::Range {
            next,
            step,
            remaining: rem,
        })),
    )))
}

/// `range[slice]`: another range.
pub fn range_slice(vm: &mut Vm, v: &Value, s: &[Value; 3]) -> PyResult<Value> {
    let (a, _, c) = bounds(vm, v)?;
    let n = vm.range_len(v)?;
    let len = n
        .to_usize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
    let si = vm.slice_indices(s, len)?;
    // As compute_slice: the slice's resolved bounds scaled into the range.
    let start = &a + BigInt::from(si.start) * &c;
    let stop = &a + BigInt::from(si.stop) * &c;
    let step = &c * BigInt::from(si.step);
    Ok(Value::Obj(ObjRef::new(
        &vm.types().range,
        Payload::Range(RangeData {
            start: vm.new_bigint(start),
            stop: vm.new_bigint(stop),
            step: vm.new_bigint(step),
        }),
    )))
}

/// `hash(range)`: the hash of `(len, start, step)` with CPython's reductions.
pub fn range_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (a, _, c) = bounds(vm, v)?;
    let n = vm.range_len(v)?;
    let len = vm.new_bigint(n.clone());
    let t = if n.is_zero() {
        vm.new_tuple(vec![len, Value::None, Value::None])
    } else if n == BigInt::from(1) {
        let start = vm.new_bigint(a);
        vm.new_tuple(vec![len, start, Value::None])
    } else {
        let start = vm.new_bigint(a);
        let step = vm.new_bigint(c);
        vm.new_tuple(vec![len, start, step])
    };
    vm.hash(&t)
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "slice.indices", &args, 1, 1)?;
    let Some(Payload::Slice(s)) = this(&args).payload() else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let len = vm.index_i64(&r[0])?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let s = (**s).clone();
    let si = vm.slice_indices(&s, len as usize)?;
    Ok(vm.new_tuple(vec![
        Value::Int(si.start as i64),
        Value::Int(si.stop as i64),
        Value::Int(si.step as i64),
    ]))
}
