//! `Value`: one Python value as the VM holds it. None, bools, ints that fit in
//! 64 bits and floats live inline, with no allocation (DESIGN.md decision 3);
//! everything else is a counted heap object.

use crate::object::{ObjRef, Payload};

/// `repr(u64)`: the tag fills the first word and the payload the second, so
/// a copy is two whole-word moves. With a one-byte tag, `Bool`'s byte sat
/// right after it and every copy moved bytes 1..8 as two overlapping partial
/// stores, stalling the load that read the value back.
#[repr(u64)]
pub enum Value {
    /// Never visible to Python: an unbound local slot, or the NULL that
    /// PUSH_NULL and LOAD_GLOBAL put below a callable.
    Null,
    None,
    Bool(bool),
    /// An int in `i64` range. Larger ints are `Payload::Int` objects; every
    /// operation normalises a result that fits back to this form.
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Clone for Value {
    /// Written out so it always inlines: copying a value is the eval loop's
    /// most frequent operation, and only the `Obj` case touches memory.
    ///
    /// The copy is one read of both words, with no branch per variant; only
    /// `Obj` needs its count raised first.
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            // The copy below shares `o`; this accounts for the new owner.
            std::mem::forget(o.clone());
        }
        // SAFETY: every variant but `Obj` is plain data, and `Obj`'s
        // reference count was raised above for the copy.
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline(always)]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    #[inline(always)]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    /// Identity, as the `is` operator sees it. Inline values are identical when
    /// equal, as CPython's cached small ints and singletons are (floats compare
    /// by bits, so a float is `is` itself).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            _ => false,
        }
    }

    /// The `str` payload, if this is a str (or str subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }

    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.payload() {
            Some(Payload::Tuple(t)) => Some(t),
            _ => None,
        }
    }
}

impl From<ObjRef> for Value {
    fn from(o: ObjRef) -> Value {
        Value::Obj(o)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => write!(f, "<NULL>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => write!(f, "{:?}", s.as_str()),
                _ => write!(f, "{o:?}"),
            },
        }
    }
}
