//! The `type` payload: name, bases, MRO and the type's own `__dict__`.
//! Builtin types are made from declarative tables in `runtime::types`.
//! Reference: Objects/typeobject.c.

use crate::gil_cell::GilCell;
use crate::object::ObjRef;

/// Which payload an instance of the type carries: the "solid base" of CPython.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseKind {
    Object,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    ByteArray,
    Complex,
    Exception,
    /// Instances are made only by the runtime (functions, frames, iterators...).
    NotInstantiable,
    /// `type` and metaclasses: instances are type objects.
    Type,
}

pub struct TypeData {
    pub name: GilCell<String>,
    pub qualname: GilCell<String>,
    pub bases: GilCell<Vec<ObjRef>>,
    /// The method resolution order, this type first.
    pub mro: GilCell<Vec<ObjRef>>,
    /// The type's namespace (a dict object): methods, class attributes.
    pub dict: ObjRef,
    pub base_kind: BaseKind,
    /// A class statement made it (CPython's Py_TPFLAGS_HEAPTYPE): its special
    /// methods may be Python functions, so the fast paths for builtins stop here.
    pub heap_type: bool,
    /// Whether a class statement may name it as a base (Py_TPFLAGS_BASETYPE).
    pub base_type: bool,
    /// Made by a native module (a static type of a C module in CPython):
    /// its `tp_name`, which messages show, includes the module.
    pub native_module: bool,
    /// What attribute access needs to know about a class, computed on first
    /// use (objects/class_cache.rs).
    pub cache: GilCell<crate::objects::class_cache::ClassCache>,
}
