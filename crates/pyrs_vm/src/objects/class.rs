//! Classes: `__build_class__` (the class statement), metaclass selection and
//! `__prepare__`, `type(name, bases, dict)` making a heap type (C3 MRO, solid
//! base, `__slots__`, `__set_name__`, `__init_subclass__`, `__classcell__`),
//! and calling a class (`type.__call__`: `__new__` then `__init__`).
//! Reference: Python/bltinmodule.c `builtin___build_class__`,
//! Objects/typeobject.c `type_new`, `mro_implementation`, `type_call`.

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::descriptor::{is_python_defined, MemberDescr, MemberKind};
use crate::objects::dict::DictData;
use crate::objects::native::Args;
use crate::objects::type_::{BaseKind, TypeData};
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::runtime::types::Types;
use crate::value::Value;
use crate::vm::{is_subtype, Vm};

/// Start-up: the methods of `object` and `type` and the class machinery's types.
pub fn install(types: &Types) {
    crate::objects::descriptor::install(types);
    crate::objects::object_methods::install(types);
}

/// `[first, *args]` with the keyword names kept (for calls that add `self`/`cls`).
pub fn prepend(first: &Value, args: Args) -> Vec<Value> {
    let mut all = Vec::with_capacity(args.args.len() + 1);
    all.push(first.clone());
    all.extend_from_slice(args.args);
    all
}

fn type_name_of(t: &ObjRef) -> String {
    t.payload_type().name.cloned()
}

impl Vm {
    /// Call `f` with `self_` inserted before `args` (keywords kept).
    pub fn call_with_self(&mut self, f: &Value, self_: &Value, args: Args) -> PyResult<Value> {
        let all = prepend(self_, args);
        let kwnames = args.kwnames;
        match f.payload() {
            Some(Payload::Function(_) | Payload::NativeFunction(_)) => self.call_args(
                f,
                Args {
                    args: &all,
                    kwnames,
                },
            ),
            _ => {
                let ty = self.type_of(self_).clone();
                let bound = self.descr_get(f.clone(), Some(self_), &ty)?;
                self.call_args(&bound, args)
            }
        }
    }

    /// The early branch of calling a type object: classes, metaclasses with
    /// `__call__`, `type(name, bases, dict)` and the descriptor types. `None`
    /// leaves the call to the builtin constructors.
    pub fn call_type_hook(&mut self, cls: &ObjRef, args: Args) -> Option<PyResult<Value>> {
        let meta = cls.class().clone();
        if meta.payload_type().heap_type {
            if let Some(c) = self.lookup_type(&meta, "__call__") {
                if is_python_defined(&c) {
                    return Some(self.call_with_self(&c, &Value::Obj(cls.clone()), args));
                }
            }
        }
        let t = self.types();
        if cls.payload_type().heap_type {
            return Some(self.type_call(cls, args));
        }
        if cls.is(&t.type_) {
            if args.pos().len() == 1 && !args.has_kwargs() {
                return None;
            }
            if args.pos().len() != 3 {
                return Some(Err(self.type_error("type() takes 1 or 3 arguments")));
            }
            return Some(self.type_call(cls, args));
        }
        let c = &t.class;
        if cls.is(&c.property) || cls.is(&c.classmethod) || cls.is(&c.staticmethod) {
            return Some(self.new_descriptor_object(cls, args));
        }
        if cls.is(&c.super_) {
            return Some(self.new_super(args));
        }
        None
    }

    /// `type.__call__(cls, *args, **kwargs)`: `__new__`, then `__init__` when
    /// the result is an instance of `cls`.
    pub fn type_call(&mut self, cls: &ObjRef, args: Args) -> PyResult<Value> {
        let clsv = Value::Obj(cls.clone());
        let cache = self.class_cache(cls);
        if cache.object_new {
            // object.__new__ and maybe object.__init__, without the calls.
            if !args.args.is_empty() && cache.object_init {
                return Err(self.type_error(format!(
                    "{}() takes no arguments",
                    cls.payload_type().name.get()
                )));
            }
            if cache.abstract_ {
                return Err(self.abstract_instantiation_error(cls));
            }
            let obj = self.new_object_instance(cls);
            if cache.object_init {
                return Ok(obj);
            }
            return self.init_instance(cls, obj, args);
        }
        let obj = match self.lookup_type(cls, "__new__") {
            Some(new) => {
                let f = match new.payload() {
                    Some(Payload::StaticMethod(f)) => f.clone(),
                    _ => new,
                };
                let all = prepend(&clsv, args);
                self.call_args(
                    &f,
                    Args {
                        args: &all,
                        kwnames: args.kwnames,
                    },
                )?
            }
            None => self.builtin_new(cls, args)?,
        };
        self.init_instance(cls, obj, args)
    }

    /// The `__init__` half of `type.__call__`.
    fn init_instance(&mut self, cls: &ObjRef, obj: Value, args: Args) -> PyResult<Value> {
        let ty = self.type_of(&obj).clone();
        if !is_subtype(&ty, cls) {
            return Ok(obj);
        }
        if let Some(init) = self.lookup_type(&ty, "__init__") {
            let r = self.call_with_self(&init, &obj, args)?;
            if !matches!(r, Value::None) {
                return Err(self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        }
        Ok(obj)
    }

    /// A new, uninitialised instance of `cls` with the payload of its solid
    /// base (the `tp_new` of that builtin type). `args` are the constructor's
    /// arguments, which the immutable builtins use for their value.
    pub fn builtin_new(&mut self, cls: &ObjRef, args: Args) -> PyResult<Value> {
        let t = self.types();
        let kind = cls.payload_type().base_kind;
        let builtin = match kind {
            BaseKind::Int => Some(&t.int),
            BaseKind::Float => Some(&t.float),
            BaseKind::Str => Some(&t.str_),
            BaseKind::Bytes => Some(&t.bytes),
            BaseKind::Tuple => Some(&t.tuple),
            _ => None,
        };
        if let Some(b) = builtin {
            let v = crate::builtins_types::call_type(self, b, args)?;
            if cls.is(b) {
                return Ok(v);
            }
            let payload = match (&v, v.payload()) {
                (Value::Int(i), _) => Payload::Int((*i).into()),
                (Value::Bool(b), _) => Payload::Int((*b as i64).into()),
                (Value::Float(f), _) => Payload::Float(*f),
                (_, Some(Payload::Int(b))) => Payload::Int(b.clone()),
                (_, Some(Payload::Float(f))) => Payload::Float(*f),
                (_, Some(Payload::Str(s))) => {
                    Payload::Str(crate::objects::str::PyStr::new(s.as_str()))
                }
                (_, Some(Payload::Tuple(items))) => Payload::Tuple(items.clone()),
                (_, Some(Payload::Bytes(b))) => Payload::Bytes(b.clone()),
                _ => return Err(self.system_error("builtin_new: unexpected payload")),
            };
            return Ok(Value::Obj(ObjRef::new(cls, payload)));
        }
        let payload = match kind {
            BaseKind::Object => return Ok(self.new_object_instance(cls)),
            BaseKind::List => Payload::List(GilCell::new(Vec::new())),
            BaseKind::Dict => Payload::Dict(GilCell::new(DictData::new())),
            BaseKind::Exception => Payload::Exception(Box::new(
                crate::objects::exception::ExceptionData::new(self.new_tuple(args.pos().to_vec())),
            )),
            BaseKind::Type => {
                return self.type_new(cls, args);
            }
            _ => {
                return Err(
                    self.type_error(format!("cannot create '{}' instances", type_name_of(cls)))
                )
            }
        };
        Ok(Value::Obj(ObjRef::new(cls, payload)))
    }

    /// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
    pub fn build_class(&mut self, args: Args) -> PyResult<Value> {
        let pos = args.pos();
        if pos.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = pos[0].clone();
        let Some(fobj) = func
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Function(_)))
            .cloned()
        else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let name = pos[1].clone();
        if name.as_str().is_none() {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        let orig_bases: Vec<Value> = pos[2..].to_vec();
        let bases = self.update_bases(&orig_bases)?;
        let mut metaclass: Option<Value> = None;
        let mut kwnames = Vec::new();
        let mut kwvalues = Vec::new();
        for (k, v) in args.kwargs() {
            if k == "metaclass" {
                metaclass = Some(v.clone());
            } else {
                kwnames.push(self.new_str(k));
                kwvalues.push(v.clone());
            }
        }
        let mut meta = match metaclass {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => Value::Obj(self.type_of(b).clone()),
                None => Value::Obj(self.types().type_.clone()),
            },
        };
        if let Some(m) = meta
            .as_obj()
            .filter(|m| matches!(m.payload, Payload::Type(_)))
            .cloned()
        {
            meta = Value::Obj(self.calculate_metaclass(&m, &bases)?);
        }
        let bases_t = self.new_tuple(bases.clone());
        // __prepare__: type's own returns a fresh dict, so skip the call.
        let prep = self.try_getattr(&meta, "__prepare__")?;
        let ns = match prep {
            Some(p)
                if is_python_defined(&p) || !matches!(meta.payload(), Some(Payload::Type(_))) =>
            {
                let mut a = vec![name.clone(), bases_t.clone()];
                a.extend(kwvalues.iter().cloned());
                self.call_args(
                    &p,
                    Args {
                        args: &a,
                        kwnames: &kwnames,
                    },
                )?
            }
            _ => Value::Obj(self.new_dict()),
        };
        let ns_obj = match ns.as_obj() {
            Some(o)
                if matches!(o.payload, Payload::Dict(_))
                    || self.lookup_type(o.class(), "__getitem__").is_some() =>
            {
                o.clone()
            }
            _ => {
                let mname = match meta.payload() {
                    Some(Payload::Type(t)) => t.name.cloned(),
                    _ => "<metaclass>".into(),
                };
                return Err(self.type_error(format!(
                    "{mname}.__prepare__() must return a mapping, not {}",
                    self.type_name(&ns)
                )));
            }
        };
        // Run the class body with the namespace as its locals.
        let Payload::Function(f) = &fobj.payload else {
            return Err(self.system_error("build_class"));
        };
        let mut frame = self.alloc_frame(
            f.code.cloned(),
            f.code_obj.cloned(),
            f.globals.clone(),
            f.builtins.clone(),
        );
        frame.func = Some(fobj.clone());
        frame.locals = Value::Obj(ns_obj.clone());
        let cell = self.run_frame(frame)?;
        if orig_bases.len() != bases.len() || orig_bases.iter().zip(&bases).any(|(a, b)| !a.is(b)) {
            let ob = self.new_tuple(orig_bases);
            let key = self.new_str("__orig_bases__");
            self.setitem(&Value::Obj(ns_obj.clone()), &key, ob)?;
        }
        let mut a = vec![name.clone(), bases_t, Value::Obj(ns_obj)];
        a.extend(kwvalues);
        let cls = self.call_args(
            &meta,
            Args {
                args: &a,
                kwnames: &kwnames,
            },
        )?;
        if let Some(Payload::Cell(c)) = cell.payload() {
            if matches!(cls.payload(), Some(Payload::Type(_))) && !c.get().is(&cls) {
                let r = self.repr_string(&cls)?;
                let n = name.as_str().unwrap_or("?").to_string();
                return Err(if c.get().is_null() {
                    self.runtime_error(format!(
                        "__class__ not set defining '{n}' as {r}. Was __classcell__ propagated to type.__new__?"
                    ))
                } else {
                    let cr = c.cloned();
                    let cr = self.repr_string(&cr)?;
                    self.type_error(format!("__class__ set to {cr} defining '{n}' as {r}"))
                });
            }
        }
        Ok(cls)
    }

    /// PEP 560: bases that are not classes may substitute `__mro_entries__`.
    fn update_bases(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        let mut changed = false;
        for b in bases {
            if matches!(b.payload(), Some(Payload::Type(_))) {
                out.push(b.clone());
                continue;
            }
            match self.try_getattr(b, "__mro_entries__")? {
                Some(m) => {
                    let bt = self.new_tuple(bases.to_vec());
                    let r = self.call(&m, &[bt])?;
                    let Some(items) = r.as_tuple() else {
                        return Err(self.type_error("__mro_entries__ must return a tuple"));
                    };
                    out.extend(items.iter().cloned());
                    changed = true;
                }
                None => out.push(b.clone()),
            }
        }
        let _ = changed;
        Ok(out)
    }

    /// The most derived metaclass among `meta` and the bases' types.
    fn calculate_metaclass(&mut self, meta: &ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
        let mut winner = meta.clone();
        for b in bases {
            let bt = self.type_of(b).clone();
            if is_subtype(&winner, &bt) {
                continue;
            }
            if is_subtype(&bt, &winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `type.__new__(meta, name, bases, dict, **kwds)`.
    pub fn type_new(&mut self, meta: &ObjRef, args: Args) -> PyResult<Value> {
        let pos = args.pos();
        let [name, bases, ns] = pos else {
            if pos.len() == 1 && !args.has_kwargs() {
                return Ok(Value::Obj(self.type_of(&pos[0]).clone()));
            }
            return Err(self.type_error(format!(
                "type.__new__() takes exactly 3 arguments ({} given)",
                pos.len()
            )));
        };
        let Some(name) = name.as_str().map(str::to_string) else {
            return Err(self.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                self.type_name(name)
            )));
        };
        let Some(bases) = bases.as_tuple().map(|b| b.to_vec()) else {
            return Err(self.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                self.type_name(bases)
            )));
        };
        let Some(ns) = ns
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Dict(_)))
            .cloned()
        else {
            return Err(self.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                self.type_name(ns)
            )));
        };
        let winner = self.calculate_metaclass(meta, &bases)?;
        // A more derived metaclass with its own __new__ makes the class
        // (`type(name, (SomeEnum,), ns, boundary=...)` reaches EnumType's).
        if !winner.is(meta) {
            if let Some(new) = self.lookup_type(&winner, "__new__") {
                if is_python_defined(&new) {
                    let f = match new.payload() {
                        Some(Payload::StaticMethod(f)) => f.clone(),
                        _ => new,
                    };
                    let all = prepend(&Value::Obj(winner.clone()), args);
                    return self.call_args(
                        &f,
                        Args {
                            args: &all,
                            kwnames: args.kwnames,
                        },
                    );
                }
            }
        }
        let meta = winner;
        let mut base_types = Vec::with_capacity(bases.len());
        for b in &bases {
            match b.as_obj() {
                Some(o) if matches!(o.payload, Payload::Type(_)) => base_types.push(o.clone()),
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        if base_types.is_empty() {
            base_types.push(self.types().object.clone());
        }
        for (i, b) in base_types.iter().enumerate() {
            let bt = b.payload_type();
            if !bt.base_type {
                return Err(self.type_error(format!(
                    "type '{}' is not an acceptable base type",
                    bt.name.get()
                )));
            }
            if base_types[..i].iter().any(|o| o.is(b)) {
                return Err(self.type_error(format!("duplicate base class {}", bt.name.get())));
            }
        }
        let base_kind = self.solid_base_kind(&base_types)?;
        let mro = self.c3_mro(&base_types)?;

        // The type's own dict: a copy of the namespace.
        let dict = self.new_dict();
        for (k, v) in Vm::dict_items(&ns) {
            self.dict_set(&dict, k, v)?;
        }
        let qualname = match dict_get_str(&dict, "__qualname__") {
            Some(q) => {
                let Some(q) = q.as_str().map(str::to_string) else {
                    return Err(self.type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(&q)
                    )));
                };
                let key = self.new_str("__qualname__");
                self.dict_del(&dict, &key)?;
                q
            }
            None => name.clone(),
        };
        let classcell = dict_get_str(&dict, "__classcell__");
        if classcell.is_some() {
            let key = self.new_str("__classcell__");
            self.dict_del(&dict, &key)?;
        }
        if dict_get_str(&dict, "__module__").is_none() {
            let m = self
                .frames
                .last()
                .and_then(|f| dict_get_str(&f.globals, "__name__"));
            if let Some(m) = m {
                dict_set_str_raw(self.types(), &dict, "__module__", m);
            }
        }
        // Implicit wrappers, as type_new_set_classmethod/staticmethod.
        for (n, cm) in [
            ("__new__", false),
            ("__init_subclass__", true),
            ("__class_getitem__", true),
        ] {
            if let Some(f) = dict_get_str(&dict, n) {
                if matches!(f.payload(), Some(Payload::Function(_))) {
                    let c = &self.types().class;
                    let w = if cm {
                        ObjRef::new(&c.classmethod, Payload::ClassMethod(f))
                    } else {
                        ObjRef::new(&c.staticmethod, Payload::StaticMethod(f))
                    };
                    dict_set_str_raw(self.types(), &dict, n, Value::Obj(w));
                }
            }
        }
        if dict_get_str(&dict, "__eq__").is_some() && dict_get_str(&dict, "__hash__").is_none() {
            dict_set_str_raw(self.types(), &dict, "__hash__", Value::None);
        }
        let slots = match dict_get_str(&dict, "__slots__") {
            Some(s) => Some(self.slot_names(&s, &name)?),
            None => None,
        };
        let data = TypeData {
            name: GilCell::new(name.clone()),
            qualname: GilCell::new(qualname),
            bases: GilCell::new(base_types),
            mro: GilCell::new(Vec::new()),
            dict: dict.clone(),
            base_kind,
            heap_type: true,
            cache: Default::default(),
            base_type: true,
            native_module: false,
        };
        let cls = ObjRef::new(&meta, Payload::Type(Box::new(data)));
        let mut full_mro = vec![cls.clone()];
        full_mro.extend(mro);
        *cls.payload_type().mro.get_mut() = full_mro;
        let slots_declared = slots.clone();
        if let Some(slots) = slots {
            let own = slots
                .iter()
                .filter(|s| *s != "__dict__" && *s != "__weakref__")
                .count();
            let mut index = self.slot_count(&cls).saturating_sub(own);
            // Checked against the class body before any descriptor is added:
            // a name listed twice (datetime's `date.__slots__ +
            // time.__slots__`) is no conflict.
            for s in &slots {
                if s != "__dict__" && s != "__weakref__" && dict_get_str(&dict, s).is_some() {
                    return Err(self
                        .value_error(format!("'{s}' in __slots__ conflicts with class variable")));
                }
            }
            for s in slots {
                if s == "__dict__" || s == "__weakref__" {
                    continue;
                }
                let m = MemberDescr {
                    name: s.clone(),
                    owner: cls.clone(),
                    kind: MemberKind::Slot(index),
                };
                index += 1;
                let d = ObjRef::new(
                    &self.types().class.member_descriptor,
                    Payload::MemberDescr(Box::new(m)),
                );
                dict_set_str_raw(self.types(), &dict, &s, Value::Obj(d));
            }
        }
        self.add_dict_and_weakref(&cls, &dict, slots_declared.as_deref());
        if dict_get_str(&dict, "__doc__").is_none() {
            dict_set_str_raw(self.types(), &dict, "__doc__", Value::None);
        }
        if let Some(cell) = classcell {
            match cell.payload() {
                Some(Payload::Cell(c)) => drop(c.replace(Value::Obj(cls.clone()))),
                _ => {
                    return Err(self.type_error(format!(
                        "__classcell__ must be a nonlocal cell, not {}",
                        self.type_name(&cell)
                    )))
                }
            }
        }
        let clsv = Value::Obj(cls.clone());
        // __set_name__ on every attribute that has one.
        for (k, v) in Vm::dict_items(&dict) {
            let vt = self.type_of(&v).clone();
            if let Some(sn) = self.lookup_type(&vt, "__set_name__") {
                if let Err(e) = self.call_method_value(&sn, &v, &[clsv.clone(), k.clone()]) {
                    let kr = self.repr_string(&k)?;
                    let err = self.runtime_error(format!(
                        "Error calling __set_name__ on '{}' instance {kr} in '{name}'",
                        self.type_name(&v)
                    ));
                    if let Payload::Exception(d) = &err.0.payload {
                        drop(d.cause.replace(Value::Obj(e.0.clone())));
                        drop(d.context.replace(Value::Obj(e.0)));
                        *d.suppress_context.get_mut() = true;
                    }
                    return Err(err);
                }
            }
        }
        // super(cls, cls).__init_subclass__(**kwds)
        let sup_mro = cls.payload_type().mro.cloned();
        for t in &sup_mro[1..] {
            if let Some(f) = dict_get_str(&t.payload_type().dict, "__init_subclass__") {
                let bound = self.descr_get(f, None, &cls)?;
                let kw = args.kwnames;
                let kwv = &args.args[args.args.len() - kw.len()..];
                self.call_args(
                    &bound,
                    Args {
                        args: kwv,
                        kwnames: kw,
                    },
                )?;
                break;
            }
        }
        Ok(clsv)
    }

    /// The `__dict__` and `__weakref__` attributes a class adds when its
    /// bases' instances lack them (and `__slots__` does not forbid them).
    fn add_dict_and_weakref(&self, cls: &ObjRef, dict: &ObjRef, slots: Option<&[String]>) {
        let t = cls.payload_type();
        let bases = t.bases.cloned();
        let base_has_dict = bases.iter().any(|b| {
            let bt = b.payload_type();
            if bt.heap_type {
                self.type_has_instance_dict(b)
            } else {
                matches!(bt.base_kind, BaseKind::Exception | BaseKind::Type)
            }
        });
        let base_has_weakref = bases.iter().any(|b| {
            b.payload_type().base_kind == BaseKind::Type
                || self.lookup_type(b, "__weakref__").is_some()
        });
        let allows = |n: &str| slots.is_none_or(|s| s.iter().any(|x| x == n));
        let variable_size = matches!(
            t.base_kind,
            BaseKind::Int | BaseKind::Tuple | BaseKind::Str | BaseKind::Bytes
        );
        let add = |name: &str, kind: MemberKind| {
            let m = MemberDescr {
                name: name.to_string(),
                owner: cls.clone(),
                kind,
            };
            let d = ObjRef::new(
                &self.types().class.getset_descriptor,
                Payload::MemberDescr(Box::new(m)),
            );
            dict_set_str_raw(self.types(), dict, name, Value::Obj(d));
        };
        if allows("__dict__") && !base_has_dict {
            add("__dict__", MemberKind::Dict);
        }
        if allows("__weakref__") && !base_has_weakref && !variable_size {
            add("__weakref__", MemberKind::Weakref);
        }
    }

    /// The names `__slots__` declares (a str or an iterable of str), with
    /// private names mangled.
    fn slot_names(&mut self, s: &Value, clsname: &str) -> PyResult<Vec<String>> {
        let items = if s.as_str().is_some() {
            vec![s.clone()]
        } else {
            self.iterate(s)?
        };
        let mut out = Vec::new();
        for it in items {
            let Some(n) = it.as_str() else {
                return Err(self.type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(&it)
                )));
            };
            let valid = n
                .chars()
                .next()
                .is_some_and(|c| c == '_' || c.is_alphabetic())
                && n.chars().all(|c| c == '_' || c.is_alphanumeric());
            if !valid {
                return Err(self.type_error("__slots__ must be identifiers"));
            }
            let stripped = clsname.trim_start_matches('_');
            let n = if n.starts_with("__") && !n.ends_with("__") && !stripped.is_empty() {
                format!("_{stripped}{n}")
            } else {
                n.to_string()
            };
            out.push(n);
        }
        Ok(out)
    }

    /// The payload kind instances get: the one non-`object` kind among the
    /// bases (CPython's solid base), or a lay-out conflict.
    fn solid_base_kind(&self, bases: &[ObjRef]) -> PyResult<BaseKind> {
        let mut kind = BaseKind::Object;
        for b in bases {
            let k = b.payload_type().base_kind;
            if k == BaseKind::Object || k == kind {
                continue;
            }
            if kind == BaseKind::Object {
                kind = k;
                continue;
            }
            return Err(self.type_error("multiple bases have instance lay-out conflict"));
        }
        Ok(kind)
    }

    /// The C3 linearisation of `bases` (without the new class itself).
    fn c3_mro(&self, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = bases
            .iter()
            .map(|b| b.payload_type().mro.cloned())
            .collect();
        seqs.push(bases.to_vec());
        let mut out: Vec<ObjRef> = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let candidate = seqs.iter().find_map(|s| {
                let head = &s[0];
                let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)));
                (!in_tail).then(|| head.clone())
            });
            let Some(c) = candidate else {
                let mut names: Vec<String> = Vec::new();
                let mut seen: Vec<ObjRef> = Vec::new();
                for s in &seqs {
                    if !seen.iter().any(|x| x.is(&s[0])) {
                        seen.push(s[0].clone());
                        names.push(type_name_of(&s[0]));
                    }
                }
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for s in seqs.iter_mut() {
                if s[0].is(&c) {
                    s.remove(0);
                }
            }
            out.push(c);
        }
    }

    /// "Can't instantiate abstract class ..." (object_new's message).
    pub fn abstract_instantiation_error(&mut self, cls: &ObjRef) -> crate::error::PyErr {
        let am = dict_get_str(&cls.payload_type().dict, "__abstractmethods__");
        let mut names: Vec<String> = match am.map(|a| self.iterate(&a)) {
            Some(Ok(items)) => items
                .iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect(),
            Some(Err(e)) => return e,
            None => Vec::new(),
        };
        names.sort();
        self.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            cls.payload_type().name.get(),
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        ))
    }

    /// A new instance of a class whose only builtin base is `object`.
    pub fn new_object_instance(&self, cls: &ObjRef) -> Value {
        let n = if cls.payload_type().heap_type {
            self.slot_count(cls)
        } else {
            0
        };
        let payload = if n > 0 {
            Payload::Slots(GilCell::new(vec![Value::Null; n]))
        } else {
            Payload::Instance
        };
        Value::Obj(ObjRef::new(cls, payload))
    }

    /// How many `__slots__` entries (other than `__dict__`/`__weakref__`) the
    /// classes of `ty`'s MRO declare.
    fn slot_count(&self, ty: &ObjRef) -> usize {
        self.class_cache(ty).slot_count
    }

    pub(crate) fn compute_slot_count(&self, ty: &ObjRef) -> usize {
        let mut n = 0;
        for t in ty.payload_type().mro.get().iter() {
            let td = t.payload_type();
            if !td.heap_type {
                continue;
            }
            let Some(s) = dict_get_str(&td.dict, "__slots__") else {
                continue;
            };
            let count =
                |v: &Value| !matches!(v.as_str(), Some("__dict__" | "__weakref__") | None) as usize;
            n += match s.payload() {
                Some(Payload::Str(_)) => count(&s),
                Some(Payload::Tuple(items)) => items.iter().map(count).sum(),
                Some(Payload::List(items)) => items.get().iter().map(count).sum(),
                _ => 0,
            };
        }
        n
    }

    /// Whether instances of `ty` have a `__dict__`: not when every class
    /// statement in the MRO declared `__slots__` without `__dict__`.
    pub fn type_has_instance_dict(&self, ty: &ObjRef) -> bool {
        self.class_cache(ty).has_dict
    }

    pub(crate) fn compute_has_instance_dict(&self, ty: &ObjRef) -> bool {
        for t in ty.payload_type().mro.get().iter() {
            let td = t.payload_type();
            if !td.heap_type {
                // Exceptions and types carry a dict of their own.
                if matches!(td.base_kind, BaseKind::Exception | BaseKind::Type) {
                    return true;
                }
                continue;
            }
            match dict_get_str(&td.dict, "__slots__") {
                None => return true,
                Some(s) => {
                    let has = match s.payload() {
                        Some(Payload::Str(x)) => x.as_str() == "__dict__",
                        Some(Payload::Tuple(items)) => {
                            items.iter().any(|i| i.as_str() == Some("__dict__"))
                        }
                        Some(Payload::List(items)) => {
                            items.get().iter().any(|i| i.as_str() == Some("__dict__"))
                        }
                        _ => false,
                    };
                    if has {
                        return true;
                    }
                }
            }
        }
        false
    }
}
