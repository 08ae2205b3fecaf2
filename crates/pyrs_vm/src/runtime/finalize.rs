//! Finalizers (PEP 442, CPython's tp_finalize): `__del__` of instances and
//! the closing of suspended generators. An object whose count reaches zero
//! is not freed if it needs finalizing: it is resurrected into a queue and
//! the eval breaker runs its finalizer at the next safe point (Python code
//! never runs inside a deallocation); dropping the queue's reference then
//! frees it for good, or not, if the finalizer resurrected it. Each object
//! is finalized at most once (`FLAG_FINALIZED`).

use crate::object::{ObjRef, Payload, PyObject, FLAG_FINALIZED};
use crate::objects::native::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

thread_local! {
    /// Resurrected objects whose finalizer is due, in the order they died.
    static QUEUE: RefCell<VecDeque<ObjRef>> = const { RefCell::new(VecDeque::new()) };
    /// Set at the very end of the interpreter's life: objects freed after it
    /// are freed without their finalizer.
    static DISABLED: Cell<bool> = const { Cell::new(false) };
    /// The hash of "__del__" (its SipHash is keyed at start-up, so computed once).
    static DEL_HASH: Cell<Option<i64>> = const { Cell::new(None) };
}

/// Whether `obj` (whose count just reached zero) has a finalizer still to run.
pub(crate) fn needs_finalizer(obj: &PyObject) -> bool {
    if obj.flags.get() & FLAG_FINALIZED != 0 {
        return false;
    }
    if let Payload::Generator(g) = &obj.payload {
        // A suspended generator is closed, so its `finally` blocks run; one
        // with an async finalizer hook goes to that hook.
        return g.frame.get().is_some()
            && (*g.started.get() || !matches!(g.ag_finalizer.get(), Value::None));
    }
    // SAFETY: an object's type outlives it.
    let ty = unsafe { &*obj.class_ptr() };
    let Some(t) = ty.payload_type_opt() else {
        return false;
    };
    if !t.heap_type {
        return false;
    }
    type_has_del(t)
}

/// `__del__` somewhere in the MRO, remembered in the class cache until a
/// class attribute changes.
fn type_has_del(t: &crate::objects::type_::TypeData) -> bool {
    let epoch = crate::objects::class_cache::current_epoch();
    let c = t.cache.get_mut();
    if c.del_epoch == epoch {
        return c.has_del;
    }
    let hash = DEL_HASH.with(|h| match h.get() {
        Some(x) => x,
        None => {
            let x = crate::objects::str::str_hash("__del__");
            h.set(Some(x));
            x
        }
    });
    let has = t.mro.get().iter().any(|base| {
        base.payload_type_opt().is_some_and(|bt| {
            crate::protocol::dict::dict_get_str_hashed(&bt.dict, "__del__", hash).is_some()
        })
    });
    c.del_epoch = epoch;
    c.has_del = has;
    has
}

/// Take over a dead object that needs finalizing: false if finalizers are
/// off (or the thread is going away), and the caller frees it.
pub(crate) fn schedule(obj: &PyObject) -> bool {
    if DISABLED.try_with(|d| d.get()).unwrap_or(true) {
        return false;
    }
    obj.flags.set(obj.flags.get() | FLAG_FINALIZED);
    // SAFETY: `obj` is live with a count of zero; the queue's reference is
    // the one count it gets back.
    let r = unsafe { ObjRef::resurrect(obj) };
    let queued = QUEUE.try_with(|q| q.borrow_mut().push_back(r)).is_ok();
    if queued {
        crate::eval::EVAL_BREAKER.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    queued
}

/// Mark an unreachable object found by the cycle collector as finalized and
/// queue a strong reference to it (it is alive again until the finalizer ran).
pub(crate) fn schedule_from_gc(obj: &ObjRef) {
    obj.flags.set(obj.flags.get() | FLAG_FINALIZED);
    let r = obj.clone();
    if QUEUE.try_with(|q| q.borrow_mut().push_back(r)).is_ok() {
        crate::eval::EVAL_BREAKER.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

pub fn pending() -> bool {
    QUEUE.try_with(|q| !q.borrow().is_empty()).unwrap_or(false)
}

/// Stop finalizing: the interpreter is going away.
pub fn disable() {
    let _ = DISABLED.try_with(|d| d.set(true));
}

impl Vm {
    /// Run every due finalizer (and those that running them makes due).
    pub fn run_finalizers(&mut self) {
        while let Some(obj) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
            let v = Value::Obj(obj);
            if let Some(Payload::Generator(_)) = v.payload() {
                self.finalize_generator(&v);
            } else {
                let ty = self.type_of(&v).clone();
                if let Some(del) = self.lookup_type(&ty, "__del__") {
                    if let Err(e) = self.call_method_value(&del, &v, &[]) {
                        self.write_unraisable(&e, &del);
                    }
                }
            }
            drop(v);
        }
    }

    /// `_PyGen_Finalize`: hand an async generator to its finalizer hook,
    /// else close the generator; errors are unraisable.
    fn finalize_generator(&mut self, gen: &Value) {
        let Some(Payload::Generator(g)) = gen.payload() else {
            return;
        };
        let hook = g.ag_finalizer.get().clone();
        let r = if !matches!(hook, Value::None) && !*g.ag_closed.get() {
            self.call(&hook, std::slice::from_ref(gen)).map(drop)
        } else {
            let args = [gen.clone()];
            crate::objects::generator::gen_close(self, Args::positional(&args)).map(drop)
        };
        if let Err(e) = r {
            self.write_unraisable(&e, gen);
        }
    }

    /// What the interpreter does at exit, as far as programs observe it:
    /// `__main__`'s globals go, in insertion order (each value's finalizer
    /// runs as it goes), then a collection finalizes what cycles keep.
    pub fn finalize_at_exit(&mut self) {
        self.run_finalizers();
        self.run_pending_callbacks();
        let main = crate::protocol::dict::dict_get_str(&self.interp.modules, "__main__");
        if let Some(Value::Obj(m)) = main {
            if let Payload::Module(md) = &m.payload {
                let entries = match &md.dict.payload {
                    Payload::Dict(d) => d.get_mut().clear(),
                    _ => Vec::new(),
                };
                for e in entries {
                    drop(e.key);
                    drop(e.value);
                    self.run_finalizers();
                    self.run_pending_callbacks();
                }
            }
        }
        for _ in 0..2 {
            crate::runtime::gc::collect();
            self.run_finalizers();
            self.run_pending_callbacks();
        }
        disable();
    }
}
