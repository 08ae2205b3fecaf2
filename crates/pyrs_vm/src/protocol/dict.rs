//! Item access on dict objects: hashing the key and comparing candidates with
//! `__eq__` when the table alone cannot decide. Reference: Objects/dictobject.c.

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::dict::{DictData, Probe};
use crate::objects::str::PyStr;
use crate::runtime::types::Types;
use crate::value::Value;
use crate::vm::Vm;

pub fn new_dict_raw(types: &Types) -> ObjRef {
    ObjRef::new(&types.dict, Payload::Dict(GilCell::new(DictData::new())))
}

/// The table of a dict object. Only for objects known to be dicts.
#[inline]
pub fn table(d: &ObjRef) -> &GilCell<DictData> {
    match &d.payload {
        Payload::Dict(t) => t,
        _ => unreachable!("dict operation on a non-dict"),
    }
}

/// Equality without running Python code, when the kinds allow it.
#[inline]
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => Some(*x == *y as i64),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            if x.unsigned_abs() < (1 << 53) {
                Some(*x as f64 == *y)
            } else {
                None
            }
        }
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
            Some(*x as i64 as f64 == *y)
        }
        (Value::None, Value::None) => Some(true),
        (Value::Obj(x), Value::Obj(y)) => match (&x.payload, &y.payload) {
            _ if x.is(y) => Some(true),
            // A subclass may define __eq__: only builtin pairs decide here.
            _ if x.class().payload_type().heap_type || y.class().payload_type().heap_type => None,
            (Payload::Str(s), Payload::Str(t)) => Some(s.as_str() == t.as_str()),
            (Payload::Int(s), Payload::Int(t)) => Some(s == t),
            _ => None,
        },
        (Value::Obj(x), other) | (other, Value::Obj(x)) => match &x.payload {
            Payload::Str(_) | Payload::Tuple(_) | Payload::List(_) | Payload::Dict(_) => {
                Some(false)
            }
            // A big int never equals an inline int, but may equal a float.
            // (An int subclass instance may hold a small value.)
            Payload::Int(_)
                if !matches!(other, Value::Float(_)) && !x.class().payload_type().heap_type =>
            {
                Some(false)
            }
            _ => None,
        },
        _ => Some(false),
    }
}

/// Insert or replace a str-keyed entry without a `Vm` (start-up, namespaces).
pub fn dict_set_str_raw(types: &Types, d: &ObjRef, key: &str, value: Value) {
    let hash = crate::objects::str::str_hash(key);
    let t = table(d).get_mut();
    let probe = t.probe(&Value::None, hash, |k, _| Some(k.as_str() == Some(key)));
    match probe {
        Probe::Found(ix) => {
            if let Some(e) = t.entry_mut(ix) {
                let old = std::mem::replace(&mut e.value, value);
                drop(old);
            }
        }
        Probe::Candidates(_) => {
            let k = Value::Obj(ObjRef::new(&types.str_, Payload::Str(PyStr::new(key))));
            t.insert_new(hash, k, value);
        }
    }
}

/// Look up a str key, without running Python code.
#[inline]
pub fn dict_get_str(d: &ObjRef, key: &str) -> Option<Value> {
    let hash = crate::objects::str::str_hash(key);
    dict_get_str_hashed(d, key, hash)
}

#[inline]
pub fn dict_get_str_hashed(d: &ObjRef, key: &str, hash: i64) -> Option<Value> {
    let t = table(d).get();
    match t.probe(&Value::None, hash, |k, _| Some(k.as_str() == Some(key))) {
        Probe::Found(ix) => t.entry(ix).map(|e| e.value.clone()),
        Probe::Candidates(_) => None,
    }
}

impl Vm {
    /// Find `key`'s entry index, calling `__eq__` on candidates when needed.
    fn dict_find(&mut self, d: &ObjRef, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let probe = table(d).get().probe(key, hash, fast_eq);
        match probe {
            Probe::Found(ix) => Ok(Some(ix)),
            Probe::Candidates(cands) => {
                for ix in cands {
                    let Some(k) = table(d).get().entry(ix).map(|e| e.key.clone()) else {
                        continue;
                    };
                    if self.eq(&k, key)? {
                        // The comparison ran Python code; the entry may be gone.
                        if table(d).get().entry(ix).is_some_and(|e| e.key.is(&k)) {
                            return Ok(Some(ix));
                        }
                    }
                }
                Ok(None)
            }
        }
    }

    pub fn dict_get(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        Ok(self
            .dict_find(d, key, hash)?
            .and_then(|ix| table(d).get().entry(ix).map(|e| e.value.clone())))
    }

    pub fn dict_set(&mut self, d: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        match self.dict_find(d, &key, hash)? {
            Some(ix) => {
                let old = table(d)
                    .get_mut()
                    .entry_mut(ix)
                    .map(|e| std::mem::replace(&mut e.value, value));
                drop(old);
            }
            None => table(d).get_mut().insert_new(hash, key, value),
        }
        Ok(())
    }

    /// Remove `key`; `Ok(None)` when absent.
    pub fn dict_del(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        match self.dict_find(d, key, hash)? {
            Some(ix) => {
                let removed = table(d).get_mut().remove_entry(ix);
                Ok(removed.map(|(_, v)| v))
            }
            None => Ok(None),
        }
    }

    pub fn dict_len(d: &ObjRef) -> usize {
        table(d).get().len()
    }

    /// Snapshot of (key, value) pairs, for iteration that may run Python code.
    pub fn dict_items(d: &ObjRef) -> Vec<(Value, Value)> {
        table(d)
            .get()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }
}
