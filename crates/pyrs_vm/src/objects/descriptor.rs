//! The descriptor types a class body uses: `property`, `classmethod`,
//! `staticmethod`, the member descriptors `__slots__` makes, and `super`; plus
//! the descriptor protocol itself (`__get__`/`__set__`/`__delete__` on any
//! object), which attribute lookup calls.
//! Reference: Objects/descrobject.c (property, member), Objects/funcobject.c
//! (classmethod, staticmethod), Objects/typeobject.c (super).

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::objects::type_::BaseKind;
use crate::runtime::types::{add_methods, new_type, Types};
use crate::value::Value;
use crate::vm::Vm;

/// The types defined here, made at start-up with the other builtin types.
pub struct ClassTypes {
    pub property: ObjRef,
    pub classmethod: ObjRef,
    pub staticmethod: ObjRef,
    pub super_: ObjRef,
    pub member_descriptor: ObjRef,
    pub getset_descriptor: ObjRef,
    /// The sequence iterator of the `__getitem__` protocol (CPython's `iterator`).
    pub seq_iterator: ObjRef,
}

impl ClassTypes {
    pub fn new(meta: &ObjRef, dict: &ObjRef, object: &ObjRef) -> ClassTypes {
        let t = |name: &str| new_type(meta, dict, name, Some(object), BaseKind::Object, false);
        ClassTypes {
            property: new_type(meta, dict, "property", Some(object), BaseKind::Object, true),
            classmethod: new_type(
                meta,
                dict,
                "classmethod",
                Some(object),
                BaseKind::Object,
                true,
            ),
            staticmethod: new_type(
                meta,
                dict,
                "staticmethod",
                Some(object),
                BaseKind::Object,
                true,
            ),
            super_: t("super"),
            member_descriptor: t("member_descriptor"),
            getset_descriptor: t("getset_descriptor"),
            seq_iterator: t("iterator"),
        }
    }
}

pub struct PropertyData {
    // Cells because `property.__init__` may run again on a subclass instance.
    pub fget: GilCell<Value>,
    pub fset: GilCell<Value>,
    pub fdel: GilCell<Value>,
    pub doc: GilCell<Value>,
    /// Set by `__set_name__`, for the "has no setter" messages.
    pub name: GilCell<Value>,
}

impl PropertyData {
    pub fn new(fget: Value, fset: Value, fdel: Value, doc: Value, name: Value) -> PropertyData {
        PropertyData {
            fget: GilCell::new(fget),
            fset: GilCell::new(fset),
            fdel: GilCell::new(fdel),
            doc: GilCell::new(doc),
            name: GilCell::new(name),
        }
    }
}

/// A bound `super` object: look up after `thisclass` in `obj_type`'s MRO.
pub struct SuperData {
    pub thisclass: ObjRef,
    /// The instance (or class) the found attributes bind to; None when unbound.
    pub obj: Value,
    pub obj_type: Option<ObjRef>,
}

/// A descriptor a class statement adds for its instances' storage: one
/// `__slots__` entry (`member_descriptor`), or the `__dict__`/`__weakref__`
/// attributes (`getset_descriptor`).
pub struct MemberDescr {
    pub name: String,
    pub owner: ObjRef,
    pub kind: MemberKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MemberKind {
    /// The index in a `Payload::Slots` instance (or, for instances of
    /// builtin-based classes, a key in the instance's storage dict).
    Slot(usize),
    Dict,
    Weakref,
    /// `object.__class__`.
    Class,
    /// Field `i` of a struct sequence (objects/structseq.rs), read-only.
    Field(usize),
    /// An attribute a builtin payload answers itself (`function.__code__`):
    /// the descriptor in the type's dict lets `FunctionType.__code__` and
    /// `vars(FunctionType)` see it, as in CPython.
    Builtin,
}

const PROPERTY_INIT: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", property_new),
    MethodDef::method("__init__", property_init),
];

const PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef::method("getter", property_getter),
    MethodDef::method("setter", property_setter),
    MethodDef::method("deleter", property_deleter),
    MethodDef::method("__get__", descr_get_method),
    MethodDef::method("__set__", descr_set_method),
    MethodDef::method("__delete__", descr_delete_method),
    MethodDef::method("__set_name__", property_set_name),
];

const WRAPPER_METHODS: &[MethodDef] = &[
    MethodDef::method("__get__", descr_get_method),
    MethodDef::staticmethod("__new__", wrapper_new),
    MethodDef::method("__init__", wrapper_init),
];

/// Functions are descriptors too, and callables expose `__call__`.
const FUNCTION_METHODS: &[MethodDef] = &[
    MethodDef::method("__get__", descr_get_method),
    MethodDef::method("__call__", call_self),
];

const SEQ_ITER_METHODS: &[MethodDef] = &[
    MethodDef::method("__next__", seq_iter_next),
    MethodDef::method("__iter__", seq_iter_iter),
];

pub fn install(types: &Types) {
    let c = &types.class;
    let class_attr = MemberDescr {
        name: "__class__".into(),
        owner: types.object.clone(),
        kind: MemberKind::Class,
    };
    let d = ObjRef::new(
        &c.getset_descriptor,
        Payload::MemberDescr(Box::new(class_attr)),
    );
    crate::protocol::dict_set_str_raw(
        types,
        &types.object.payload_type().dict,
        "__class__",
        Value::Obj(d),
    );
    // types.py takes GetSetDescriptorType and MemberDescriptorType from these.
    for (name, descr_type) in [
        ("__code__", &c.getset_descriptor),
        ("__defaults__", &c.getset_descriptor),
        ("__kwdefaults__", &c.getset_descriptor),
        ("__annotations__", &c.getset_descriptor),
        ("__name__", &c.getset_descriptor),
        ("__qualname__", &c.getset_descriptor),
        ("__globals__", &c.member_descriptor),
        ("__closure__", &c.member_descriptor),
        ("__builtins__", &c.member_descriptor),
    ] {
        let m = MemberDescr {
            name: name.into(),
            owner: types.function.clone(),
            kind: MemberKind::Builtin,
        };
        let d = ObjRef::new(descr_type, Payload::MemberDescr(Box::new(m)));
        crate::protocol::dict_set_str_raw(
            types,
            &types.function.payload_type().dict,
            name,
            Value::Obj(d),
        );
    }
    add_methods(types, &c.property, PROPERTY_METHODS);
    add_methods(types, &c.property, PROPERTY_INIT);
    add_methods(types, &c.classmethod, WRAPPER_METHODS);
    add_methods(types, &c.staticmethod, WRAPPER_METHODS);
    add_methods(types, &c.member_descriptor, PROPERTY_METHODS[3..6].as_ref());
    add_methods(types, &c.getset_descriptor, PROPERTY_METHODS[3..6].as_ref());
    add_methods(types, &c.seq_iterator, SEQ_ITER_METHODS);
    add_methods(types, &types.function, FUNCTION_METHODS);
    add_methods(types, &types.method, &FUNCTION_METHODS[1..]);
    add_methods(types, &types.builtin_function, &FUNCTION_METHODS[1..]);
}

/// Whether a found attribute is a class's own definition rather than one of
/// the builtin types' native methods (which the protocol fast paths already
/// implement). The native methods of a native module's class (a heap type,
/// see `runtime::types::new_module_class`) count as the class's own: no fast
/// path knows them.
pub fn is_python_defined(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::NativeFunction(nf)) => nf
            .owner
            .as_ref()
            .is_some_and(|o| matches!(&o.payload, Payload::Type(t) if t.heap_type)),
        _ => true,
    }
}

impl Vm {
    /// A method descriptor of `owner` called unbound: its first argument must
    /// be an instance of `owner` (CPython's descr_check / wrapperdescr_call).
    pub fn check_descriptor_self(
        &self,
        name: &str,
        owner: &ObjRef,
        first: Option<&Value>,
    ) -> PyResult<()> {
        // Every call of a native method passes here: the owner's name (a
        // String and a dict lookup) is made only for the error.
        let oname = || crate::runtime::types::tp_name(owner);
        let dunder = name.starts_with("__") && name.ends_with("__");
        let Some(first) = first else {
            let oname = oname();
            // _PyType_Name: the name without the module.
            let short = owner.payload_type().name.get();
            return Err(self.type_error(if dunder {
                format!("descriptor '{name}' of '{oname}' object needs an argument")
            } else {
                format!("unbound method {short}.{name}() needs an argument")
            }));
        };
        if crate::vm::is_subtype(self.type_of(first), owner) {
            return Ok(());
        }
        let tn = self.type_name(first);
        let oname = oname();
        Err(self.type_error(if dunder {
            format!("descriptor '{name}' requires a '{oname}' object but received a '{tn}'")
        } else {
            format!("descriptor '{name}' for '{oname}' objects doesn't apply to a '{tn}' object")
        }))
    }

    /// `property(fget=None, fset=None, fdel=None, doc=None)` and friends;
    /// `cls` is the class or a subclass of it.
    pub fn new_descriptor_object(&mut self, cls: &ObjRef, args: Args) -> PyResult<Value> {
        let c = &self.types().class;
        if cls.is(&c.property) {
            let names = PROPERTY_ARGS;
            let vals = bind_simple(self, "property", &names, args)?;
            let mut it = vals.into_iter();
            let mut next = || it.next().flatten().unwrap_or(Value::None);
            let (fget, fset, fdel, mut doc) = (next(), next(), next(), next());
            if matches!(doc, Value::None) && !matches!(fget, Value::None) {
                doc = self
                    .try_getattr(&fget, "__doc__")
                    .ok()
                    .flatten()
                    .unwrap_or(Value::None);
            }
            let data = PropertyData::new(fget, fset, fdel, doc, Value::None);
            return Ok(Value::Obj(ObjRef::new(
                cls,
                Payload::Property(Box::new(data)),
            )));
        }
        let which = if crate::vm::is_subtype(cls, &c.classmethod) {
            "classmethod"
        } else {
            "staticmethod"
        };
        if args.has_kwargs() {
            return Err(self.type_error(format!("{which}() takes no keyword arguments")));
        }
        let [f] = args.pos() else {
            return Err(self.type_error(format!(
                "{which} expected 1 argument, got {}",
                args.pos().len()
            )));
        };
        let payload = if which == "classmethod" {
            Payload::ClassMethod(f.clone())
        } else {
            Payload::StaticMethod(f.clone())
        };
        Ok(Value::Obj(ObjRef::new(cls, payload)))
    }

    /// Whether `d` (an attribute found on a type) is a data descriptor: its
    /// type defines `__set__` or `__delete__`.
    pub fn is_data_descriptor(&self, d: &Value) -> bool {
        match d.payload() {
            Some(Payload::Property(_) | Payload::MemberDescr(_)) => true,
            Some(
                Payload::Function(_)
                | Payload::NativeFunction(_)
                | Payload::ClassMethod(_)
                | Payload::StaticMethod(_)
                | Payload::Str(_)
                | Payload::Int(_)
                | Payload::Tuple(_)
                | Payload::Dict(_)
                | Payload::List(_),
            )
            | None => false,
            Some(_) => {
                let ty = self.type_of(d);
                ty.payload_type().heap_type
                    && (self.lookup_type(ty, "__set__").is_some()
                        || self.lookup_type(ty, "__delete__").is_some())
            }
        }
    }

    /// `d.__get__(obj, ty)`: what an attribute `d` found on type `ty` becomes
    /// when looked up through `obj` (None: through the class itself).
    pub fn descr_get(&mut self, d: Value, obj: Option<&Value>, ty: &ObjRef) -> PyResult<Value> {
        match d.payload() {
            Some(Payload::Function(_)) => Ok(match obj {
                Some(o) => self.bind(d.clone(), o),
                None => d,
            }),
            Some(Payload::NativeFunction(_)) => Ok(match obj {
                Some(o) => self.bind(d.clone(), o),
                None => self.bind_native_to_class(d, ty),
            }),
            // A classmethod wrapping another descriptor (a property) binds
            // that to the class (3.9-3.12 behaviour).
            Some(Payload::ClassMethod(f))
                if (matches!(f.payload(), Some(Payload::Property(_)))
                    || f.as_obj().is_some_and(|o| {
                        o.class().payload_type().heap_type
                            && self.lookup_type(o.class(), "__get__").is_some()
                    }))
                    && !self.overrides(&d, "__get__") =>
            {
                let f = f.clone();
                let tyv = Value::Obj(ty.clone());
                self.descr_get(f, Some(&tyv), ty)
            }
            Some(Payload::ClassMethod(f)) if !self.overrides(&d, "__get__") => {
                Ok(Value::Obj(ObjRef::new(
                    &self.types().method,
                    Payload::BoundMethod {
                        func: f.clone(),
                        self_: Value::Obj(ty.clone()),
                    },
                )))
            }
            Some(Payload::StaticMethod(f)) if !self.overrides(&d, "__get__") => Ok(f.clone()),
            Some(Payload::Property(p)) if !self.overrides(&d, "__get__") => {
                let Some(o) = obj else { return Ok(d) };
                if matches!(p.fget.get(), Value::None) {
                    return Err(self.property_error(&d, o, "getter"));
                }
                let fget = p.fget.cloned();
                self.call(&fget, std::slice::from_ref(o))
            }
            Some(Payload::MemberDescr(m)) => {
                let Some(o) = obj else { return Ok(d) };
                if !crate::vm::is_subtype(self.type_of(o), &m.owner) {
                    return Err(self.type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        m.name,
                        crate::runtime::types::tp_name(&m.owner),
                        self.type_name(o)
                    )));
                }
                let index = match m.kind {
                    MemberKind::Slot(i) => i,
                    MemberKind::Field(i) => {
                        return o
                            .as_obj()
                            .and_then(|obj| crate::objects::structseq::field(obj, i, &m.name))
                            .ok_or_else(|| self.no_attribute(o, &m.name));
                    }
                    MemberKind::Builtin => {
                        let (o, name) = (o.clone(), m.name.clone());
                        return self
                            .special_attr(&o, &name)?
                            .ok_or_else(|| self.no_attribute(&o, &name));
                    }
                    MemberKind::Weakref => return Ok(Value::None),
                    MemberKind::Class => return Ok(Value::Obj(self.type_of(o).clone())),
                    MemberKind::Dict => {
                        return match o.as_obj() {
                            Some(obj) => Ok(Value::Obj(self.instance_dict_of(obj))),
                            None => Err(self.no_attribute(o, "__dict__")),
                        }
                    }
                };
                if let Some(Payload::Slots(s)) = o.payload() {
                    return match s.get().get(index) {
                        Some(v) if !v.is_null() => Ok(v.clone()),
                        _ => Err(self.no_attribute(o, &m.name)),
                    };
                }
                let stored = o
                    .as_obj()
                    .and_then(|o| o.dict.get().clone())
                    .and_then(|s| crate::protocol::dict::dict_get_str(&s, &m.name));
                stored.ok_or_else(|| self.no_attribute(o, &m.name))
            }
            Some(_) => {
                let dt = self.type_of(&d).clone();
                if !dt.payload_type().heap_type {
                    return Ok(d);
                }
                let Some(get) = self.lookup_type(&dt, "__get__") else {
                    return Ok(d);
                };
                let inst = obj.cloned().unwrap_or(Value::None);
                self.call_method_value(&get, &d, &[inst, Value::Obj(ty.clone())])
            }
            None => Ok(d),
        }
    }

    /// A native method descriptor looked up on its class: class methods bind
    /// to the class, the others stay unbound.
    fn bind_native_to_class(&self, d: Value, ty: &ObjRef) -> Value {
        match d.payload() {
            Some(Payload::NativeFunction(nf))
                if nf.self_.is_none()
                    && nf.def.kind == crate::objects::native::MethodKind::Class =>
            {
                Value::Obj(ObjRef::new(
                    &self.types().builtin_function,
                    Payload::NativeFunction(crate::objects::native::NativeFunction {
                        def: nf.def,
                        self_: Some(Value::Obj(ty.clone())),
                        owner: nf.owner.clone(),
                    }),
                ))
            }
            _ => d,
        }
    }

    /// `d.__set__(obj, value)`, or `d.__delete__(obj)` when `value` is None.
    /// `Ok(false)` when `d` is not a data descriptor.
    pub fn descr_set(&mut self, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<bool> {
        let hook = if value.is_some() {
            "__set__"
        } else {
            "__delete__"
        };
        match d.payload() {
            Some(Payload::Property(p)) if !self.overrides(d, hook) => {
                let (f, what) = match &value {
                    Some(_) => (p.fset.cloned(), "setter"),
                    None => (p.fdel.cloned(), "deleter"),
                };
                if matches!(f, Value::None) {
                    return Err(self.property_error(d, obj, what));
                }
                let mut args = vec![obj.clone()];
                args.extend(value);
                self.call(&f, &args)?;
                Ok(true)
            }
            Some(Payload::MemberDescr(m)) => {
                if m.kind == MemberKind::Class {
                    return self
                        .setattr(obj, "__class__", value.unwrap_or(Value::None))
                        .map(|_| true);
                }
                let Some(o) = obj.as_obj() else {
                    return Ok(false);
                };
                let index = match m.kind {
                    MemberKind::Slot(i) => i,
                    MemberKind::Class | MemberKind::Builtin => return Ok(false),
                    MemberKind::Field(_) => {
                        return Err(self.attribute_error("readonly attribute"));
                    }
                    MemberKind::Weakref => {
                        return Err(self.attribute_error(format!(
                            "attribute '__weakref__' of '{}' objects is not writable",
                            m.owner.payload_type().name.get()
                        )))
                    }
                    MemberKind::Dict => {
                        let Some(nd) = value
                            .as_ref()
                            .and_then(|v| v.as_obj())
                            .filter(|d| matches!(d.payload, Payload::Dict(_)))
                        else {
                            return Err(match &value {
                                None => self.type_error("cannot delete __dict__"),
                                Some(v) => self.type_error(format!(
                                    "__dict__ must be set to a dictionary, not a '{}'",
                                    self.type_name(v)
                                )),
                            });
                        };
                        drop(o.dict.replace(Some(nd.clone())));
                        return Ok(true);
                    }
                };
                if let Payload::Slots(s) = &o.payload {
                    let old = match s.get_mut().get_mut(index) {
                        Some(slot) => {
                            if value.is_none() && slot.is_null() {
                                return Err(self.no_attribute(obj, &m.name));
                            }
                            std::mem::replace(slot, value.unwrap_or(Value::Null))
                        }
                        None => return Err(self.system_error("slot index out of range")),
                    };
                    drop(old);
                    return Ok(true);
                }
                let name = m.name.clone();
                let storage = match o.dict.get().clone() {
                    Some(s) => s,
                    None => {
                        let s = self.new_dict();
                        *o.dict.get_mut() = Some(s.clone());
                        s
                    }
                };
                match value {
                    Some(v) => {
                        crate::protocol::dict::dict_set_str_raw(self.types(), &storage, &name, v)
                    }
                    None => {
                        let key = self.new_str(name.as_str());
                        if self.dict_del(&storage, &key)?.is_none() {
                            return Err(self.attribute_error(name));
                        }
                    }
                }
                Ok(true)
            }
            Some(
                Payload::Function(_)
                | Payload::NativeFunction(_)
                | Payload::ClassMethod(_)
                | Payload::StaticMethod(_),
            )
            | None => Ok(false),
            Some(_) => {
                let dt = self.type_of(d).clone();
                if !dt.payload_type().heap_type {
                    return Ok(false);
                }
                let name = if value.is_some() {
                    "__set__"
                } else {
                    "__delete__"
                };
                match self.lookup_type(&dt, name) {
                    Some(m) => {
                        let mut args = vec![obj.clone()];
                        args.extend(value);
                        self.call_method_value(&m, d, &args)?;
                        Ok(true)
                    }
                    None => {
                        let other = if value.is_some() {
                            "__delete__"
                        } else {
                            "__set__"
                        };
                        if self.lookup_type(&dt, other).is_some() {
                            return Err(self.attribute_error(name));
                        }
                        Ok(false)
                    }
                }
            }
        }
    }

    fn property_error(&self, prop: &Value, obj: &Value, what: &str) -> crate::error::PyErr {
        let name = match prop.payload() {
            Some(Payload::Property(p)) => p.name.cloned(),
            _ => Value::None,
        };
        let tn = self.type_name(obj);
        match name.as_str() {
            Some(n) => self.attribute_error(format!(
                "property {} of '{tn}' object has no {what}",
                crate::objects::str::repr(n)
            )),
            None => self.attribute_error(format!("property of '{tn}' object has no {what}")),
        }
    }

    /// `super(type, obj)` and the zero-argument form, which reads `__class__`
    /// and the first argument of the calling function's frame.
    pub fn new_super(&mut self, args: Args) -> PyResult<Value> {
        if args.has_kwargs() {
            return Err(self.type_error("super() takes no keyword arguments"));
        }
        let pos = args.pos();
        let (thisclass, obj) = match pos {
            [] => self.super_from_frame()?,
            [t] => (t.clone(), Value::None),
            [t, o] => (t.clone(), o.clone()),
            _ => {
                return Err(self.type_error(format!(
                    "super() expected at most 2 arguments, got {}",
                    pos.len()
                )))
            }
        };
        let Some(thisclass) = thisclass
            .as_obj()
            .filter(|t| matches!(t.payload, Payload::Type(_)))
            .cloned()
        else {
            return Err(self.type_error(format!(
                "super() argument 1 must be a type, not {}",
                self.type_name(&thisclass)
            )));
        };
        let obj_type = if matches!(obj, Value::None) {
            None
        } else {
            Some(self.super_check(&thisclass, &obj)?)
        };
        let data = SuperData {
            thisclass,
            obj,
            obj_type,
        };
        Ok(Value::Obj(ObjRef::new(
            &self.types().class.super_,
            Payload::Super(Box::new(data)),
        )))
    }

    /// The type whose MRO a `super(thisclass, obj)` searches (`supercheck`).
    fn super_check(&self, thisclass: &ObjRef, obj: &Value) -> PyResult<ObjRef> {
        if let Some(o) = obj.as_obj() {
            if matches!(o.payload, Payload::Type(_)) && crate::vm::is_subtype(o, thisclass) {
                return Ok(o.clone());
            }
        }
        let ty = self.type_of(obj);
        if crate::vm::is_subtype(ty, thisclass) {
            return Ok(ty.clone());
        }
        Err(self
            .type_error("super(type, obj): obj must be an instance or subtype of type".to_string()))
    }

    fn super_from_frame(&mut self) -> PyResult<(Value, Value)> {
        let Some(f) = self.frames.last() else {
            return Err(self.runtime_error("super(): no current frame"));
        };
        let co = &f.code.co;
        if co.co_argcount == 0 && co.co_flags & pyrs_bytecode::code::flags::CO_VARARGS == 0 {
            return Err(self.runtime_error("super(): no arguments"));
        }
        let mut first = f.fast.first().cloned().unwrap_or(Value::Null);
        // A `self` captured by a closure lives in a cell made by MAKE_CELL.
        if let Some(Payload::Cell(c)) = first.payload() {
            let first_is_cell = co
                .co_cellvars()
                .iter()
                .any(|n| Some(&**n) == co.co_localsplusnames.first().map(|s| &**s));
            if first_is_cell {
                first = c.cloned();
            }
        }
        if first.is_null() {
            return Err(self.runtime_error("super(): arg[0] deleted"));
        }
        let free = co.co_freevars();
        let Some(pos) = free.iter().position(|n| &**n == "__class__") else {
            return Err(self.runtime_error("super(): __class__ cell not found"));
        };
        let ix = f.code.nlocalsplus - free.len() + pos;
        let cls = match f.fast.get(ix).and_then(|c| c.payload()) {
            Some(Payload::Cell(c)) => c.cloned(),
            _ => Value::Null,
        };
        if cls.is_null() {
            return Err(self.runtime_error("super(): empty __class__ cell"));
        }
        if !matches!(cls.payload(), Some(Payload::Type(_))) {
            return Err(self.runtime_error("super(): __class__ is not a type"));
        }
        Ok((cls, first))
    }

    /// Attribute lookup on a super object: the MRO of `obj_type` after `thisclass`.
    pub fn super_getattr(&mut self, sup: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let Payload::Super(s) = &sup.payload else {
            return Ok(None);
        };
        if let (Some(start), true) = (&s.obj_type, name != "__class__") {
            let mro = start.payload_type().mro.cloned();
            let skip = mro
                .iter()
                .position(|t| t.is(&s.thisclass))
                .map_or(mro.len(), |i| i + 1);
            for t in &mro[skip..] {
                let found = crate::protocol::dict::dict_get_str(&t.payload_type().dict, name);
                if let Some(found) = found {
                    let obj = s.obj.clone();
                    let inst = if obj.as_obj().is_some_and(|o| o.is(start)) {
                        None
                    } else {
                        Some(&obj)
                    };
                    let start = start.clone();
                    return self.descr_get(found, inst, &start).map(Some);
                }
            }
        }
        match name {
            "__thisclass__" => Ok(Some(Value::Obj(s.thisclass.clone()))),
            "__self__" => Ok(Some(s.obj.clone())),
            "__self_class__" => Ok(Some(s.obj_type.clone().map_or(Value::None, Value::Obj))),
            _ => {
                let ty = self.types().class.super_.clone();
                match self.lookup_type(&ty, name) {
                    Some(d) => self
                        .descr_get(d, Some(&Value::Obj(sup.clone())), &ty)
                        .map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    /// The repr of the descriptor objects defined here.
    pub fn descriptor_repr(&mut self, o: &ObjRef) -> PyResult<Option<String>> {
        Ok(Some(match &o.payload {
            Payload::Super(s) => {
                let tn = s.thisclass.payload_type().name.cloned();
                match &s.obj_type {
                    Some(t) => format!(
                        "<super: <class '{tn}'>, <{} object>>",
                        t.payload_type().name.get()
                    ),
                    None => format!("<super: <class '{tn}'>, NULL>"),
                }
            }
            Payload::MemberDescr(m) => format!(
                "<{} '{}' of '{}' objects>",
                if matches!(m.kind, MemberKind::Slot(_))
                    || o.class().is(&self.types().class.member_descriptor)
                {
                    "member"
                } else {
                    "attribute"
                },
                m.name,
                m.owner.payload_type().name.get()
            ),
            Payload::ClassMethod(f) | Payload::StaticMethod(f) => {
                let f = f.clone();
                let kind = o.class().payload_type().name.cloned();
                self.enter_recursive_call("")?;
                let r = self.repr_string(&f);
                self.leave_native_recursion();
                format!("<{kind}({})>", r?)
            }
            _ => return Ok(None),
        }))
    }

    /// Attributes of the descriptor objects (`fget`, `__func__`, ...).
    pub fn descriptor_attr(&mut self, o: &ObjRef, name: &str) -> Option<Value> {
        match (&o.payload, name) {
            (Payload::Property(p), "fget") => Some(p.fget.cloned()),
            (Payload::Property(p), "fset") => Some(p.fset.cloned()),
            (Payload::Property(p), "fdel") => Some(p.fdel.cloned()),
            (Payload::Property(p), "__doc__") => Some(p.doc.cloned()),
            (Payload::ClassMethod(f) | Payload::StaticMethod(f), "__func__" | "__wrapped__") => {
                Some(f.clone())
            }
            (Payload::MemberDescr(m), "__name__") => Some(self.new_str(m.name.as_str())),
            (Payload::MemberDescr(m), "__objclass__") => Some(Value::Obj(m.owner.clone())),
            _ => None,
        }
    }
}

/// Bind up to `names.len()` arguments given by position or keyword.
fn bind_simple(vm: &Vm, fname: &str, names: &[&str], args: Args) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos();
    if pos.len() > names.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} arguments ({} given)",
            names.len(),
            pos.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
            Some(_) => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    names.iter().position(|n| *n == k).unwrap_or(0) + 1
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    Ok(out)
}

const PROPERTY_ARGS: [&str; 4] = ["fget", "fset", "fdel", "doc"];

/// `classmethod.__new__(cls, f)` / `staticmethod.__new__(cls, f)`: how a
/// subclass's instances are made (the wrapped function is fixed here, so
/// `__init__` has nothing left to do).
fn wrapper_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first().and_then(|c| c.as_obj()) {
        Some(c) if matches!(c.payload, Payload::Type(_)) => c.clone(),
        _ => return Err(vm.type_error("__new__(X): X is not a type object")),
    };
    let rest = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    vm.new_descriptor_object(&cls, rest)
}

fn wrapper_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `property.__new__(cls, ...)`: an empty property for `property.__init__`
/// (a subclass's instances are made this way).
fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first().and_then(|c| c.as_obj()) {
        Some(c) if crate::vm::is_subtype(c, &vm.types().class.property) => c.clone(),
        _ => return Err(vm.type_error("property.__new__(X): X is not a subtype of property")),
    };
    let data = PropertyData::new(
        Value::None,
        Value::None,
        Value::None,
        Value::None,
        Value::None,
    );
    Ok(Value::Obj(ObjRef::new(
        &cls,
        Payload::Property(Box::new(data)),
    )))
}

fn property_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = self_property(vm, &args)?;
    let rest = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    let vals = bind_simple(vm, "property", &PROPERTY_ARGS, rest)?;
    let mut it = vals.into_iter();
    let mut next = || it.next().flatten().unwrap_or(Value::None);
    let (fget, fset, fdel, mut doc) = (next(), next(), next(), next());
    if matches!(doc, Value::None) && !matches!(fget, Value::None) {
        doc = vm
            .try_getattr(&fget, "__doc__")
            .ok()
            .flatten()
            .unwrap_or(Value::None);
    }
    drop(p.fget.replace(fget));
    drop(p.fset.replace(fset));
    drop(p.fdel.replace(fdel));
    drop(p.doc.replace(doc));
    Ok(Value::None)
}

fn self_property<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PropertyData> {
    match args.args.first().and_then(|v| v.payload()) {
        Some(Payload::Property(p)) => Ok(p),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

/// `prop.getter(f)` etc.: a copy of the property with one function replaced.
fn property_copy(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    let p = self_property(vm, &args)?;
    let [_, f] = args.pos() else {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            ["getter", "setter", "deleter"][which],
            args.pos().len().saturating_sub(1)
        )));
    };
    let f = if matches!(f, Value::None) {
        Value::None
    } else {
        f.clone()
    };
    let mut funcs = [p.fget.cloned(), p.fset.cloned(), p.fdel.cloned()];
    funcs[which] = f;
    let [fget, fset, fdel] = funcs;
    let mut doc = p.doc.cloned();
    if which == 0 && matches!(doc, Value::None) {
        doc = vm
            .try_getattr(&fget, "__doc__")
            .ok()
            .flatten()
            .unwrap_or(Value::None);
    }
    let cls = args.args[0]
        .as_obj()
        .map(|o| o.class().clone())
        .unwrap_or_else(|| vm.types().class.property.clone());
    if !cls.is(&vm.types().class.property) {
        // A subclass is rebuilt through its own constructor (property_copy).
        return vm.call(&Value::Obj(cls), &[fget, fset, fdel, doc]);
    }
    let data = PropertyData::new(fget, fset, fdel, doc, p.name.cloned());
    Ok(Value::Obj(ObjRef::new(
        &cls,
        Payload::Property(Box::new(data)),
    )))
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = self_property(vm, &args)?;
    if let [_, _, name] = args.pos() {
        drop(p.name.replace(name.clone()));
    }
    Ok(Value::None)
}

/// `descr.__get__(obj, type=None)` called explicitly.
fn descr_get_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let (d, obj, ty) = match pos {
        [d, o] => (d, o.clone(), None),
        [d, o, t] => (d, o.clone(), Some(t.clone())),
        _ => return Err(vm.type_error("expected 1 or 2 arguments")),
    };
    let ty = match ty.as_ref().and_then(|t| t.as_obj()) {
        Some(t) if matches!(t.payload, Payload::Type(_)) => t.clone(),
        _ => vm.type_of(&obj).clone(),
    };
    let inst = if matches!(obj, Value::None) {
        None
    } else {
        Some(&obj)
    };
    // The builtin behaviour, even when a subclass overrides __get__ (this is
    // what its super().__get__ reaches).
    crate::protocol::generic_attr::without_override(|| vm.descr_get(d.clone(), inst, &ty))
}

fn descr_set_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, o, v] = args.pos() else {
        return Err(vm.type_error("expected 2 arguments"));
    };
    crate::protocol::generic_attr::without_override(|| vm.descr_set(d, o, Some(v.clone())))?;
    Ok(Value::None)
}

fn descr_delete_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, o] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    crate::protocol::generic_attr::without_override(|| vm.descr_set(d, o, None))?;
    Ok(Value::None)
}

/// The `__getitem__` sequence iterator: `seq[0]`, `seq[1]`, ... until
/// IndexError or StopIteration.
pub fn new_seq_iter(vm: &Vm, seq: Value) -> Value {
    Value::Obj(ObjRef::new(
        &vm.types().class.seq_iterator,
        Payload::SeqIter(GilCell::new((seq, 0))),
    ))
}

fn seq_iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::SeqIter(st)) = args.args.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor '__next__' requires an 'iterator' object"));
    };
    let (seq, i) = st.cloned();
    if seq.is_null() {
        return Err(vm.stop_iteration());
    }
    match vm.getitem(&seq, &Value::Int(i as i64)) {
        Ok(v) => {
            st.get_mut().1 = i + 1;
            Ok(v)
        }
        Err(e)
            if vm.err_matches(&e, &vm.types().exc.index_error)
                || vm.err_matches(&e, &vm.types().exc.stop_iteration) =>
        {
            let old = st.replace((Value::Null, 0));
            drop(old);
            Err(vm.stop_iteration())
        }
        Err(e) => Err(e),
    }
}

/// `f.__call__(*args, **kwargs)`.
fn call_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(f) = args.args.first().cloned() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    vm.call_args(
        &f,
        Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
    )
}

fn seq_iter_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}
