//! The `marshal` module (Python/marshal.c): converts between Python values and
//! `pyrs_bytecode::marshal`'s value tree, which owns the format itself. Built
//! into the VM because code objects cross it.

use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Payload};
use crate::objects::code::{new_code_object_from, Origin};
use crate::objects::native::{Args, MethodDef};
use crate::types::args::kw;
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::marshal::{self, MarshalError, MarshalValue, MAX_MARSHAL_STACK_DEPTH, VERSION};
use std::rc::Rc;

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("dumps", marshal_dumps),
    MethodDef::method("loads", marshal_loads),
    MethodDef::method("dump", marshal_dump),
    MethodDef::method("load", marshal_load),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, module, FUNCTIONS);
    super::set_attr(vm, module, "version", Value::Int(VERSION as i64));
    Ok(())
}

fn marshal_error(vm: &Vm, e: MarshalError) -> PyErr {
    let exc = &vm.types().exc;
    let ty = match e {
        MarshalError::Eof(_) => &exc.eof_error,
        MarshalError::Value(_) => &exc.value_error,
        MarshalError::Type(_) => &exc.type_error,
    };
    vm.new_error(ty, e.message())
}

/// The format version argument (default 4), as an i32 like CPython's `int`.
fn version_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<u32> {
    match v {
        None => Ok(VERSION),
        Some(v) => {
            if !matches!(v, Value::Int(_) | Value::Bool(_))
                && !matches!(v.payload(), Some(Payload::Int(_)))
            {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )));
            }
            let n = vm.to_i64(v, "")?;
            // Versions above 4 behave as 4; negative ones as 0.
            Ok(n.clamp(0, i64::from(u32::MAX)) as u32)
        }
    }
}

fn marshal_dumps(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [value, version] = kw(vm, "dumps", &args, ["value", "version"], 1, 2)?;
    let version = version_arg(vm, &version)?;
    let value = value.unwrap_or(Value::None);
    let data = dumps_value(vm, &value, version)?;
    Ok(vm.new_bytes(data))
}

fn marshal_dump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [value, file, version] = kw(vm, "dump", &args, ["value", "file", "version"], 2, 3)?;
    let version = version_arg(vm, &version)?;
    let (value, file) = (value.unwrap_or(Value::None), file.unwrap_or(Value::None));
    let data = dumps_value(vm, &value, version)?;
    let write = vm.getattr_str(&file, "write")?;
    let b = vm.new_bytes(data);
    vm.call(&write, &[b])?;
    Ok(Value::None)
}

fn dumps_value(vm: &mut Vm, value: &Value, version: u32) -> PyResult<Vec<u8>> {
    let mv = to_marshal(vm, value, 0)?;
    marshal::dumps(&mv, version).map_err(|e| marshal_error(vm, e))
}

fn marshal_loads(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data] = kw(vm, "loads", &args, ["bytes"], 1, 1)?;
    let data = data.unwrap_or(Value::None);
    let Some(bytes) = crate::types::bytes::bytes_like(&data) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&data)
        )));
    };
    let mv = marshal::loads(&bytes).map_err(|e| marshal_error(vm, e))?;
    from_marshal(vm, mv)
}

/// `marshal.load(file)`: reads what follows, loads one value, and leaves the
/// file just after it (by seeking back), so values written one after another
/// load one by one as in CPython.
fn marshal_load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [file] = kw(vm, "load", &args, ["file"], 1, 1)?;
    let file = file.unwrap_or(Value::None);
    let read = vm.getattr_str(&file, "read")?;
    let data = vm.call(&read, &[])?;
    let Some(bytes) = crate::types::bytes::bytes_like(&data) else {
        return Err(vm.type_error(format!(
            "file.read() returned not bytes but {}",
            vm.type_name(&data)
        )));
    };
    let (mv, used) = marshal::load_prefix(&bytes).map_err(|e| marshal_error(vm, e))?;
    if used < bytes.len() {
        let seek = vm.getattr_str(&file, "seek")?;
        let back = -((bytes.len() - used) as i64);
        vm.call(&seek, &[Value::Int(back), Value::Int(1)])?;
    }
    from_marshal(vm, mv)
}

fn unmarshallable(vm: &Vm) -> PyErr {
    vm.value_error("unmarshallable object")
}

/// A Python value as a marshal tree. Only the exact builtin types marshal
/// (a subclass instance is "unmarshallable", as in CPython), except that
/// any bytes-like object writes as bytes.
fn to_marshal(vm: &mut Vm, v: &Value, depth: usize) -> PyResult<MarshalValue> {
    if depth > MAX_MARSHAL_STACK_DEPTH {
        return Err(vm.value_error("object too deeply nested to marshal"));
    }
    let t = vm.types();
    Ok(match v {
        Value::None => MarshalValue::None,
        Value::Bool(b) => MarshalValue::Bool(*b),
        Value::Int(i) => MarshalValue::Int((*i).into()),
        Value::Float(f) => MarshalValue::Float(*f),
        Value::Obj(o) => {
            let cls = o.class();
            let exact = |ty: &ObjRef| cls.is(ty);
            match &o.payload {
                _ if o.is(&t.ellipsis_value) => MarshalValue::Ellipsis,
                _ if o.is(&t.exc.stop_iteration) => MarshalValue::StopIteration,
                Payload::Int(b) if exact(&t.int) => MarshalValue::Int(b.clone()),
                Payload::Float(f) if exact(&t.float) => MarshalValue::Float(*f),
                Payload::Complex(re, im) if exact(&t.complex) => MarshalValue::Complex {
                    real: *re,
                    imag: *im,
                },
                Payload::Str(s) if exact(&t.str_) => MarshalValue::Str(Rc::from(s.as_str())),
                Payload::Tuple(items) if exact(&t.tuple) => {
                    let items = items.to_vec();
                    MarshalValue::Tuple(to_marshal_all(vm, &items, depth)?)
                }
                Payload::List(items) if exact(&t.list) => {
                    let items = items.get().clone();
                    MarshalValue::List(to_marshal_all(vm, &items, depth)?)
                }
                Payload::Set(s) if exact(&t.set) || exact(&t.frozenset) => {
                    let items: Vec<Value> = s.get().entries().into_iter().map(|(v, _)| v).collect();
                    let items = to_marshal_all(vm, &items, depth)?;
                    if exact(&t.set) {
                        MarshalValue::Set(items)
                    } else {
                        MarshalValue::FrozenSet(items)
                    }
                }
                Payload::Dict(d) if exact(&t.dict) => {
                    let pairs: Vec<(Value, Value)> = d
                        .get()
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect();
                    let mut out = Vec::with_capacity(pairs.len());
                    for (k, v) in pairs {
                        out.push((
                            to_marshal(vm, &k, depth + 1)?,
                            to_marshal(vm, &v, depth + 1)?,
                        ));
                    }
                    MarshalValue::Dict(out)
                }
                Payload::Code(c) => MarshalValue::Code(c.co.clone()),
                Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_) => {
                    match crate::types::bytes::bytes_like(v) {
                        Some(b) => MarshalValue::Bytes(b.into()),
                        None => return Err(unmarshallable(vm)),
                    }
                }
                _ => return Err(unmarshallable(vm)),
            }
        }
        _ => return Err(unmarshallable(vm)),
    })
}

fn to_marshal_all(vm: &mut Vm, items: &[Value], depth: usize) -> PyResult<Vec<MarshalValue>> {
    items.iter().map(|v| to_marshal(vm, v, depth + 1)).collect()
}

/// A marshal tree as Python values; sets and dicts apply Python equality to
/// the stored items, code objects are verified as any loaded code is.
fn from_marshal(vm: &mut Vm, mv: MarshalValue) -> PyResult<Value> {
    let t = vm.types();
    Ok(match mv {
        MarshalValue::None => Value::None,
        MarshalValue::Ellipsis => Value::Obj(t.ellipsis_value.clone()),
        MarshalValue::StopIteration => Value::Obj(t.exc.stop_iteration.clone()),
        MarshalValue::Bool(b) => Value::Bool(b),
        MarshalValue::Int(i) => vm.new_bigint(i),
        MarshalValue::Float(f) => Value::Float(f),
        MarshalValue::Complex { real, imag } => crate::types::complex::new_complex(vm, real, imag),
        MarshalValue::Str(s) => vm.new_str(&*s),
        MarshalValue::Bytes(b) => vm.new_bytes(b.to_vec()),
        MarshalValue::Tuple(items) => {
            let items = from_marshal_all(vm, items)?;
            vm.new_tuple(items)
        }
        MarshalValue::List(items) => {
            let items = from_marshal_all(vm, items)?;
            vm.new_list(items)
        }
        MarshalValue::Set(items) => {
            let set_type = t.set.clone();
            build_set(vm, &set_type, items)?
        }
        MarshalValue::FrozenSet(items) => {
            let set_type = t.frozenset.clone();
            build_set(vm, &set_type, items)?
        }
        MarshalValue::Dict(pairs) => {
            let d = vm.new_dict();
            for (k, v) in pairs {
                let k = from_marshal(vm, k)?;
                let v = from_marshal(vm, v)?;
                vm.dict_set(&d, k, v)?;
            }
            Value::Obj(d)
        }
        MarshalValue::Code(co) => {
            let types = vm.types();
            match new_code_object_from(types, (*co).clone(), Origin::Marshalled) {
                Ok(c) => Value::Obj(c),
                Err(msg) => return Err(vm.value_error(format!("bad marshal data ({msg})"))),
            }
        }
    })
}

fn from_marshal_all(vm: &mut Vm, items: Vec<MarshalValue>) -> PyResult<Vec<Value>> {
    items.into_iter().map(|m| from_marshal(vm, m)).collect()
}

fn build_set(vm: &mut Vm, cls: &ObjRef, items: Vec<MarshalValue>) -> PyResult<Value> {
    let set = crate::types::set::new_set_of(cls);
    for m in items {
        let v = from_marshal(vm, m)?;
        if let Some(table) = crate::types::set::table(&set) {
            crate::types::set::add_key(vm, table, v)?;
        }
    }
    Ok(set)
}
