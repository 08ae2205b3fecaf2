//! Attribute access: lookup along the MRO, binding of functions to instances,
//! instance and module dicts, and the computed attributes of builtin objects.
//! Reference: Objects/object.c `PyObject_GenericGetAttr`, Objects/typeobject.c.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{MethodKind, NativeFunction};
use crate::protocol::dict::dict_get_str;
use crate::value::Value;
use crate::vm::Vm;

/// What LOAD_METHOD found: an unbound function to call with `self` first, or
/// an ordinary attribute value.
pub enum Method {
    Unbound(Value),
    Attr(Value),
}

impl Vm {
    /// Find `name` in the dicts of `ty`'s MRO (`_PyType_Lookup`).
    pub fn lookup_type(&self, ty: &ObjRef, name: &str) -> Option<Value> {
        let Payload::Type(t) = &ty.payload else {
            return None;
        };
        let hash = crate::objects::str::str_hash(name);
        for base in t.mro.get().iter() {
            if let Payload::Type(bt) = &base.payload {
                if let Some(v) = crate::protocol::dict::dict_get_str_hashed(&bt.dict, name, hash) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// `getattr(v, name)` with a str object name.
    pub fn getattr(&mut self, v: &Value, name: &Value) -> PyResult<Value> {
        let n = name
            .as_str()
            .ok_or_else(|| self.type_error("attribute name must be string"))?
            .to_string();
        self.getattr_str(v, &n)
    }

    /// `getattr(v, name)`.
    pub fn getattr_str(&mut self, v: &Value, name: &str) -> PyResult<Value> {
        match self.try_getattr(v, name) {
            Ok(Some(x)) => Ok(x),
            // AttributeErrors carry `name` and `obj` (protocol/attr_error.rs).
            Ok(None) => Err(self.attribute_error_context(self.no_attribute(v, name), v, name)),
            Err(e) => Err(self.attribute_error_context(e, v, name)),
        }
    }

    /// The AttributeError CPython raises for a missing attribute.
    pub fn no_attribute(&self, v: &Value, name: &str) -> crate::error::PyErr {
        match v.payload() {
            Some(Payload::Module(m)) => {
                let mname = dict_get_str(&m.dict, "__name__")
                    .and_then(|n| n.as_str().map(str::to_string))
                    .unwrap_or_else(|| "?".into());
                self.attribute_error(format!("module '{mname}' has no attribute '{name}'"))
            }
            Some(Payload::Type(t)) => self.attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                t.name.get(),
                name
            )),
            _ => self.attribute_error(format!(
                "'{}' object has no attribute '{}'",
                self.type_name(v),
                name
            )),
        }
    }

    /// The referent of a weak proxy (attribute writes go through to it);
    /// None for anything else, ReferenceError for a dead proxy.
    fn proxy_target(&self, v: &Value) -> PyResult<Option<Value>> {
        match v.payload() {
            Some(Payload::WeakRef(w)) if w.proxy => match crate::modules::weakref::referent(w) {
                Some(t) => Ok(Some(Value::Obj(t))),
                None => Err(self.new_error(
                    &self.types().exc.reference_error,
                    "weakly-referenced object no longer exists",
                )),
            },
            _ => Ok(None),
        }
    }

    /// Attribute lookup; `Ok(None)` for a missing attribute.
    pub fn try_getattr(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Some(Payload::WeakRef(w)) = v.payload() {
            if name == "__callback__" {
                return Ok(Some(w.callback.cloned()));
            }
            if w.proxy && name != "__class__" {
                return match crate::modules::weakref::referent(w) {
                    Some(t) => self.try_getattr(&Value::Obj(t), name),
                    None => Err(self.new_error(
                        &self.types().exc.reference_error,
                        "weakly-referenced object no longer exists",
                    )),
                };
            }
        }
        if let Some(x) = self.special_attr(v, name)? {
            return Ok(Some(x));
        }
        // Classes, their instances and the descriptor objects: the full
        // descriptor protocol (protocol/generic_attr.rs).
        if let Some(r) = self.class_getattr_hook(v, name) {
            return r;
        }
        if let Some(Payload::Module(m)) = v.payload() {
            if let Some(x) = dict_get_str(&m.dict, name) {
                return Ok(Some(x));
            }
            let ty = self.type_of(v).clone();
            return Ok(self.lookup_type(&ty, name).map(|f| self.bind(f, v)));
        }
        let ty = self.type_of(v).clone();
        let descr = self.lookup_type(&ty, name);
        if let Value::Obj(o) = v {
            if let Some(d) = o.dict.get().clone() {
                if let Some(x) = dict_get_str(&d, name) {
                    return Ok(Some(x));
                }
            }
        }
        if let Some(d) = descr {
            // Struct sequence fields and builtin getsets read through their
            // descriptor.
            if matches!(d.payload(), Some(Payload::MemberDescr(_))) {
                return self.descr_get(d, Some(v), &ty).map(Some);
            }
            return Ok(Some(self.bind(d, v)));
        }
        Ok(None)
    }

    /// Bind a class attribute found on an instance's type (the descriptor
    /// protocol for functions and native methods).
    pub fn bind(&self, found: Value, instance: &Value) -> Value {
        match found.payload() {
            Some(Payload::Function(_)) => Value::Obj(ObjRef::new(
                &self.types().method,
                Payload::BoundMethod {
                    func: found.clone(),
                    self_: instance.clone(),
                },
            )),
            Some(Payload::NativeFunction(nf)) if nf.self_.is_none() => {
                let self_ = match nf.def.kind {
                    MethodKind::Method => instance.clone(),
                    MethodKind::Class => Value::Obj(self.type_of(instance).clone()),
                    MethodKind::Static => return found,
                };
                Value::Obj(ObjRef::new(
                    &self.types().builtin_function,
                    Payload::NativeFunction(NativeFunction {
                        def: nf.def,
                        self_: Some(self_),
                        owner: nf.owner.clone(),
                    }),
                ))
            }
            Some(Payload::ClassMethod(f)) => Value::Obj(ObjRef::new(
                &self.types().method,
                Payload::BoundMethod {
                    func: f.clone(),
                    self_: Value::Obj(self.type_of(instance).clone()),
                },
            )),
            Some(Payload::StaticMethod(f)) => f.clone(),
            _ => found,
        }
    }

    /// LOAD_METHOD: avoid making a bound method when the attribute is a plain
    /// function on the type and the instance does not shadow it.
    pub fn load_method(&mut self, v: &Value, name: &str) -> PyResult<Method> {
        if !matches!(
            v.payload(),
            Some(Payload::Type(_) | Payload::Module(_) | Payload::Super(_))
        ) && !v.as_obj().is_some_and(|o| {
            o.class().payload_type().heap_type && self.class_cache(o.class()).getattribute
        }) {
            let ty = self.type_of(v).clone();
            if let Some(found) = self.lookup_type(&ty, name) {
                let unbound = match found.payload() {
                    Some(Payload::Function(_)) => true,
                    Some(Payload::NativeFunction(nf)) => {
                        nf.self_.is_none() && nf.def.kind == MethodKind::Method
                    }
                    _ => false,
                };
                let shadowed = v.as_obj().is_some_and(|o| {
                    o.dict
                        .get()
                        .as_ref()
                        .is_some_and(|d| dict_get_str(d, name).is_some())
                });
                if unbound && !shadowed {
                    return Ok(Method::Unbound(found));
                }
            }
        }
        self.getattr_str(v, name).map(Method::Attr)
    }

    /// Attributes computed from builtin objects' state (CPython's getset and
    /// member descriptors).
    pub(crate) fn special_attr(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(v).clone())));
        }
        if let Some(x) = crate::types::numbers::number_attr(self, v, name) {
            return Ok(Some(x));
        }
        let Some(o) = v.as_obj() else { return Ok(None) };
        Ok(match (&o.payload, name) {
            (Payload::Type(t), "__name__") => Some(self.new_str(t.name.get().as_str())),
            (Payload::Type(t), "__qualname__") => Some(self.new_str(t.qualname.get().as_str())),
            (Payload::Type(t), "__mro__") => Some(
                self.new_tuple(
                    t.mro
                        .get()
                        .iter()
                        .map(|m| Value::Obj(m.clone()))
                        .collect::<Vec<_>>(),
                ),
            ),
            (Payload::Type(t), "__bases__") => Some(
                self.new_tuple(
                    t.bases
                        .get()
                        .iter()
                        .map(|m| Value::Obj(m.clone()))
                        .collect::<Vec<_>>(),
                ),
            ),
            (Payload::Type(t), "__base__") => Some(
                t.bases
                    .get()
                    .first()
                    .map_or(Value::None, |b| Value::Obj(b.clone())),
            ),
            (Payload::Type(t), "__dict__") => {
                Some(self.new_mappingproxy(Value::Obj(t.dict.clone())))
            }
            (Payload::Type(t), "__module__") if !t.heap_type => {
                let m = self
                    .type_module_name(o)
                    .unwrap_or_else(|| "builtins".into());
                Some(self.new_str(m))
            }
            (Payload::Function(f), "__name__") => Some(f.name.cloned()),
            (Payload::Function(f), "__qualname__") => Some(f.qualname.cloned()),
            (Payload::Function(f), "__module__") => Some(f.module.cloned()),
            (Payload::Function(f), "__doc__") => Some(f.doc.cloned()),
            (Payload::Function(f), "__defaults__") => Some(f.defaults.cloned()),
            (Payload::Function(f), "__kwdefaults__") => Some(f.kwdefaults.cloned()),
            (Payload::Function(f), "__closure__") => Some(f.closure.cloned()),
            (Payload::Function(f), "__globals__") => Some(Value::Obj(f.globals.clone())),
            (Payload::Function(f), "__code__") => Some(Value::Obj(f.code_obj.cloned())),
            (Payload::Function(f), "__builtins__") => Some(Value::Obj(f.builtins.clone())),
            (Payload::NativeFunction(nf), "__name__") => Some(self.new_str(nf.def.name)),
            // A module function names its module (`len.__module__` is
            // 'builtins'); a method bound to an object has none.
            (Payload::NativeFunction(nf), "__module__") => Some(match &nf.self_ {
                Some(Value::Obj(m)) => match &m.payload {
                    Payload::Module(md) => {
                        crate::protocol::dict::dict_get_str(&md.dict, "__name__")
                            .unwrap_or(Value::None)
                    }
                    _ => Value::None,
                },
                _ => Value::None,
            }),
            (Payload::NativeFunction(nf), "__qualname__") => Some(match &nf.owner {
                Some(owner) => self.new_str(format!(
                    "{}.{}",
                    owner.payload_type().name.get(),
                    nf.def.name
                )),
                None => self.new_str(nf.def.name),
            }),
            (Payload::NativeFunction(nf), "__self__") => {
                Some(nf.self_.clone().unwrap_or(Value::None))
            }
            (Payload::BoundMethod { func, .. }, "__func__") => Some(func.clone()),
            (Payload::BoundMethod { self_, .. }, "__self__") => Some(self_.clone()),
            (
                Payload::BoundMethod { func, .. },
                "__name__" | "__qualname__" | "__doc__" | "__module__",
            ) => {
                let func = func.clone();
                Some(self.getattr_str(&func, name)?)
            }
            (Payload::Module(m), "__dict__") => Some(Value::Obj(m.dict.clone())),
            (Payload::Exception(e), "args") => Some(e.args.cloned()),
            (Payload::Exception(e), "__traceback__") => Some(e.traceback.cloned()),
            (Payload::Exception(e), "__context__") => Some(e.context.cloned()),
            (Payload::Exception(e), "__cause__") => Some(e.cause.cloned()),
            (Payload::Exception(e), "__suppress_context__") => {
                Some(Value::Bool(*e.suppress_context.get()))
            }
            (Payload::Exception(e), "code")
                if crate::vm::is_subtype(o.class(), &self.types().exc.system_exit) =>
            {
                let args = e.args.cloned();
                Some(match args.as_tuple() {
                    Some([]) | None => Value::None,
                    Some([one]) => one.clone(),
                    Some(_) => args,
                })
            }
            (Payload::Exception(e), "value")
                if crate::vm::is_subtype(o.class(), &self.types().exc.stop_iteration) =>
            {
                Some(
                    e.args
                        .get()
                        .as_tuple()
                        .and_then(|t| t.first().cloned())
                        .unwrap_or(Value::None),
                )
            }
            (
                Payload::Exception(e),
                "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset",
            ) if crate::vm::is_subtype(o.class(), &self.types().exc.syntax_error) => {
                Some(crate::types::syntax_error_field(&e.args.cloned(), name))
            }
            (Payload::GenericAlias { origin, args }, _) => {
                crate::types::generic_alias::attr(self, origin, args, name)
            }
            (Payload::Union(args), "__args__" | "__parameters__") => {
                let args = args.clone();
                crate::types::union::attr(self, &args, name)?
            }
            (Payload::MemoryView(m), _) if !name.starts_with('_') => {
                crate::types::memoryview::attr(self, m, name)
            }
            (Payload::File(f), _) if !name.starts_with('_') => {
                crate::types::file::file_attr(self, f.get(), name)
            }
            (Payload::Exception(e), "encoding" | "object" | "start" | "end" | "reason")
                if crate::vm::is_subtype(o.class(), &self.types().exc.unicode_error)
                    && e.args.get().as_tuple().is_some_and(|a| a.len() == 5) =>
            {
                let i = ["encoding", "object", "start", "end", "reason"]
                    .iter()
                    .position(|n| *n == name)
                    .unwrap_or(0);
                e.args.get().as_tuple().and_then(|a| a.get(i).cloned())
            }
            (Payload::Range(r), "start") => Some(r.start.clone()),
            (Payload::Range(r), "stop") => Some(r.stop.clone()),
            (Payload::Range(r), "step") => Some(r.step.clone()),
            (Payload::Slice(s), "start") => Some(s[0].clone()),
            (Payload::Slice(s), "stop") => Some(s[1].clone()),
            (Payload::Slice(s), "step") => Some(s[2].clone()),
            (Payload::Cell(c), "cell_contents") => match c.get() {
                Value::Null => return Err(self.value_error("Cell is empty")),
                x => Some(x.clone()),
            },
            (Payload::Traceback(tb), "tb_next") => Some(tb.tb_next.cloned()),
            (Payload::Traceback(tb), "tb_frame") => Some(Value::Obj(tb.tb_frame.clone())),
            (Payload::Traceback(tb), "tb_lasti") => Some(Value::Int(tb.tb_lasti as i64)),
            (Payload::Traceback(tb), "tb_lineno") => {
                Some(tb.lineno().map_or(Value::None, |l| Value::Int(l as i64)))
            }
            (Payload::Frame(f), "f_code") => Some(Value::Obj(f.f_code.clone())),
            (Payload::Frame(f), "f_globals") => Some(Value::Obj(f.f_globals.clone())),
            (Payload::Frame(f), "f_builtins") => Some(Value::Obj(f.f_builtins.clone())),
            (Payload::Frame(f), "f_back") => Some(self.frame_back(f)),
            (Payload::Frame(f), "f_locals") => Some(self.frame_locals(f)?),
            (Payload::Frame(f), "f_lasti") => Some(Value::Int(self.frame_lasti(f) as i64)),
            (Payload::Frame(f), "f_trace") => Some(f.f_trace.get().clone()),
            (Payload::Frame(f), "f_trace_lines") => Some(Value::Bool(f.f_trace_lines.get())),
            (Payload::Frame(_), "f_trace_opcodes") => Some(Value::Bool(false)),
            (Payload::Frame(f), "f_lineno") => {
                let lasti = self.frame_lasti(f);
                let line = match &f.f_code.payload {
                    Payload::Code(c) => c.line_of(lasti as usize / 2),
                    _ => None,
                };
                Some(line.map_or(Value::None, |l| Value::Int(l as i64)))
            }
            (Payload::Code(c), _) => self.code_attr(c, name),
            (Payload::Generator(g), "gi_running" | "cr_running") => {
                Some(Value::Bool(*g.running.get()))
            }
            (Payload::Generator(g), "ag_running") => Some(Value::Bool(*g.ag_running_async.get())),
            (Payload::Generator(g), "gi_yieldfrom" | "cr_await" | "ag_await") => {
                Some(crate::objects::generator::delegate(g).unwrap_or(Value::None))
            }
            (Payload::Generator(g), "gi_code" | "cr_code" | "ag_code") => {
                Some(Value::Obj(g.code.clone()))
            }
            (Payload::Generator(g), "__name__") => Some(g.name.clone()),
            (Payload::Generator(g), "__qualname__") => Some(g.qualname.clone()),
            (Payload::Generator(g), "gi_frame" | "cr_frame" | "ag_frame") => {
                let fp: Option<*mut crate::frame::Frame> =
                    g.frame.get_mut().as_mut().map(|f| &mut **f as *mut _);
                match fp {
                    // SAFETY: the boxed frame is owned by the generator, which
                    // `v` keeps alive for this call.
                    Some(fp) => Some(Value::Obj(self.frame_object(unsafe { &mut *fp }))),
                    None => Some(Value::None),
                }
            }
            (Payload::Generator(g), "gi_suspended" | "cr_suspended") => Some(Value::Bool(
                *g.started.get() && !*g.finished.get() && !*g.running.get(),
            )),
            _ => None,
        })
    }

    fn code_attr(&mut self, c: &crate::objects::code::Code, name: &str) -> Option<Value> {
        let co = &c.co;
        let strs = |vm: &Vm, v: Vec<std::rc::Rc<str>>| {
            vm.new_tuple(v.iter().map(|s| vm.new_str(&**s)).collect::<Vec<_>>())
        };
        Some(match name {
            "co_name" => self.new_str(&*co.co_name),
            "co_qualname" => self.new_str(&*co.co_qualname),
            "co_filename" => self.new_str(&*co.co_filename),
            "co_firstlineno" => Value::Int(co.co_firstlineno as i64),
            "co_argcount" => Value::Int(co.co_argcount as i64),
            "co_posonlyargcount" => Value::Int(co.co_posonlyargcount as i64),
            "co_kwonlyargcount" => Value::Int(co.co_kwonlyargcount as i64),
            "co_stacksize" => Value::Int(co.co_stacksize as i64),
            "co_flags" => Value::Int(co.co_flags as i64),
            "co_nlocals" => Value::Int(co.co_nlocals() as i64),
            "co_code" | "_co_code_adaptive" => self.new_bytes(co.co_code.clone()),
            "co_linetable" => self.new_bytes(co.co_linetable.clone()),
            "co_exceptiontable" => self.new_bytes(co.co_exceptiontable.clone()),
            "co_consts" => self.new_tuple(c.consts.to_vec()),
            "co_names" => self.new_tuple(c.names.to_vec()),
            "co_varnames" => strs(self, co.co_varnames()),
            "co_cellvars" => strs(self, co.co_cellvars()),
            "co_freevars" => strs(self, co.co_freevars()),
            _ => return None,
        })
    }

    /// `setattr(v, name, value)`.
    pub fn setattr(&mut self, v: &Value, name: &str, value: Value) -> PyResult<()> {
        if let Some(target) = self.proxy_target(v)? {
            return self.setattr(&target, name, value);
        }
        let value = Some(value);
        if self.class_setattr_hook(v, name, &value)? {
            return Ok(());
        }
        match value {
            Some(value) => self.setattr_builtin(v, name, value),
            None => Ok(()),
        }
    }

    /// `setattr` on builtin objects (and the builtin state of subclass instances).
    pub(crate) fn setattr_builtin(&mut self, v: &Value, name: &str, value: Value) -> PyResult<()> {
        if let Some(o) = v.as_obj() {
            match &o.payload {
                Payload::Module(m) => {
                    crate::protocol::dict::dict_set_str_raw(self.types(), &m.dict, name, value);
                    return Ok(());
                }
                Payload::Type(t) if t.heap_type => {
                    crate::protocol::dict::dict_set_str_raw(self.types(), &t.dict, name, value);
                    return Ok(());
                }
                // property's __doc__ is a writable member in CPython
                // (namedtuple and urllib.parse set field docs this way).
                Payload::Property(p) if name == "__doc__" => {
                    drop(p.doc.replace(value));
                    return Ok(());
                }
                // property's __doc__ is a writable member in CPython
                // (namedtuple and urllib.parse set field docs this way).
                Payload::Property(p) if name == "__doc__" => {
                    drop(p.doc.replace(value));
                    return Ok(());
                }
                Payload::Frame(fr) if name == "f_trace" => {
                    drop(fr.f_trace.replace(value));
                    return Ok(());
                }
                Payload::Frame(fr) if name == "f_trace_lines" || name == "f_trace_opcodes" => {
                    let on = self.is_true(&value)?;
                    if name == "f_trace_lines" {
                        fr.f_trace_lines.set(on);
                    }
                    return Ok(());
                }
                Payload::Type(t) => {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name,
                        t.name.get()
                    )));
                }
                Payload::Traceback(tb) if name == "tb_next" => {
                    // tb_traceback_set_next: None or a traceback that does not
                    // lead back to this one.
                    let ok = match &value {
                        Value::None => true,
                        Value::Obj(n) if matches!(n.payload, Payload::Traceback(_)) => {
                            let mut cur = value.clone();
                            while let Some(Payload::Traceback(t)) = cur.payload() {
                                if cur.is(v) {
                                    return Err(self.value_error("traceback loop detected"));
                                }
                                let next = t.tb_next.cloned();
                                cur = next;
                            }
                            true
                        }
                        _ => false,
                    };
                    if !ok {
                        return Err(self.type_error(format!(
                            "expected traceback object or None, got '{}'",
                            self.type_name(&value)
                        )));
                    }
                    drop(tb.tb_next.replace(value));
                    return Ok(());
                }
                Payload::Exception(e) => {
                    match name {
                        "args" => {
                            let t = self.iterate(&value)?;
                            let t = self.new_tuple(t);
                            drop(e.args.replace(t));
                        }
                        "__traceback__" => drop(e.traceback.replace(value)),
                        "__context__" => drop(e.context.replace(value)),
                        "__cause__" => {
                            drop(e.cause.replace(value));
                            *e.suppress_context.get_mut() = true;
                        }
                        "__suppress_context__" => {
                            let b = self.is_true(&value)?;
                            *e.suppress_context.get_mut() = b;
                        }
                        _ => self.instance_dict_set(o, name, value),
                    }
                    return Ok(());
                }
                // (A plain `object()` has no __dict__.)
                Payload::Instance if o.class().payload_type().heap_type => {
                    let ty = o.class().clone();
                    if let Some(sa) = self.lookup_type(&ty, "__setattr__") {
                        if crate::objects::descriptor::is_python_defined(&sa) {
                            let n = self.new_str(name);
                            self.call_method_value(&sa, v, &[n, value])?;
                            return Ok(());
                        }
                    }
                    self.instance_dict_set(o, name, value);
                    return Ok(());
                }
                _ if o.class().payload_type().heap_type => {
                    self.instance_dict_set(o, name, value);
                    return Ok(());
                }
                // SimpleNamespace: a builtin whose instances have a __dict__.
                Payload::Instance if o.class().is(&self.types().simple_namespace) => {
                    self.instance_dict_set(o, name, value);
                    return Ok(());
                }
                _ => {}
            }
        }
        if let Some(d) = self.lookup_type(&self.type_of(v).clone(), name) {
            if matches!(d.payload(), Some(Payload::MemberDescr(_))) {
                // Struct sequence fields, function getsets: their own rules.
                if self.descr_set(&d, v, Some(value))? {
                    return Ok(());
                }
            }
            return Err(self.attribute_error(format!(
                "'{}' object attribute '{}' is read-only",
                self.type_name(v),
                name
            )));
        }
        Err(self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(v),
            name
        )))
    }

    pub(crate) fn instance_dict_set(&self, o: &ObjRef, name: &str, value: Value) {
        let d = match o.dict.get().clone() {
            Some(d) => d,
            None => {
                let d = self.new_dict();
                *o.dict.get_mut() = Some(d.clone());
                d
            }
        };
        crate::protocol::dict::dict_set_str_raw(self.types(), &d, name, value);
    }

    /// `delattr(v, name)`.
    pub fn delattr(&mut self, v: &Value, name: &str) -> PyResult<()> {
        if let Some(target) = self.proxy_target(v)? {
            return self.delattr(&target, name);
        }
        if self.class_setattr_hook(v, name, &None)? {
            return Ok(());
        }
        let dict = match v.payload() {
            Some(Payload::Module(m)) => Some(m.dict.clone()),
            Some(Payload::Type(t)) if t.heap_type => Some(t.dict.clone()),
            _ => v.as_obj().and_then(|o| o.dict.get().clone()),
        };
        if let Some(d) = dict {
            let key = self.new_str(name);
            if self.dict_del(&d, &key)?.is_some() {
                return Ok(());
            }
        }
        Err(self.no_attribute(v, name))
    }
}
