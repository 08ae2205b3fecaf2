//! CPython 3.11's marshal format, version 4 (Python/marshal.c): the values it can
//! hold, the errors CPython raises for bad data, and conversions between marshal
//! values and code-object constants. Reading is in `read.rs` (`r_object`),
//! writing in `write.rs` (`w_object`).
//!
//! Marshal values form a tree. CPython's references (`FLAG_REF`, `TYPE_REF`) can
//! make a container refer to itself; such data is rejected here (see `read.rs`).
//! Sets, frozensets and dicts keep the stream's items in order without removing
//! duplicates: only Python equality (`1 == 1.0 == True`) could decide that, and
//! the VM applies it when it builds the objects.
//!
//! Reading recurses once per nesting level, up to `MAX_MARSHAL_STACK_DEPTH`;
//! data nested that deep needs about 1.5 MiB of stack, which the 2 MiB Rust gives
//! a spawned thread covers (tests/marshal.rs checks it).

mod read;
mod write;

use crate::code::{CodeObject, Const};
use num_bigint::BigInt;
use std::fmt;
use std::rc::Rc;

/// The format version `marshal.dumps` uses by default (`Py_MARSHAL_VERSION`).
pub const VERSION: u32 = 4;

/// `MAX_MARSHAL_STACK_DEPTH` of marshal.c on Linux and macOS.
pub const MAX_MARSHAL_STACK_DEPTH: usize = 2000;

/// Type codes (marshal.c). The reader accepts all of them; the writer uses the
/// ones CPython 3.11 writes for the requested version.
pub(crate) mod types {
    pub const TYPE_NULL: u8 = b'0';
    pub const TYPE_NONE: u8 = b'N';
    pub const TYPE_FALSE: u8 = b'F';
    pub const TYPE_TRUE: u8 = b'T';
    pub const TYPE_STOPITER: u8 = b'S';
    pub const TYPE_ELLIPSIS: u8 = b'.';
    pub const TYPE_INT: u8 = b'i';
    /// Read for backward compatibility only; never written.
    pub const TYPE_INT64: u8 = b'I';
    pub const TYPE_FLOAT: u8 = b'f';
    pub const TYPE_BINARY_FLOAT: u8 = b'g';
    pub const TYPE_COMPLEX: u8 = b'x';
    pub const TYPE_BINARY_COMPLEX: u8 = b'y';
    pub const TYPE_LONG: u8 = b'l';
    pub const TYPE_STRING: u8 = b's';
    pub const TYPE_INTERNED: u8 = b't';
    pub const TYPE_REF: u8 = b'r';
    pub const TYPE_TUPLE: u8 = b'(';
    pub const TYPE_LIST: u8 = b'[';
    pub const TYPE_DICT: u8 = b'{';
    pub const TYPE_CODE: u8 = b'c';
    pub const TYPE_UNICODE: u8 = b'u';
    pub const TYPE_SET: u8 = b'<';
    pub const TYPE_FROZENSET: u8 = b'>';
    pub const TYPE_ASCII: u8 = b'a';
    pub const TYPE_ASCII_INTERNED: u8 = b'A';
    pub const TYPE_SMALL_TUPLE: u8 = b')';
    pub const TYPE_SHORT_ASCII: u8 = b'z';
    pub const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
    /// Set on a type code: the object is appended to the reference list.
    pub const FLAG_REF: u8 = 0x80;
}

/// A value marshal can hold.
#[derive(Clone, Debug)]
pub enum MarshalValue {
    None,
    Ellipsis,
    StopIteration,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<MarshalValue>),
    List(Vec<MarshalValue>),
    Dict(Vec<(MarshalValue, MarshalValue)>),
    Set(Vec<MarshalValue>),
    FrozenSet(Vec<MarshalValue>),
    Code(Rc<CodeObject>),
}

impl MarshalValue {
    /// The Python type name, as error messages show it.
    pub fn type_name(&self) -> &'static str {
        match self {
            MarshalValue::None => "NoneType",
            MarshalValue::Ellipsis => "ellipsis",
            MarshalValue::StopIteration => "type",
            MarshalValue::Bool(_) => "bool",
            MarshalValue::Int(_) => "int",
            MarshalValue::Float(_) => "float",
            MarshalValue::Complex { .. } => "complex",
            MarshalValue::Str(_) => "str",
            MarshalValue::Bytes(_) => "bytes",
            MarshalValue::Tuple(_) => "tuple",
            MarshalValue::List(_) => "list",
            MarshalValue::Dict(_) => "dict",
            MarshalValue::Set(_) => "set",
            MarshalValue::FrozenSet(_) => "frozenset",
            MarshalValue::Code(_) => "code",
        }
    }

    /// The first unhashable value inside `self` (a set element or dict key must
    /// have none), for CPython's "unhashable type: '...'" message.
    pub(crate) fn unhashable_part(&self) -> Option<&'static str> {
        match self {
            MarshalValue::List(_) | MarshalValue::Dict(_) | MarshalValue::Set(_) => {
                Some(self.type_name())
            }
            MarshalValue::Tuple(items) => items.iter().find_map(|v| v.unhashable_part()),
            _ => None,
        }
    }
}

/// A marshal failure, by the Python exception CPython raises for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarshalError {
    /// `EOFError`
    Eof(String),
    /// `ValueError` (CPython raises some of these as its subclass
    /// `UnicodeDecodeError`, or as `SystemError` for an invalid code object).
    Value(String),
    /// `TypeError`
    Type(String),
}

impl MarshalError {
    pub fn message(&self) -> &str {
        match self {
            MarshalError::Eof(m) | MarshalError::Value(m) | MarshalError::Type(m) => m,
        }
    }
    /// The name of the Python exception class to raise.
    pub fn python_type(&self) -> &'static str {
        match self {
            MarshalError::Eof(_) => "EOFError",
            MarshalError::Value(_) => "ValueError",
            MarshalError::Type(_) => "TypeError",
        }
    }
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.python_type(), self.message())
    }
}

impl std::error::Error for MarshalError {}

/// `marshal.loads`: reads one value; bytes after it are ignored.
pub fn loads(data: &[u8]) -> Result<MarshalValue, MarshalError> {
    load_prefix(data).map(|(v, _)| v)
}

/// Reads one value from the start of `data`; returns it and the bytes consumed.
pub fn load_prefix(data: &[u8]) -> Result<(MarshalValue, usize), MarshalError> {
    read::read_object(data)
}

/// `marshal.dumps(value, version)`.
pub fn dumps(value: &MarshalValue, version: u32) -> Result<Vec<u8>, MarshalError> {
    write::write_object(value, version)
}

/// Marshals a code object as a .pyc body (version 4). A code object built by the
/// compiler or loaded by `loads` always fits the format.
pub fn dumps_code(code: &CodeObject) -> Vec<u8> {
    write::write_code(code)
}

/// Loads data that must hold a code object (a .pyc body).
pub fn loads_code(data: &[u8]) -> Result<Rc<CodeObject>, MarshalError> {
    code_from_value(loads(data)?)
}

/// The code object inside a loaded value.
pub fn code_from_value(value: MarshalValue) -> Result<Rc<CodeObject>, MarshalError> {
    match value {
        MarshalValue::Code(code) => Ok(code),
        other => Err(MarshalError::Type(format!(
            "expected a code object, not '{}'",
            other.type_name()
        ))),
    }
}

impl From<&Const> for MarshalValue {
    fn from(c: &Const) -> Self {
        match c {
            Const::None => MarshalValue::None,
            Const::Ellipsis => MarshalValue::Ellipsis,
            Const::StopIteration => MarshalValue::StopIteration,
            Const::Bool(b) => MarshalValue::Bool(*b),
            Const::Int(i) => MarshalValue::Int(i.clone()),
            Const::Float(f) => MarshalValue::Float(*f),
            Const::Complex { real, imag } => MarshalValue::Complex {
                real: *real,
                imag: *imag,
            },
            Const::Str(s) => MarshalValue::Str(s.clone()),
            Const::Bytes(b) => MarshalValue::Bytes(b.clone()),
            Const::Tuple(items) => MarshalValue::Tuple(items.iter().map(Into::into).collect()),
            Const::FrozenSet(items) => {
                MarshalValue::FrozenSet(items.iter().map(Into::into).collect())
            }
            Const::Code(code) => MarshalValue::Code(code.clone()),
        }
    }
}

impl TryFrom<MarshalValue> for Const {
    type Error = MarshalError;

    /// Lists, dicts and sets are never constants of a code object.
    fn try_from(v: MarshalValue) -> Result<Self, MarshalError> {
        fn items(v: Vec<MarshalValue>) -> Result<Rc<[Const]>, MarshalError> {
            v.into_iter().map(Const::try_from).collect()
        }
        Ok(match v {
            MarshalValue::None => Const::None,
            MarshalValue::Ellipsis => Const::Ellipsis,
            MarshalValue::StopIteration => Const::StopIteration,
            MarshalValue::Bool(b) => Const::Bool(b),
            MarshalValue::Int(i) => Const::Int(i),
            MarshalValue::Float(f) => Const::Float(f),
            MarshalValue::Complex { real, imag } => Const::Complex { real, imag },
            MarshalValue::Str(s) => Const::Str(s),
            MarshalValue::Bytes(b) => Const::Bytes(b),
            MarshalValue::Tuple(v) => Const::Tuple(items(v)?),
            MarshalValue::FrozenSet(v) => Const::FrozenSet(items(v)?),
            MarshalValue::Code(c) => Const::Code(c),
            other @ (MarshalValue::List(_) | MarshalValue::Dict(_) | MarshalValue::Set(_)) => {
                return Err(MarshalError::Value(format!(
                    "bad marshal data (a {} cannot be a code object constant)",
                    other.type_name()
                )))
            }
        })
    }
}
