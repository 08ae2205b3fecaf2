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
    /// The struct format of the items (`cast`); 'B' unless cast. `len`
    /// counts bytes whatever the format.
    pub format: u8,
}

/// The items a view shows, by its format.
pub fn items(vm: &Vm, m: &MemView) -> Vec<Value> {
    let data = view_bytes(m);
    let n = data.len() / itemsize(m.format).unwrap_or(1);
    (0..n)
        .map(|i| unpack_item(vm, &data, m.format, i))
        .collect()
}

/// How many items a view shows (bytes over the item size).
pub fn item_count(m: &MemView) -> usize {
    m.len / itemsize(m.format).unwrap_or(1)
}

/// Item size of a native struct format `cast` accepts; None for the others.
fn itemsize(format: u8) -> Option<usize> {
    Some(match format {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' | b'e' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        _ => return None,
    })
}

/// Item `i` of `data` in `format` (native little-endian, as on the hosts
/// pyrs runs on).
fn unpack_item(vm: &Vm, data: &[u8], format: u8, i: usize) -> Value {
    let n = itemsize(format).unwrap_or(1);
    let b = &data[i * n..(i + 1) * n];
    let mut w = [0u8; 8];
    w[..n].copy_from_slice(b);
    let u = u64::from_le_bytes(w);
    match format {
        b'c' => vm.new_bytes(vec![b[0]]),
        b'?' => Value::Bool(b[0] != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let shift = 64 - 8 * n;
            Value::Int(((u << shift) as i64) >> shift)
        }
        b'f' => Value::Float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_bits(u)),
        _ if u > i64::MAX as u64 => vm.new_bigint(num_bigint::BigInt::from(u)),
        _ => Value::Int(u as i64),
    }
}

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("tobytes", mv_tobytes),
    MethodDef::method("tolist", mv_tolist),
    MethodDef::method("cast", mv_cast),
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
    new_view_as(vm, obj, start, len, b'B')
}

fn new_view_as(vm: &Vm, obj: Value, start: usize, len: usize, format: u8) -> Value {
    Value::Obj(ObjRef::new(
        &vm.types().memoryview,
        Payload::MemoryView(Box::new(MemView {
            obj,
            start,
            len,
            released: Cell::new(false),
            format,
        })),
    ))
}

/// `cast(format)`: a view of the same bytes as items of a native struct
/// format (one-dimensional casts from a byte format only).
fn mv_cast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, this(&args))?;
    let [format] = super::args::kw(vm, "cast", &args, ["format"], 1, 0)?;
    let format = format.unwrap_or(Value::None);
    let Some(f) = format.as_str() else {
        return Err(vm.type_error(format!(
            "cast() argument 'format' must be str, not {}",
            vm.type_name(&format)
        )));
    };
    let f = f.strip_prefix('@').unwrap_or(f);
    let code = match f.as_bytes() {
        [c] if itemsize(*c).is_some() => *c,
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
    };
    if itemsize(m.format) != Some(1) && itemsize(code) != Some(1) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if m.len % itemsize(code).unwrap_or(1) != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    Ok(new_view_as(vm, m.obj.clone(), m.start, m.len, code))
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
            Ok(new_view_as(vm, m.obj.clone(), m.start, m.len, m.format))
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
    let items = items(vm, m);
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
    let m = view(vm, v)?;
    Ok(m.len / itemsize(m.format).unwrap_or(1))
}

/// `view[i]` and `view[a:b:c]`.
pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = view(vm, v)?;
    let (obj, start, len) = (m.obj.clone(), m.start, m.len);
    if m.format != b'B' {
        // Items of a cast view; its slices are not supported.
        let format = m.format;
        let n = len / itemsize(format).unwrap_or(1);
        let i = vm.index_i64(key)?;
        let i = if i < 0 { i + n as i64 } else { i };
        if i < 0 || i as usize >= n {
            return Err(vm.index_error("index out of bounds on dimension 1"));
        }
        let data = view_bytes(view(vm, v)?);
        return Ok(unpack_item(vm, &data, format, i as usize));
    }
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
    if m.format != b'B' {
        return Err(vm.new_error(
            &vm.types().exc.not_implemented_error,
            "memoryview: assignment to a cast view is not supported",
        ));
    }
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
        "itemsize" => Value::Int(itemsize(m.format).unwrap_or(1) as i64),
        "format" => vm.new_str((m.format as char).to_string()),
        "ndim" => Value::Int(1),
        "shape" => vm.new_tuple(vec![Value::Int(
            (m.len / itemsize(m.format).unwrap_or(1)) as i64,
        )]),
        "strides" => vm.new_tuple(vec![Value::Int(itemsize(m.format).unwrap_or(1) as i64)]),
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
