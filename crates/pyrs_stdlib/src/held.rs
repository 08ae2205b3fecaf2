//! Instances of native classes whose whole state is one Python value (a
//! tuple, or a list when it changes), held in a `Payload::Native`: the
//! objects of `_sre` and `_struct`. Keeping the state as Python values lets
//! the collector see it without per-class traversal code. Also the
//! read-only attributes those classes define as properties over getters.

use crate::native::{new_instance, Refs};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::descriptor::PropertyData;
use pyrs_vm::objects::native::{MethodDef, NativeFn, NativeFunction};
use pyrs_vm::protocol::dict_set_str_raw;
use pyrs_vm::{ObjRef, Value, Vm};

pub struct Held(pub Value);

impl Refs for Held {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.0)
    }
}

/// A new instance of `cls` holding `state`.
pub fn new_held(cls: &ObjRef, state: Value) -> Value {
    new_instance(cls, Held(state))
}

/// The value `v` holds, if `v` is an instance of class `cls` (or of a
/// subclass whose instances were made by `cls`'s `__new__`).
pub fn held(vm: &Vm, v: &Value, cls: &ObjRef) -> Option<Value> {
    if !pyrs_vm::vm::is_subtype(vm.type_of(v), cls) {
        return None;
    }
    match v.payload() {
        Some(Payload::Native(n)) => n
            .as_any()
            .downcast_ref::<crate::native::State<Held>>()
            .and_then(|s| s.0.get().as_ref().map(|h| h.0.clone())),
        _ => None,
    }
}

/// Put read-only attributes into class `ty`: properties over native getters
/// (CPython's getset descriptors).
pub fn add_getters(vm: &Vm, ty: &ObjRef, getters: &[(&'static str, NativeFn)]) {
    let t = vm.types();
    let dict = &ty.payload_type().dict;
    for &(name, func) in getters {
        let f = ObjRef::new(
            &t.builtin_function,
            Payload::NativeFunction(NativeFunction {
                def: MethodDef::method(name, func),
                self_: None,
                owner: Some(ty.clone()),
            }),
        );
        let prop = ObjRef::new(
            &t.class.property,
            Payload::Property(Box::new(PropertyData::new(
                Value::Obj(f),
                Value::None,
                Value::None,
                Value::None,
                vm.new_str(name),
            ))),
        );
        dict_set_str_raw(t, dict, name, Value::Obj(prop));
    }
}
