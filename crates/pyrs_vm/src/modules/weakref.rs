//! `_weakref` (Modules/_weakref.c, Objects/weakrefobject.c): weak references
//! and proxies. A table maps each referent to the weak references to it; when
//! the referent is freed they go dead, and their callbacks are queued to run
//! at the eval loop's next safe point (a call, a backward jump), which keeps
//! Python code out of deallocation.

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload, PyObject, FLAG_WEAKREFS};
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub struct WeakRefData {
    /// The referent, or null once it has been freed.
    pub referent: Cell<*const PyObject>,
    pub callback: GilCell<Value>,
    /// The referent's hash, kept once computed (it must survive the referent).
    pub hash: Cell<Option<i64>>,
    /// A proxy forwards attribute access instead of being called.
    pub proxy: bool,
}

thread_local! {
    /// Referent address -> the weak reference objects to it.
    static TABLE: RefCell<crate::fast_hash::FastHashMap<usize, Vec<*const PyObject>>> =
        RefCell::new(crate::fast_hash::FastHashMap::default());
    /// Dead weak references whose callbacks are still to run.
    static PENDING: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
}

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("getweakrefcount", getweakrefcount),
    MethodDef::method("getweakrefs", getweakrefs),
    MethodDef::method("proxy", make_proxy),
    MethodDef::method("_remove_dead_weakref", remove_dead_weakref),
];

const REF_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", ref_new),
    MethodDef::method("__init__", ref_init),
    MethodDef::method("__call__", ref_call),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, module, FUNCTIONS);
    let t = vm.types();
    crate::runtime::types::add_methods(t, &t.weakref, REF_METHODS);
    super::set_attr(vm, module, "ref", Value::Obj(t.weakref.clone()));
    super::set_attr(vm, module, "ReferenceType", Value::Obj(t.weakref.clone()));
    super::set_attr(vm, module, "ProxyType", Value::Obj(t.weakproxy.clone()));
    super::set_attr(
        vm,
        module,
        "CallableProxyType",
        Value::Obj(t.weakcallableproxy.clone()),
    );
    Ok(())
}

/// Whether `v` may be weakly referenced (CPython: types with a weaklist slot).
fn weakrefable(vm: &Vm, v: &Value) -> bool {
    let Some(o) = v.as_obj() else { return false };
    if o.class().payload_type().heap_type {
        return true;
    }
    let _ = vm;
    matches!(
        o.payload,
        Payload::Function(_)
            | Payload::Type(_)
            | Payload::Module(_)
            | Payload::Generator(_)
            | Payload::BoundMethod { .. }
            | Payload::Code(_)
            | Payload::Frame(_)
            | Payload::WeakRef(_)
    )
}

/// Make a weak reference of class `cls` to `target`.
pub fn new_weakref(
    vm: &mut Vm,
    cls: &ObjRef,
    target: &Value,
    callback: Value,
    proxy: bool,
) -> PyResult<Value> {
    if !weakrefable(vm, target) {
        return Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(target)
        )));
    }
    let Some(t) = target.as_obj() else {
        unreachable!()
    };
    let addr = t.as_ptr() as usize;
    // A plain ref without a callback is shared, as in CPython.
    if !proxy && matches!(callback, Value::None) && cls.is(&vm.types().weakref) {
        let existing = TABLE.with(|tb| {
            tb.borrow().get(&addr).and_then(|refs| {
                refs.iter().copied().find(|&r| {
                    // SAFETY: table entries are live weakref objects.
                    let r = unsafe { &*r };
                    r.class_ptr() == vm.types().weakref.as_ptr() && matches!(&r.payload, Payload::WeakRef(w) if matches!(w.callback.get(), Value::None) && !w.proxy)
                })
            })
        });
        if let Some(r) = existing {
            // SAFETY: as above.
            return Ok(Value::Obj(unsafe { ObjRef::from_raw_borrowed(r) }));
        }
    }
    let data = WeakRefData {
        referent: Cell::new(t.as_ptr()),
        callback: GilCell::new(callback),
        hash: Cell::new(None),
        proxy,
    };
    let r = ObjRef::new(cls, Payload::WeakRef(Box::new(data)));
    TABLE.with(|tb| tb.borrow_mut().entry(addr).or_default().push(r.as_ptr()));
    t.flags.set(t.flags.get() | FLAG_WEAKREFS);
    Ok(Value::Obj(r))
}

/// The referent of a weak reference, if it is still alive.
pub fn referent(w: &WeakRefData) -> Option<ObjRef> {
    let p = w.referent.get();
    // SAFETY: a non-null referent is alive (it is nulled when freed).
    (!p.is_null()).then(|| unsafe { ObjRef::from_raw_borrowed(p) })
}

/// Called when an object with weak references is freed.
pub(crate) fn referent_freed(addr: usize) {
    let Some(refs) = TABLE.with(|tb| tb.borrow_mut().remove(&addr)) else {
        return;
    };
    for r in refs {
        // SAFETY: table entries are live weakref objects.
        let obj = unsafe { &*r };
        if let Payload::WeakRef(w) = &obj.payload {
            w.referent.set(std::ptr::null());
            if !matches!(w.callback.get(), Value::None) {
                // SAFETY: as above; the queue keeps it alive until the callback ran.
                PENDING.with(|p| p.borrow_mut().push(unsafe { ObjRef::from_raw_borrowed(r) }));
                crate::eval::EVAL_BREAKER.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }
}

/// Called when a weak reference object itself is freed.
pub(crate) fn weakref_freed(obj: &PyObject) {
    let Payload::WeakRef(w) = &obj.payload else {
        return;
    };
    let target = w.referent.get();
    if target.is_null() {
        return;
    }
    let me = obj as *const PyObject;
    TABLE.with(|tb| {
        let mut tb = tb.borrow_mut();
        if let Some(list) = tb.get_mut(&(target as usize)) {
            list.retain(|&r| r != me);
            if list.is_empty() {
                tb.remove(&(target as usize));
                // SAFETY: the referent is alive (its pointer is not null).
                let t = unsafe { &*target };
                t.flags.set(t.flags.get() & !FLAG_WEAKREFS);
            }
        }
    });
}

impl Vm {
    /// Run the callbacks of weak references that went dead; an exception in
    /// one is reported as unraisable, as CPython does.
    pub fn run_pending_callbacks(&mut self) {
        loop {
            let Some(r) = PENDING.with(|p| p.borrow_mut().pop()) else {
                break;
            };
            let Payload::WeakRef(w) = &r.payload else {
                continue;
            };
            let cb = w.callback.replace(Value::None);
            if let Err(e) = self.call(&cb, &[Value::Obj(r.clone())]) {
                self.write_unraisable(&e, &cb);
            }
        }
    }

    /// `PyErr_WriteUnraisable`: "Exception ignored in: ..." and the traceback.
    pub fn write_unraisable(&mut self, e: &crate::error::PyErr, obj: &Value) {
        // An exception raised by Rust code has no traceback yet: it gets the
        // running frame's, as CPython's PyErr_WriteUnraisable gives it.
        let no_tb = matches!(&e.0.payload, Payload::Exception(d) if matches!(d.traceback.get(), Value::None));
        if no_tb {
            if let Some(fp) = self
                .frames
                .last_mut()
                .map(|f| &mut **f as *mut crate::frame::Frame)
            {
                // SAFETY: the frame is boxed on the frame stack for this call.
                self.add_traceback(unsafe { &mut *fp }, e);
            }
        }
        if let Ok(true) = self.call_user_unraisablehook(e, obj) {
            return;
        }
        let what = self
            .repr_string(obj)
            .unwrap_or_else(|_| "<object repr() failed>".into());
        let text = format!(
            "Exception ignored in: {}\n{}",
            what,
            self.format_exception(&e.0)
        );
        let stderr = crate::protocol::dict::dict_get_str(&self.interp.sys_dict, "stderr")
            .unwrap_or(Value::None);
        if self.write_to_file(&stderr, &text).is_err() {
            eprint!("{text}");
        }
    }
}

fn ref_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(cls) = pos
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error("weakref.__new__(X): X is not a type object"));
    };
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    let callback = pos.get(2).cloned().unwrap_or(Value::None);
    new_weakref(vm, &cls, &pos[1], callback, false)
}

fn ref_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn ref_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(
        vm,
        "weakref",
        &Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
        0,
        0,
    )?;
    match args.args[0].payload() {
        Some(Payload::WeakRef(w)) => Ok(referent(w).map_or(Value::None, Value::Obj)),
        _ => Err(vm.type_error("descriptor requires a weakref")),
    }
}

fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "getweakrefcount", &a, 1, 1)?;
    let n = a.args[0].as_obj().map_or(0, |o| {
        TABLE.with(|tb| {
            tb.borrow()
                .get(&(o.as_ptr() as usize))
                .map_or(0, |l| l.len())
        })
    });
    Ok(Value::Int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "getweakrefs", &a, 1, 1)?;
    let refs: Vec<*const PyObject> = a.args[0].as_obj().map_or(Vec::new(), |o| {
        TABLE.with(|tb| {
            tb.borrow()
                .get(&(o.as_ptr() as usize))
                .cloned()
                .unwrap_or_default()
        })
    });
    // SAFETY: table entries are live weakref objects.
    let items = refs
        .into_iter()
        .map(|r| Value::Obj(unsafe { ObjRef::from_raw_borrowed(r) }))
        .collect();
    Ok(vm.new_list(items))
}

fn make_proxy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "proxy", &a, 1, 2)?;
    let target = a.args[0].clone();
    let callable = matches!(
        target.payload(),
        Some(Payload::Function(_) | Payload::BoundMethod { .. })
    ) || vm
        .lookup_type(&vm.type_of(&target).clone(), "__call__")
        .is_some();
    let cls = if callable {
        vm.types().weakcallableproxy.clone()
    } else {
        vm.types().weakproxy.clone()
    };
    new_weakref(
        vm,
        &cls,
        &target,
        a.args.get(1).cloned().unwrap_or(Value::None),
        true,
    )
}

/// `_remove_dead_weakref(d, key)`: delete `d[key]` if it is a dead weakref.
fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "_remove_dead_weakref", &a, 2, 2)?;
    let Some(d) = a.args[0]
        .as_obj()
        .filter(|d| matches!(d.payload, Payload::Dict(_)))
        .cloned()
    else {
        return Err(vm.type_error("_remove_dead_weakref() argument 1 must be dict"));
    };
    if let Some(v) = vm.dict_get(&d, &a.args[1])? {
        if let Some(Payload::WeakRef(w)) = v.payload() {
            if w.referent.get().is_null() {
                vm.dict_del(&d, &a.args[1])?;
            }
        }
    }
    Ok(Value::None)
}

/// `hash(ref)`: the referent's, remembered so it outlives the referent.
pub fn weakref_hash(vm: &mut Vm, w: &WeakRefData) -> PyResult<i64> {
    if let Some(h) = w.hash.get() {
        return Ok(h);
    }
    match referent(w) {
        Some(o) => {
            let h = vm.hash(&Value::Obj(o))?;
            w.hash.set(Some(h));
            Ok(h)
        }
        None => Err(vm.type_error("weak object has gone away")),
    }
}

/// `repr(ref)`.
pub fn weakref_repr(vm: &mut Vm, o: &ObjRef, w: &WeakRefData) -> String {
    let kind = if w.proxy { "weakproxy" } else { "weakref" };
    match referent(w) {
        Some(t) => format!(
            "<{kind} at {:#x}; to '{}' at {:#x}>",
            o.addr(),
            vm.type_name(&Value::Obj(t.clone())),
            t.addr()
        ),
        None => format!("<{kind} at {:#x}; dead>", o.addr()),
    }
}
