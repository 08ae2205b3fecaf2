//! `memoryview` (basic): one-dimensional views of unsigned bytes (format
//! 'B') over bytes, bytearray or another view. Contiguous slices share the
//! underlying object (writes through a bytearray's view are seen by it);
//! strided slices copy. Reference: Objects/memoryobject.c.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct MemView {
    /// The exporting object: a bytes or bytearray (never another view).
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub released: Cell<bool>,
}

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("tobytes", mv_tobytes),
    MethodDef::method("tolist", mv_tolist),
    MethodDef::method("hex", mv_hex),
    MethodDef::method("release", mv_release),
    MethodDef::method("__enter__", mv_enter),
    MethodDef::method("__exit__", mv_exit),
];

fn view<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a MemView> {
    match v.payload() {
        Some(Payload::MemoryView(m)) => {
            if m.released.get() {
                return Err(vm.value_error("operation forbidden on released memoryview object"));
            }
            Ok(m)
        }
        _ => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

/// The bytes a view shows, copied.
pub fn view_bytes(m: &MemView) -> Vec<u8> {
    let all = super::bytes::bytes_like(&m.obj).unwrap_or_default();
    let end = (m.start + m.len).min(all.len());
    all.get(m.start.min(end)..end).unwrap_or(&[]).to_vec()
}

fn new_view(vm: &Vm, obj: Value, start: usize, len: usize) -> Value {
    Value::Obj(ObjRef::new(
        &vm.types().memoryview,
        Payload::MemoryView(Box::new(MemView {
            obj,
            start,
            len,
            released: Cell::new(false),
        })),
    ))
}

/// `memoryview(object)`.
pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [object] = super::args::bind(vm, "memoryview", &args, ["object"], 1, 0)?;
    let object = object.unwrap_or(Value::None);
    match object.payload() {
        Some(Payload::Bytes(b)) => Ok(new_view(vm, object.clone(), 0, b.len())),
        Some(Payload::ByteArray(b)) => {
            let n = b.get().len();
            Ok(new_view(vm, object.clone(), 0, n))
        }
        Some(Payload::MemoryView(_)) => {
            let m = view(vm, &object)?;
            Ok(new_view(vm, m.obj.clone(), m.start, m.len))
        }
        _ => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(&object)
        ))),
    }
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, this(&args))?;
    Ok(vm.new_bytes(view_bytes(m)))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, this(&args))?;
    let items: Vec<Value> = view_bytes(m)
        .into_iter()
        .map(|b| Value::Int(b as i64))
        .collect();
    Ok(vm.new_list(items))
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, this(&args))?;
    pos(vm, "memoryview.hex", &args, 0, 0)?;
    let s: String = view_bytes(m).iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(s))
}

fn mv_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Payload::MemoryView(m)) = this(&args).payload() {
        m.released.set(true);
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor requires a 'memoryview' object"))
}

fn mv_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, this(&args))?;
    Ok(this(&args).clone())
}

fn mv_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mv_release(vm, args)
}

/// `len(view)`.
pub fn len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(view(vm, v)?.len)
}

/// `view[i]` and `view[a:b:c]`.
pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = view(vm, v)?;
    let (obj, start, len) = (m.obj.clone(), m.start, m.len);
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let si = vm.slice_indices(&s, len)?;
        if si.step == 1 {
            return Ok(new_view(vm, obj, start + si.start.max(0) as usize, si.len));
        }
        let data = view_bytes(view(vm, v)?);
        let picked: Vec<u8> = si.indices().map(|i| data[i]).collect();
        let n = picked.len();
        let b = vm.new_bytes(picked);
        return Ok(new_view(vm, b, 0, n));
    }
    let Some(i) = as_int(key) else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let i = num_traits::ToPrimitive::to_i64(i.to_big().as_ref()).unwrap_or(i64::MAX);
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i as usize >= len {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let data = view_bytes(view(vm, v)?);
    Ok(Value::Int(data[i as usize] as i64))
}

/// `view[i] = byte` and `view[a:b] = bytes` through a bytearray's view.
pub fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let m = view(vm, v)?;
    let Some(Payload::ByteArray(ba)) = m.obj.payload() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let (start, len) = (m.start, m.len);
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let si = vm.slice_indices(&s, len)?;
        let src = super::bytes::bytes_like(value).ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(value)
            ))
        })?;
        if src.len() != si.len {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let idx: Vec<usize> = si.indices().collect();
        let data = ba.get_mut();
        for (i, b) in idx.into_iter().zip(src) {
            if let Some(slot) = data.get_mut(start + i) {
                *slot = b;
            }
        }
        return Ok(());
    }
    let i = vm.index_i64(key)?;
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i as usize >= len {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let b = match as_int(value).and_then(|n| num_traits::ToPrimitive::to_u8(n.to_big().as_ref())) {
        Some(b) => b,
        None => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
    };
    if let Some(slot) = ba.get_mut().get_mut(start + i as usize) {
        *slot = b;
    }
    Ok(())
}

/// Attributes: `obj`, `nbytes`, `readonly`, `itemsize`, `format`, `ndim`,
/// `shape`, `strides`, `contiguous`.
pub fn attr(vm: &Vm, m: &MemView, name: &str) -> Option<Value> {
    Some(match name {
        "obj" => m.obj.clone(),
        "nbytes" => Value::Int(m.len as i64),
        "readonly" => Value::Bool(!matches!(m.obj.payload(), Some(Payload::ByteArray(_)))),
        "itemsize" => Value::Int(1),
        "format" => vm.new_str("B"),
        "ndim" => Value::Int(1),
        "shape" => vm.new_tuple(vec![Value::Int(m.len as i64)]),
        "strides" => vm.new_tuple(vec![Value::Int(1)]),
        "contiguous" | "c_contiguous" | "f_contiguous" => Value::Bool(true),
        _ => return None,
    })
}

/// `hash(view)`: a read-only view hashes as its bytes.
pub fn hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let m = view(vm, v)?;
    if matches!(m.obj.payload(), Some(Payload::ByteArray(_))) {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    Ok(super::hash::hash_bytes(&view_bytes(m)))
}
