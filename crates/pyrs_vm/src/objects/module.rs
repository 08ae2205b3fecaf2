//! Module objects: a name and a namespace dict. Reference: Objects/moduleobject.c.

use crate::object::ObjRef;

pub struct ModuleData {
    /// The module's `__dict__` (also its functions' globals).
    pub dict: ObjRef,
}
