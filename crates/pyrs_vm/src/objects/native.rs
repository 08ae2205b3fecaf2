//! Functions written in Rust (`builtin_function_or_method`), the argument view
//! they receive, and the table entries that declare them.

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// The state of an instance of a native module's class (`Payload::Native`).
/// The collector sees its references through `traverse` and breaks cycles
/// through `clear` (CPython's tp_traverse and tp_clear); the module's methods
/// reach the concrete type through `as_any`. Implementations keep mutable
/// state in `GilCell`s and follow their rule: copy values out before calling
/// anything that may run Python code.
pub trait NativeData: std::any::Any {
    fn as_any(&self) -> &dyn std::any::Any;
    /// Every value this object holds a reference to.
    fn traverse(&self, visit: &mut dyn FnMut(&Value));
    /// Give up every reference (moved into `garbage`, dropped later).
    fn clear(&self, garbage: &mut Vec<Value>);
}

/// Positional arguments followed by keyword values; `kwnames` names the last
/// `kwnames.len()` entries of `args` (CPython's vectorcall convention).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional(args: &'a [Value]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }
    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }
    /// Keyword arguments as (name, value) pairs.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let kw = &self.args[self.args.len() - self.kwnames.len()..];
        self.kwnames
            .iter()
            .map(|n| n.as_str().unwrap_or(""))
            .zip(kw.iter())
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
}

pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// A plain function (a builtin, or a method's unbound form): `args[0]` is self for methods.
    Method,
    /// Receives the class as `args[0]` (`classmethod`).
    Class,
    /// Receives no self (`staticmethod`).
    Static,
}

/// One entry of a builtin type's or native module's method table.
#[derive(Clone, Copy)]
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
}

impl MethodDef {
    pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Method,
        }
    }
    pub const fn classmethod(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Class,
        }
    }
    pub const fn staticmethod(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Static,
        }
    }
}

pub struct NativeFunction {
    pub def: MethodDef,
    /// The bound `self` (`__self__`): the module of a module function, or the
    /// instance of a bound builtin method. `None` for a method descriptor in a
    /// type's dict, which takes self as its first argument.
    pub self_: Option<Value>,
    /// The class a method descriptor belongs to (`__objclass__`).
    pub owner: Option<crate::object::ObjRef>,
}
