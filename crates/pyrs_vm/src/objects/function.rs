//! Function objects: code plus the globals, defaults and closure it runs with.
//! Reference: Objects/funcobject.c.

use crate::gil_cell::GilCell;
use crate::object::ObjRef;
use crate::objects::code::Code;
use crate::value::Value;
use std::rc::Rc;

pub struct Function {
    /// The `code` object (`__code__`), and its runtime form for the eval loop.
    pub code_obj: GilCell<ObjRef>,
    pub code: GilCell<Rc<Code>>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub name: GilCell<Value>,
    pub qualname: GilCell<Value>,
    pub module: GilCell<Value>,
    pub doc: GilCell<Value>,
    /// `__defaults__`: a tuple or None.
    pub defaults: GilCell<Value>,
    /// `__kwdefaults__`: a dict or None.
    pub kwdefaults: GilCell<Value>,
    /// `__closure__`: a tuple of cells or None.
    pub closure: GilCell<Value>,
    pub annotations: GilCell<Value>,
}
