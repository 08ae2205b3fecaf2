//! `type.__subclasses__()` (CPython's `tp_subclasses`): every type object is
//! listed here in creation order, unowned, and leaves the list when freed;
//! a class's direct subclasses are the listed types naming it in `__bases__`,
//! so `__bases__` assignment needs no bookkeeping.

use crate::error::PyResult;
use crate::object::{ObjRef, PyObject};
use crate::objects::native::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

thread_local! {
    static TYPES: RefCell<Vec<*const PyObject>> = const { RefCell::new(Vec::new()) };
}

/// A type object was made (a builtin type or a class statement's).
pub(crate) fn register(ty: &ObjRef) {
    let _ = TYPES.try_with(|t| t.borrow_mut().push(ty.as_ptr()));
}

/// A type object is being freed.
pub(crate) fn forget(ptr: *const PyObject) {
    let _ = TYPES.try_with(|t| {
        let mut t = t.borrow_mut();
        if let Some(i) = t.iter().rposition(|&p| p == ptr) {
            t.remove(i);
        }
    });
}

/// `cls.__subclasses__()`.
pub(crate) fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args
        .args
        .first()
        .and_then(|v| v.as_obj())
        .filter(|o| o.payload_type_opt().is_some())
        .cloned()
    else {
        return Err(vm.type_error(
            "descriptor '__subclasses__' for 'type' objects doesn't apply to this object",
        ));
    };
    let given = args.args.len() - 1;
    if given != 0 {
        let name = cls.payload_type().name.get().clone();
        return Err(vm.type_error(format!(
            "{name}.__subclasses__() takes no arguments ({given} given)"
        )));
    }
    let all: Vec<*const PyObject> = TYPES.with(|t| t.borrow().clone());
    let mut out = Vec::new();
    for p in all {
        // SAFETY: listed types are alive (they leave the list when freed).
        let t = unsafe { ObjRef::from_raw_borrowed(p) };
        let direct = t
            .payload_type_opt()
            .is_some_and(|d| d.bases.get().iter().any(|b| b.is(&cls)));
        if direct {
            out.push(Value::Obj(t));
        }
    }
    Ok(vm.new_list(out))
}
