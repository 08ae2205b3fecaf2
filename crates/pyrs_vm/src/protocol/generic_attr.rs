//! Attribute access with the full descriptor protocol, for classes and their
//! instances: `PyObject_GenericGetAttr`/`SetAttr` (data descriptors before the
//! instance dict, non-data descriptors after), `type_getattro` (the
//! metaclass's data descriptors first), `__getattribute__`/`__getattr__`/
//! `__setattr__`/`__delattr__` overrides, and `super` lookups. `attr.rs` keeps
//! the fast paths for builtin objects and calls in here for the rest.
//! Reference: Objects/object.c `_PyObject_GenericGetAttrWithDict`,
//! Objects/typeobject.c `type_getattro`, `slot_tp_getattr_hook`.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::descriptor::is_python_defined;
use crate::protocol::dict::{dict_get_str, dict_get_str_hashed};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// `_PyType_Lookup` with the name's hash already computed.
fn lookup_type_hashed(ty: &ObjRef, name: &str, hash: i64) -> Option<Value> {
    let Payload::Type(t) = &ty.payload else {
        return None;
    };
    t.mro
        .get()
        .iter()
        .find_map(|base| dict_get_str_hashed(&base.payload_type().dict, name, hash))
}

thread_local! {
    /// Set by a builtin type's slot wrapper (`list.__getitem__` called on a
    /// subclass instance): the next override check answers "not overridden",
    /// so the builtin behaviour runs instead of re-entering the subclass.
    static BYPASS: Cell<bool> = const { Cell::new(false) };
}

fn bypass_next_override() {
    BYPASS.with(|b| b.set(true));
}

fn clear_bypass() {
    BYPASS.with(|b| b.set(false));
}

/// Run `f` (a builtin dunder's protocol call on a subclass instance) with
/// the next override check answering "not overridden", so it cannot
/// re-enter the method that called it through super().
pub fn without_override<T>(f: impl FnOnce() -> T) -> T {
    bypass_next_override();
    let r = f();
    clear_bypass();
    r
}

impl Vm {
    /// Whether `v`'s class (a class statement's) overrides special method
    /// `name` in Python, so the protocol must call it instead of the builtin
    /// behaviour of `v`'s payload.
    pub fn overrides(&self, v: &Value, name: &str) -> bool {
        let Some(o) = v.as_obj() else { return false };
        let ty = o.class();
        if !ty.payload_type().heap_type {
            return false;
        }
        if BYPASS.with(|b| b.replace(false)) {
            return false;
        }
        self.lookup_type(ty, name)
            .is_some_and(|m| is_python_defined(&m))
    }

    /// The part of `getattr` that `attr.rs` hands over: type objects, instances
    /// of classes, and the class machinery's own objects. `None`: not ours.
    pub fn class_getattr_hook(&mut self, v: &Value, name: &str) -> Option<PyResult<Option<Value>>> {
        let o = v.as_obj()?;
        match &o.payload {
            Payload::Type(_) => {
                let o = o.clone();
                return Some(self.type_getattro(&o, name));
            }
            Payload::Super(_) => {
                let o = o.clone();
                return Some(self.super_getattr(&o, name));
            }
            Payload::Property(_)
            | Payload::ClassMethod(_)
            | Payload::StaticMethod(_)
            | Payload::MemberDescr(_) => {
                let o = o.clone();
                if let Some(x) = self.descriptor_attr(&o, name) {
                    return Some(Ok(Some(x)));
                }
                // A subclass's own attributes come first.
                let ty = o.class().clone();
                if ty.payload_type().heap_type {
                    match self.heap_getattr(v, &ty, name) {
                        Ok(None) => {}
                        r => return Some(r),
                    }
                }
                // classmethod/staticmethod copy their function's metadata
                // (functools.update_wrapper-style, 3.10+), and are abstract
                // when it is.
                if let Payload::ClassMethod(f) | Payload::StaticMethod(f) = &o.payload {
                    let f = f.clone();
                    match name {
                        "__name__" | "__qualname__" | "__doc__" | "__module__"
                        | "__annotations__" => return Some(self.try_getattr(&f, name)),
                        "__isabstractmethod__" => {
                            return Some(match self.try_getattr(&f, name) {
                                Ok(None) => Ok(Some(Value::Bool(false))),
                                Ok(Some(x)) => self.is_true(&x).map(|b| Some(Value::Bool(b))),
                                Err(e) => Err(e),
                            })
                        }
                        _ => {}
                    }
                }
                // A property is abstract when any of its accessors is
                // (property_get___isabstractmethod__).
                if let (Payload::Property(p), "__isabstractmethod__") = (&o.payload, name) {
                    let fs = [p.fget.cloned(), p.fset.cloned(), p.fdel.cloned()];
                    for f in fs.iter().filter(|f| !matches!(f, Value::None)) {
                        match self.try_getattr(f, name) {
                            Ok(Some(x)) => match self.is_true(&x) {
                                Ok(true) => return Some(Ok(Some(Value::Bool(true)))),
                                Ok(false) => {}
                                Err(e) => return Some(Err(e)),
                            },
                            Ok(None) => {}
                            Err(e) => return Some(Err(e)),
                        }
                    }
                    return Some(Ok(Some(Value::Bool(false))));
                }
                if ty.payload_type().heap_type {
                    return Some(Ok(None));
                }
            }
            Payload::Function(f) if name == "__annotations__" => {
                let a = f.annotations.cloned();
                if matches!(a.payload(), Some(Payload::Dict(_))) {
                    return Some(Ok(Some(a)));
                }
                // MAKE_FUNCTION stores (name, value, ...) pairs; the dict is
                // made on first access, as func_get_annotations does.
                let d = self.new_dict();
                if let Some(items) = a.as_tuple() {
                    for kv in items.chunks(2) {
                        if let [k, v] = kv {
                            if let Err(e) = self.dict_set(&d, k.clone(), v.clone()) {
                                return Some(Err(e));
                            }
                        }
                    }
                }
                let d = Value::Obj(d);
                drop(f.annotations.replace(d.clone()));
                return Some(Ok(Some(d)));
            }
            Payload::Function(_) if name == "__dict__" => {
                let o = o.clone();
                return Some(Ok(Some(Value::Obj(self.instance_dict_of(&o)))));
            }
            Payload::BoundMethod { .. } => {
                let o = o.clone();
                return Some(self.bound_method_getattr(&o, name));
            }
            _ => {}
        }
        let ty = o.class().clone();
        if !ty.payload_type().heap_type {
            return None;
        }
        Some(self.heap_getattr(v, &ty, name))
    }

    /// `slot_tp_getattr_hook`: `__getattribute__` (or the generic lookup),
    /// then `__getattr__` when that raised AttributeError or found nothing.
    fn heap_getattr(&mut self, v: &Value, ty: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let cache = self.class_cache(ty);
        let ga = if cache.getattribute {
            self.lookup_type(ty, "__getattribute__")
        } else {
            None
        };
        let r = match ga {
            Some(ga) => {
                let n = self.new_str(name);
                self.call_method_value(&ga, v, &[n]).map(Some)
            }
            None => self.object_generic_getattr(v, name),
        };
        if !cache.getattr {
            return r;
        }
        let missing = match &r {
            Ok(None) => true,
            Err(e) => self.err_matches(e, &self.types().exc.attribute_error),
            Ok(Some(_)) => false,
        };
        if missing {
            if let Some(ga) = self.lookup_type(ty, "__getattr__") {
                let n = self.new_str(name);
                return self.call_method_value(&ga, v, &[n]).map(Some);
            }
        }
        r
    }

    /// `object.__getattribute__`: data descriptors on the type, then the
    /// instance dict, then the other attributes of the type.
    pub fn object_generic_getattr(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        let ty = self.type_of(v).clone();
        // One hash for the MRO walk and the instance dict.
        let hash = crate::objects::str::str_hash(name);
        let descr = lookup_type_hashed(&ty, name, hash);
        if let Some(d) = &descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d.clone(), Some(v), &ty).map(Some);
            }
        }
        if let Value::Obj(o) = v {
            if !matches!(o.payload, Payload::Type(_)) {
                if let Some(d) = o.dict.get().clone() {
                    if self.type_has_instance_dict(&ty) || !ty.payload_type().heap_type {
                        if let Some(x) = dict_get_str_hashed(&d, name, hash) {
                            return Ok(Some(x));
                        }
                    }
                }
                if name == "__dict__" && ty.payload_type().heap_type {
                    if self.type_has_instance_dict(&ty) {
                        return Ok(Some(Value::Obj(self.instance_dict_of(o))));
                    }
                    return Ok(None);
                }
            }
        }
        if let Some(d) = descr {
            return self.descr_get(d, Some(v), &ty).map(Some);
        }
        Ok(None)
    }

    /// The instance dict, made on first use.
    pub fn instance_dict_of(&self, o: &ObjRef) -> ObjRef {
        match o.dict.get().clone() {
            Some(d) => d,
            None => {
                let d = self.new_dict();
                *o.dict.get_mut() = Some(d.clone());
                d
            }
        }
    }

    /// `type_getattro`: the metaclass's data descriptors, then the class's
    /// MRO (descriptors called with no instance), then the metaclass's other
    /// attributes bound to the class.
    fn type_getattro(&mut self, cls: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let clsv = Value::Obj(cls.clone());
        let meta = cls.class().clone();
        let meta_attr = self.lookup_type(&meta, name);
        if let Some(ma) = &meta_attr {
            if self.is_data_descriptor(ma) {
                return self.descr_get(ma.clone(), Some(&clsv), &meta).map(Some);
            }
        }
        if name == "__doc__" && cls.payload_type().heap_type {
            if let Some(d) = dict_get_str(&cls.payload_type().dict, "__doc__") {
                return self.descr_get(d, None, cls).map(Some);
            }
        }
        if let Some(a) = self.lookup_type(cls, name) {
            return self.descr_get(a, None, cls).map(Some);
        }
        if let Some(ma) = meta_attr {
            return self.descr_get(ma, Some(&clsv), &meta).map(Some);
        }
        if meta.payload_type().heap_type {
            if let Some(ga) = self.lookup_type(&meta, "__getattr__") {
                let n = self.new_str(name);
                return self.call_method_value(&ga, &clsv, &[n]).map(Some);
            }
        }
        Ok(None)
    }

    /// The part of `setattr`/`delattr` that `attr.rs` hands over (`value` None
    /// is a delete): `Ok(true)` when done here.
    pub fn class_setattr_hook(
        &mut self,
        v: &Value,
        name: &str,
        value: &Option<Value>,
    ) -> PyResult<bool> {
        if name == "__class__" {
            self.set_class_attr(v, value.as_ref())?;
            return Ok(true);
        }
        let Some(o) = v.as_obj() else {
            return Ok(false);
        };
        if let Payload::Function(f) = &o.payload {
            self.function_setattr(o, f, name, value.clone())?;
            return Ok(true);
        }
        if let Payload::Type(t) = &o.payload {
            if !t.heap_type {
                return Ok(false);
            }
            // Any class attribute may be a special method.
            crate::objects::class_cache::invalidate_all();
            if name == "__abstractmethods__" {
                let abstract_ = match value {
                    Some(v) => self.is_true(v)?,
                    None => false,
                };
                t.cache.get_mut().abstract_ = abstract_;
            }
            let meta = o.class().clone();
            if let Some(d) = self.lookup_type(&meta, name) {
                if self.is_data_descriptor(&d) {
                    return self.descr_set(&d, v, value.clone());
                }
            }
            match (name, value) {
                ("__name__", Some(n)) => {
                    let Some(s) = n.as_str() else {
                        return Err(self.type_error(format!(
                            "can only assign string to {}.__name__, not '{}'",
                            t.name.get(),
                            self.type_name(n)
                        )));
                    };
                    *t.name.get_mut() = s.to_string();
                    return Ok(true);
                }
                ("__qualname__", Some(n)) => {
                    let Some(s) = n.as_str() else {
                        return Err(self.type_error(format!(
                            "can only assign string to {}.__qualname__, not '{}'",
                            t.name.get(),
                            self.type_name(n)
                        )));
                    };
                    *t.qualname.get_mut() = s.to_string();
                    return Ok(true);
                }
                _ => {}
            }
            return Ok(false);
        }
        let ty = o.class().clone();
        if !ty.payload_type().heap_type {
            return Ok(false);
        }
        let cache = self.class_cache(&ty);
        let (hook, overridden) = if value.is_some() {
            ("__setattr__", cache.setattr)
        } else {
            ("__delattr__", cache.delattr)
        };
        if !overridden {
            self.generic_setattr(v, name, value.clone())?;
            return Ok(true);
        }
        if let Some(m) = self.lookup_type(&ty, hook) {
            if is_python_defined(&m) {
                let n = self.new_str(name);
                let mut args = vec![n];
                args.extend(value.clone());
                self.call_method_value(&m, v, &args)?;
                return Ok(true);
            }
        }
        self.generic_setattr(v, name, value.clone())?;
        Ok(true)
    }

    /// `obj.__class__ = cls` (`object_set_class`): between classes whose
    /// instances have the same layout.
    fn set_class_attr(&mut self, v: &Value, value: Option<&Value>) -> PyResult<()> {
        let Some(new) = value else {
            return Err(self.type_error("can't delete __class__ attribute"));
        };
        let Some(new) = new
            .as_obj()
            .filter(|t| matches!(t.payload, Payload::Type(_)))
            .cloned()
        else {
            return Err(self.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_name(new)
            )));
        };
        let old = self.type_of(v).clone();
        let Some(o) = v
            .as_obj()
            .filter(|_| old.payload_type().heap_type && new.payload_type().heap_type)
        else {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        };
        let (nt, ot) = (new.payload_type(), old.payload_type());
        let same_layout = nt.base_kind == ot.base_kind
            && self.type_has_instance_dict(&new) == self.type_has_instance_dict(&old)
            && matches!(o.payload, Payload::Slots(_))
                == matches!(
                    self.new_object_instance(&new).payload(),
                    Some(Payload::Slots(_))
                );
        if !same_layout {
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                nt.name.get(),
                ot.name.get()
            )));
        }
        o.set_class(&new);
        Ok(())
    }

    /// `PyObject_GenericSetAttr`: a data descriptor on the type, else the
    /// instance dict (when the class has one).
    pub fn generic_setattr(&mut self, v: &Value, name: &str, value: Option<Value>) -> PyResult<()> {
        let ty = self.type_of(v).clone();
        if let Some(d) = self.lookup_type(&ty, name) {
            if self.descr_set(&d, v, value.clone())? {
                return Ok(());
            }
        }
        let Some(o) = v.as_obj() else {
            return Err(self.no_attribute(v, name));
        };
        let heap = ty.payload_type().heap_type;
        // Builtin state of exceptions and functions keeps its own setters.
        if heap
            && !matches!(o.payload, Payload::Instance | Payload::Slots(_))
            && !(name == "__dict__" && value.is_some())
        {
            let special = matches!(
                (&o.payload, name),
                (
                    Payload::Exception(_),
                    "args" | "__traceback__" | "__context__" | "__cause__" | "__suppress_context__"
                )
            );
            if special {
                let r = match value {
                    Some(val) => self.setattr_builtin(v, name, val),
                    None => Err(self.attribute_error(name.to_string())),
                };
                return r;
            }
        }
        if heap && !self.type_has_instance_dict(&ty) {
            return Err(self.attribute_error(format!(
                "'{}' object has no attribute '{}'",
                ty.payload_type().name.get(),
                name
            )));
        }
        if name == "__dict__" {
            if let Some(nd) = &value {
                if !matches!(nd.payload(), Some(Payload::Dict(_))) {
                    return Err(self.type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        self.type_name(nd)
                    )));
                }
                let old = o.dict.replace(nd.as_obj().cloned());
                drop(old);
                return Ok(());
            }
        }
        let d = self.instance_dict_of(o);
        match value {
            Some(val) => {
                crate::protocol::dict::dict_set_str_raw(self.types(), &d, name, val);
                Ok(())
            }
            None => {
                let key = self.new_str(name);
                if self.dict_del(&d, &key)?.is_none() {
                    return Err(self.no_attribute(v, name));
                }
                Ok(())
            }
        }
    }
}
