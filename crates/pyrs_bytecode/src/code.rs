//! The code object as CPython 3.11 defines it (Objects/codeobject.c), in the form
//! the compiler builds, marshal reads and writes, and the VM loads from. Derived
//! views (`co_varnames`, `co_cellvars`, `co_freevars`, `co_nlocals`) are computed
//! from `co_localsplusnames` and `co_localspluskinds`, as CPython does.

use num_bigint::BigInt;
use std::rc::Rc;

/// `co_flags` bits (Include/cpython/code.h).
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x0001;
    pub const CO_NEWLOCALS: u32 = 0x0002;
    pub const CO_VARARGS: u32 = 0x0004;
    pub const CO_VARKEYWORDS: u32 = 0x0008;
    pub const CO_NESTED: u32 = 0x0010;
    pub const CO_GENERATOR: u32 = 0x0020;
    pub const CO_NOFREE: u32 = 0x0040;
    pub const CO_COROUTINE: u32 = 0x0080;
    pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
    pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
    /// `from __future__ import annotations`.
    pub const CO_FUTURE_ANNOTATIONS: u32 = 0x0100_0000;
}

/// `co_localspluskinds` bits (Include/internal/pycore_code.h).
pub mod kinds {
    pub const CO_FAST_LOCAL: u8 = 0x20;
    pub const CO_FAST_CELL: u8 = 0x40;
    pub const CO_FAST_FREE: u8 = 0x80;
}

/// A constant of `co_consts`: exactly the value kinds marshal can put there.
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Ellipsis,
    /// `StopIteration` appears in no 3.11 `co_consts`; marshal's `S` type exists for it.
    StopIteration,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Const]>),
    FrozenSet(Rc<[Const]>),
    Code(Rc<CodeObject>),
}

impl Const {
    /// Equality as `co_consts` de-duplication sees it (CPython's
    /// `_PyCode_ConstantKey`): the type matters (`1`, `1.0` and `True` differ) and
    /// floats compare by bits (`0.0` and `-0.0` differ, a NaN equals itself).
    pub fn same_key(&self, other: &Const) -> bool {
        match (self, other) {
            (Const::None, Const::None)
            | (Const::Ellipsis, Const::Ellipsis)
            | (Const::StopIteration, Const::StopIteration) => true,
            (Const::Bool(a), Const::Bool(b)) => a == b,
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (Const::Complex { real: a, imag: b }, Const::Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Const::Str(a), Const::Str(b)) => a == b,
            (Const::Bytes(a), Const::Bytes(b)) => a == b,
            (Const::Tuple(a), Const::Tuple(b)) | (Const::FrozenSet(a), Const::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_key(y))
            }
            (Const::Code(a), Const::Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A CPython 3.11 code object. Field names are CPython's.
#[derive(Clone, Debug)]
pub struct CodeObject {
    pub co_argcount: u32,
    pub co_posonlyargcount: u32,
    pub co_kwonlyargcount: u32,
    pub co_stacksize: u32,
    pub co_flags: u32,
    /// Instructions and inline cache entries, 2 bytes per code unit.
    pub co_code: Vec<u8>,
    pub co_consts: Vec<Const>,
    pub co_names: Vec<Rc<str>>,
    /// Locals, then cells that are not arguments, then free variables.
    pub co_localsplusnames: Vec<Rc<str>>,
    /// One `kinds::CO_FAST_*` mask per entry of `co_localsplusnames`.
    pub co_localspluskinds: Vec<u8>,
    pub co_filename: Rc<str>,
    pub co_name: Rc<str>,
    pub co_qualname: Rc<str>,
    pub co_firstlineno: u32,
    /// The 3.11 location table (see `linetable`).
    pub co_linetable: Vec<u8>,
    /// The 3.11 exception table (see `exception_table`).
    pub co_exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// `==` of code objects (code_richcompare): same name, signature, flags,
    /// first line, code, constants (by `Const::same_key`), names, locals and
    /// both tables. The stack size and file name do not count.
    pub fn same_code(&self, other: &CodeObject) -> bool {
        self.co_name == other.co_name
            && self.co_argcount == other.co_argcount
            && self.co_posonlyargcount == other.co_posonlyargcount
            && self.co_kwonlyargcount == other.co_kwonlyargcount
            && self.co_flags == other.co_flags
            && self.co_firstlineno == other.co_firstlineno
            && self.co_code == other.co_code
            && self.co_consts.len() == other.co_consts.len()
            && self
                .co_consts
                .iter()
                .zip(&other.co_consts)
                .all(|(a, b)| match (a, b) {
                    // Nested code compares by value here, not by identity.
                    (Const::Code(x), Const::Code(y)) => x.same_code(y),
                    _ => a.same_key(b),
                })
            && self.co_names == other.co_names
            && self.co_localsplusnames == other.co_localsplusnames
            && self.co_linetable == other.co_linetable
            && self.co_exceptiontable == other.co_exceptiontable
    }

    fn names_with(&self, pred: impl Fn(u8) -> bool) -> Vec<Rc<str>> {
        self.co_localsplusnames
            .iter()
            .zip(&self.co_localspluskinds)
            .filter(|(_, &k)| pred(k))
            .map(|(n, _)| n.clone())
            .collect()
    }
    /// Argument names and locals (a cell that is also an argument is listed here too).
    pub fn co_varnames(&self) -> Vec<Rc<str>> {
        self.names_with(|k| k & kinds::CO_FAST_LOCAL != 0)
    }
    pub fn co_cellvars(&self) -> Vec<Rc<str>> {
        self.names_with(|k| k & kinds::CO_FAST_CELL != 0)
    }
    pub fn co_freevars(&self) -> Vec<Rc<str>> {
        self.names_with(|k| k & kinds::CO_FAST_FREE != 0)
    }
    pub fn co_nlocals(&self) -> usize {
        self.co_localspluskinds
            .iter()
            .filter(|&&k| k & kinds::CO_FAST_LOCAL != 0)
            .count()
    }
    pub fn co_nlocalsplus(&self) -> usize {
        self.co_localsplusnames.len()
    }
    /// The argument count including `*args` and `**kwargs` slots.
    pub fn total_args(&self) -> usize {
        let mut n = (self.co_argcount + self.co_kwonlyargcount) as usize;
        if self.co_flags & flags::CO_VARARGS != 0 {
            n += 1;
        }
        if self.co_flags & flags::CO_VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}
