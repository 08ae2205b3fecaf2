//! Eval loop handlers too long to sit inline: name resolution (LEGB), raising
//! and matching exceptions, function creation, unpacking, imports, formatting,
//! and the traceback entries added while unwinding.

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::code::{Code, GlobalCache};
use crate::objects::function::Function;
use crate::objects::traceback::TracebackData;
use crate::protocol::dict::dict_get_str;
use crate::value::Value;
use crate::vm::Vm;

use super::Raised;

impl Vm {
    pub(super) fn unbound_local(&self, name: &str) -> PyErr {
        self.new_error(
            &self.types().exc.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    pub(super) fn unbound_deref(&self, code: &Code, i: usize) -> PyErr {
        let name = &code.co.co_localsplusnames[i];
        let kind = code.co.co_localspluskinds[i];
        if kind & pyrs_bytecode::code::kinds::CO_FAST_FREE != 0 {
            self.name_error(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        } else {
            self.unbound_local(name)
        }
    }

    pub(super) fn name_not_defined(&self, name: &Value) -> PyErr {
        let e = self.name_error(format!(
            "name '{}' is not defined",
            name.as_str().unwrap_or("?")
        ));
        self.instance_dict_set(&e.0, "name", name.clone());
        e
    }

    /// LOAD_GLOBAL's slow path: look the name up and fill the inline cache.
    pub(super) fn load_global_and_cache(
        &mut self,
        f: &Frame,
        name: &Value,
        code: &Code,
        slot: usize,
    ) -> PyResult<Value> {
        let (s, hash) = match name.payload() {
            Some(Payload::Str(ps)) => (ps.as_str(), ps.hash()),
            _ => return self.load_global(f, name),
        };
        let g = crate::protocol::dict::table(&f.globals).get();
        let cache = code.global_caches.get(slot);
        if let Some(ix) = g.find_str(s, hash) {
            if let (Some(c), Some(e)) = (cache, g.entry(ix)) {
                *c.get_mut() = GlobalCache {
                    globals_version: g.version,
                    builtins_version: 0,
                    index: ix as u32,
                };
                return Ok(e.value.clone());
            }
        } else if matches!(f.builtins.payload, Payload::Dict(_)) {
            let b = crate::protocol::dict::table(&f.builtins).get();
            if let Some(ix) = b.find_str(s, hash) {
                if let (Some(c), Some(e)) = (cache, b.entry(ix)) {
                    *c.get_mut() = GlobalCache {
                        globals_version: g.version,
                        builtins_version: b.version,
                        index: ix as u32,
                    };
                    return Ok(e.value.clone());
                }
            }
        }
        self.load_global(f, name)
    }

    /// LOAD_GLOBAL: globals, then builtins.
    pub(super) fn load_global(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        let s = name.as_str().unwrap_or("");
        let hash = match name.payload() {
            Some(Payload::Str(ps)) => ps.hash(),
            _ => 0,
        };
        if let Some(v) = crate::protocol::dict::dict_get_str_hashed(&f.globals, s, hash) {
            return Ok(v);
        }
        if let Some(v) = crate::protocol::dict::dict_get_str_hashed(&f.builtins, s, hash) {
            return Ok(v);
        }
        Err(self.name_not_defined(name))
    }

    /// A lookup in a locals mapping (a dict, or any mapping for class bodies).
    pub(super) fn mapping_get(&mut self, m: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        if matches!(m.payload, Payload::Dict(_)) && !m.class().payload_type().heap_type {
            return self.dict_get(m, key);
        }
        match self.getitem(&Value::Obj(m.clone()), key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &self.types().exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// LOAD_NAME: locals, globals, builtins.
    pub(super) fn load_name(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        if let Some(l) = f.locals.as_obj() {
            if let Some(v) = self.mapping_get(l, name)? {
                return Ok(v);
            }
        }
        self.load_global(f, name)
    }

    pub(super) fn store_name(&mut self, f: &Frame, name: Value, v: Value) -> PyResult<()> {
        match f.locals.as_obj() {
            // PyDict_CheckExact: a dict subclass from __prepare__ sees its __setitem__.
            Some(l)
                if matches!(l.payload, Payload::Dict(_)) && !l.class().payload_type().heap_type =>
            {
                self.dict_set(l, name, v)
            }
            Some(l) => self.setitem(&Value::Obj(l.clone()), &name, v),
            None => Err(self.system_error("no locals found when storing a name")),
        }
    }

    pub(super) fn delete_name(&mut self, f: &Frame, name: &Value) -> PyResult<()> {
        let Some(l) = f.locals.as_obj() else {
            return Err(self.system_error("no locals when deleting a name"));
        };
        if matches!(l.payload, Payload::Dict(_)) && !l.class().payload_type().heap_type {
            if self.dict_del(l, name)?.is_none() {
                return Err(self.name_not_defined(name));
            }
            return Ok(());
        }
        self.delitem(&Value::Obj(l.clone()), name)
    }

    /// CALL_FUNCTION_EX: `f(*args, **kwargs)`.
    pub(super) fn call_ex(
        &mut self,
        func: &Value,
        args: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<Value> {
        let mut all = match args.as_tuple() {
            Some(t) => t.to_vec(),
            None => self.iterate(args)?,
        };
        let mut kwnames = Vec::new();
        if let Some(kw) = kwargs {
            if let Some(d) = kw
                .as_obj()
                .filter(|d| matches!(d.payload, Payload::Dict(_)))
            {
                for (k, v) in Vm::dict_items(d) {
                    if k.as_str().is_none() {
                        return Err(self.type_error("keywords must be strings"));
                    }
                    kwnames.push(k);
                    all.push(v);
                }
            }
        }
        self.call_args(
            func,
            crate::objects::native::Args {
                args: &all,
                kwnames: &kwnames,
            },
        )
    }

    pub(super) fn extend_error(&self, e: PyErr, v: &Value) -> PyErr {
        if self.err_matches(&e, &self.types().exc.type_error)
            && self.lookup_type(self.type_of(v), "__iter__").is_none()
            && !matches!(
                v.payload(),
                Some(
                    Payload::List(_)
                        | Payload::Tuple(_)
                        | Payload::Str(_)
                        | Payload::Dict(_)
                        | Payload::Range(_)
                        | Payload::Iterator(_)
                        | Payload::Bytes(_)
                )
            )
        {
            return self.type_error(format!(
                "Value after * must be an iterable, not {}",
                self.type_name(v)
            ));
        }
        e
    }

    /// DICT_UPDATE / DICT_MERGE (merge rejects duplicate keys, for `f(**a, **b)`).
    pub(super) fn dict_update(&mut self, d: &ObjRef, src: &Value, merge: bool) -> PyResult<()> {
        let Some(s) = src
            .as_obj()
            .filter(|s| matches!(s.payload, Payload::Dict(_)))
        else {
            return Err(
                self.type_error(format!("'{}' object is not a mapping", self.type_name(src)))
            );
        };
        for (k, v) in Vm::dict_items(s) {
            if merge && self.dict_get(d, &k)?.is_some() {
                return Err(self.type_error(format!(
                    "got multiple values for keyword argument '{}'",
                    k.as_str().unwrap_or("?")
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// UNPACK_SEQUENCE: exactly `n` items.
    pub(super) fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        if let Some(t) = seq.as_tuple() {
            if t.len() == n {
                return Ok(t.to_vec());
            }
        }
        if let Some(Payload::List(l)) = seq.payload() {
            if l.get().len() == n {
                return Ok(l.get().clone());
            }
        }
        let it = self.iter(seq).map_err(|e| {
            if self.err_matches(&e, &self.types().exc.type_error) {
                self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(seq)
                ))
            } else {
                e
            }
        })?;
        let mut out = Vec::with_capacity(n);
        while let Some(x) = self.next(&it)? {
            if out.len() == n {
                return Err(self.value_error(format!("too many values to unpack (expected {n})")));
            }
            out.push(x);
        }
        if out.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                out.len()
            )));
        }
        Ok(out)
    }

    /// UNPACK_EX: `a, *b, c = seq`.
    pub(super) fn unpack_ex(
        &mut self,
        seq: &Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let items = self.iterate(seq).map_err(|e| {
            if self.err_matches(&e, &self.types().exc.type_error) {
                self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(seq)
                ))
            } else {
                e
            }
        })?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        out.push(self.new_list(items[before..items.len() - after].to_vec()));
        out.extend(items[items.len() - after..].iter().cloned());
        Ok(out)
    }

    /// MAKE_FUNCTION: the code object on top, then the optional parts below it.
    pub(super) fn make_function(&mut self, f: &mut Frame, flags: u32) -> PyResult<Value> {
        use pyrs_bytecode::opcode::make_function as mf;
        let code_obj = f.pop();
        let closure = if flags & mf::CLOSURE != 0 {
            f.pop()
        } else {
            Value::None
        };
        let annotations = if flags & mf::ANNOTATIONS != 0 {
            f.pop()
        } else {
            Value::None
        };
        let kwdefaults = if flags & mf::KWDEFAULTS != 0 {
            f.pop()
        } else {
            Value::None
        };
        let defaults = if flags & mf::DEFAULTS != 0 {
            f.pop()
        } else {
            Value::None
        };
        let Some(co) = code_obj.as_obj().cloned() else {
            return Err(self.system_error("MAKE_FUNCTION without code"));
        };
        let Payload::Code(code) = &co.payload else {
            return Err(self.system_error("MAKE_FUNCTION without code"));
        };
        let code = code.clone();
        let name = self.new_str(&*code.co.co_name);
        let qualname = code.qualname.cloned();
        let module = dict_get_str(&f.globals, "__name__").unwrap_or(Value::None);
        let doc = match code.consts.first() {
            Some(d) if d.as_str().is_some() && code.co.co_flags & 0x0400_0000 == 0 => d.clone(),
            _ => Value::None,
        };
        let func = Function {
            code_obj: GilCell::new(co.clone()),
            code: GilCell::new(code),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            name: GilCell::new(name),
            qualname: GilCell::new(qualname),
            module: GilCell::new(module),
            doc: GilCell::new(doc),
            defaults: GilCell::new(defaults),
            kwdefaults: GilCell::new(kwdefaults),
            closure: GilCell::new(closure),
            annotations: GilCell::new(annotations),
        };
        Ok(Value::Obj(ObjRef::new(
            &self.types().function,
            Payload::Function(Box::new(func)),
        )))
    }

    /// Turn a raise operand (a class or an instance) into an exception instance.
    pub fn make_exception(&mut self, v: &Value) -> PyResult<ObjRef> {
        if let Some(o) = v.as_obj() {
            if matches!(o.payload, Payload::Exception(_)) {
                return Ok(o.clone());
            }
            if matches!(o.payload, Payload::Type(_))
                && crate::vm::is_subtype(o, &self.types().exc.base_exception)
            {
                let inst = self.call(v, &[])?;
                if let Some(i) = inst
                    .as_obj()
                    .filter(|i| matches!(i.payload, Payload::Exception(_)))
                {
                    return Ok(i.clone());
                }
                let r = self.repr_string(v)?;
                return Err(self.type_error(format!(
                    "calling {r} should have returned an instance of BaseException, not {}",
                    self.type_name(&inst)
                )));
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// RAISE_VARARGS.
    pub(super) fn do_raise(&mut self, f: &mut Frame, argc: u32) -> (PyErr, Raised) {
        match argc {
            0 => match self.exc_info.as_obj() {
                Some(e) if matches!(e.payload, Payload::Exception(_)) => {
                    (PyErr(e.clone()), Raised::Reraise(None))
                }
                _ => (
                    self.runtime_error("No active exception to reraise"),
                    Raised::Here,
                ),
            },
            _ => {
                let cause = if argc == 2 { Some(f.pop()) } else { None };
                let exc = f.pop();
                let e = match self.make_exception(&exc) {
                    Ok(e) => e,
                    Err(err) => return (err, Raised::Here),
                };
                if let Some(cause) = cause {
                    let cause = match &cause {
                        Value::None => Value::None,
                        c => match self.make_exception(c) {
                            Ok(ce) => Value::Obj(ce),
                            Err(_) => {
                                return (
                                    self.type_error(
                                        "exception causes must derive from BaseException",
                                    ),
                                    Raised::Here,
                                )
                            }
                        },
                    };
                    if let Payload::Exception(ed) = &e.payload {
                        drop(ed.cause.replace(cause));
                        *ed.suppress_context.get_mut() = true;
                    }
                }
                (PyErr(e), Raised::Here)
            }
        }
    }

    /// CHECK_EXC_MATCH: `isinstance(exc, ty)` for a class or tuple of classes.
    pub(super) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let classes: Vec<Value> = match ty.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![ty.clone()],
        };
        for c in &classes {
            let ok = c.as_obj().is_some_and(|o| {
                matches!(o.payload, Payload::Type(_))
                    && crate::vm::is_subtype(o, &self.types().exc.base_exception)
            });
            if !ok {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        let et = self.type_of(exc).clone();
        Ok(classes
            .iter()
            .any(|c| c.as_obj().is_some_and(|o| crate::vm::is_subtype(&et, o))))
    }

    /// Set the handled exception as `__context__` of a newly raised one
    /// (`_PyErr_SetObject`), breaking any cycle this would create.
    pub(super) fn chain_context(&mut self, err: &PyErr) {
        let Some(ctx) = self.exc_info.as_obj().cloned() else {
            return;
        };
        if ctx.is(&err.0) || !matches!(ctx.payload, Payload::Exception(_)) {
            return;
        }
        let Payload::Exception(ed) = &err.0.payload else {
            return;
        };
        if !matches!(ed.context.get(), Value::None) {
            return;
        }
        // Cut the chain where it would lead back to the new exception.
        let mut o = ctx.clone();
        while let Payload::Exception(od) = &o.payload {
            let next = od.context.cloned();
            match next.as_obj() {
                Some(n) if n.is(&err.0) => {
                    drop(od.context.replace(Value::None));
                    break;
                }
                Some(n) => o = n.clone(),
                None => break,
            }
        }
        drop(ed.context.replace(Value::Obj(ctx)));
    }

    /// PyTraceBack_Here: prepend a link for frame `f` at its current instruction.
    pub(crate) fn add_traceback(&mut self, f: &mut Frame, err: &PyErr) {
        let frame = self.frame_object(f);
        let Payload::Exception(ed) = &err.0.payload else {
            return;
        };
        let next = ed.traceback.cloned();
        let tb = TracebackData {
            tb_next: crate::gil_cell::GilCell::new(next),
            tb_frame: frame,
            tb_lasti: (f.lasti * 2) as u32,
        };
        let tb = ObjRef::new(&self.types().traceback, Payload::Traceback(tb));
        drop(ed.traceback.replace(Value::Obj(tb)));
    }

    /// IMPORT_NAME.
    pub(super) fn import_name(
        &mut self,
        f: &Frame,
        name: &Value,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let level = match level {
            Value::Int(l) => *l,
            _ => 0,
        };
        // A program may replace builtins.__import__; CPython calls the
        // replacement, and imports natively only while it is the original.
        let Some(import_func) = dict_get_str(&f.builtins, "__import__") else {
            return Err(self.new_error(&self.types().exc.import_error, "__import__ not found"));
        };
        let original = matches!(import_func.payload(), Some(Payload::NativeFunction(nf))
            if std::ptr::fn_addr_eq(nf.def.func, crate::builtins::builtin_import as crate::objects::native::NativeFn));
        if !original {
            let locals = match &f.locals {
                Value::Obj(_) => f.locals.clone(),
                _ => Value::None,
            };
            let args = [
                name.clone(),
                Value::Obj(f.globals.clone()),
                locals,
                fromlist.clone(),
                Value::Int(level),
            ];
            return self.call(&import_func, &args);
        }
        let n = name.as_str().unwrap_or("").to_string();
        let globals = f.globals.clone();
        self.import_module_level(&n, Some(&globals), fromlist, level)
    }

    pub(super) fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.try_getattr(m, name)? {
            return Ok(v);
        }
        // A submodule that is in sys.modules but not yet bound on its parent
        // (a circular import in progress).
        let pkg = self
            .try_getattr(m, "__name__")?
            .and_then(|n| n.as_str().map(str::to_string));
        if let Some(p) = &pkg {
            if let Some(sub) = dict_get_str(&self.interp.modules, &format!("{p}.{name}")) {
                return Ok(sub);
            }
        }
        let mname = pkg
            .clone()
            .unwrap_or_else(|| "<unknown module name>".into());
        let file = self
            .try_getattr(m, "__file__")?
            .and_then(|f| f.as_str().map(str::to_string));
        let location = file.clone().unwrap_or_else(|| "unknown location".into());
        let msg = if pkg.as_deref().is_some_and(crate::import::is_initializing) {
            format!("cannot import name '{name}' from partially initialized module '{mname}' (most likely due to a circular import) ({location})")
        } else {
            format!("cannot import name '{name}' from '{mname}' ({location})")
        };
        let e = self.new_exception(&self.types().exc.import_error, vec![self.new_str(msg)]);
        self.instance_dict_set(&e, "name", pkg.map_or(Value::None, |p| self.new_str(p)));
        self.instance_dict_set(&e, "path", file.map_or(Value::None, |f| self.new_str(f)));
        Err(PyErr(e))
    }

    /// FORMAT_VALUE: conversion, then `format(value, spec)`.
    pub(super) fn format_value(
        &mut self,
        v: Value,
        conv: u32,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let v = match conv {
            1 => self.to_str(&v)?,
            2 => self.repr(&v)?,
            3 => {
                let r = self.repr_string(&v)?;
                self.new_str(crate::builtins::ascii_escape(&r))
            }
            _ => v,
        };
        let spec_s = spec
            .as_ref()
            .and_then(|s| s.as_str().map(str::to_string))
            .unwrap_or_default();
        if spec_s.is_empty() {
            if let Some(Payload::Str(_)) = v.payload() {
                if v.as_obj().is_some_and(|o| o.class().is(&self.types().str_)) {
                    return Ok(v);
                }
            }
        }
        self.format(&v, &spec_s)
    }

    /// PRINT_EXPR (interactive mode): `sys.displayhook(v)`.
    pub(super) fn print_expr(&mut self, v: &Value) -> PyResult<()> {
        match dict_get_str(&self.interp.sys_dict, "displayhook") {
            Some(hook) => self.call(&hook, std::slice::from_ref(v)).map(drop),
            None => Err(self.runtime_error("lost sys.displayhook")),
        }
    }

    pub(super) fn setup_annotations(&mut self, f: &Frame) -> PyResult<()> {
        let Some(l) = f.locals.as_obj() else {
            return Err(self.system_error("no locals found when setting up annotations"));
        };
        let key = self.new_str("__annotations__");
        if self.mapping_get(l, &key)?.is_none() {
            let d = self.new_dict();
            self.setitem(&Value::Obj(l.clone()), &key, Value::Obj(d))?;
        }
        Ok(())
    }
}

/// LOAD_GLOBAL's fast path: the cached entry, if both dicts are unchanged.
#[inline(always)]
pub(super) fn cached_global(code: &Code, slot: usize, f: &Frame) -> Option<Value> {
    let c = *code.global_caches.get(slot)?.get();
    let g = match &f.globals.payload {
        Payload::Dict(t) => t.get(),
        _ => return None,
    };
    if c.globals_version != g.version || c.globals_version == 0 {
        return None;
    }
    if c.builtins_version == 0 {
        return g.entry(c.index as usize).map(|e| e.value.clone());
    }
    let b = match &f.builtins.payload {
        Payload::Dict(t) => t.get(),
        _ => return None,
    };
    if c.builtins_version != b.version {
        return None;
    }
    b.entry(c.index as usize).map(|e| e.value.clone())
}

/// BINARY_SUBSCR's fast path: an exact list or tuple indexed by an in-range int.
#[inline(always)]
pub(super) fn index_fast(c: &Value, k: &Value) -> Option<Value> {
    let (Value::Obj(o), Value::Int(i)) = (c, k) else {
        return None;
    };
    let items: &[Value] = match &o.payload {
        Payload::List(l) => l.get(),
        Payload::Tuple(t) => t,
        _ => return None,
    };
    if o.class().payload_type().heap_type {
        return None;
    }
    let i = if *i < 0 {
        i.checked_add(items.len() as i64)?
    } else {
        *i
    };
    items.get(usize::try_from(i).ok()?).cloned()
}
