//! A per-class summary of the special methods that attribute access and
//! instance creation consult on every use (is `__getattribute__` overridden,
//! do instances have a `__dict__`...), so that those paths do not walk the
//! MRO's dicts each time. CPython gets the same effect from type slots
//! (tp_getattro, tp_dictoffset) that it updates in `update_slot`; here a
//! global epoch, bumped whenever any class attribute is set or deleted,
//! invalidates every summary at once.

use crate::object::ObjRef;
use crate::objects::descriptor::is_python_defined;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    /// Starts at 1 so that a zeroed summary is stale.
    static EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// Call when a class's dict changes: every summary is recomputed on next use.
pub fn invalidate_all() {
    EPOCH.with(|e| e.set(e.get() + 1));
}

#[derive(Clone, Copy, Default)]
pub struct ClassCache {
    /// The epoch this summary was computed in (0: never).
    pub epoch: u64,
    /// A class statement defines `__getattribute__`.
    pub getattribute: bool,
    /// Some class in the MRO defines `__getattr__`.
    pub getattr: bool,
    /// A class statement defines `__setattr__` / `__delattr__`.
    pub setattr: bool,
    pub delattr: bool,
    /// Instances have a `__dict__` (no `__slots__` without `__dict__`).
    pub has_dict: bool,
    /// `__slots__` entries in the MRO (the length of a Slots payload).
    pub slot_count: usize,
    /// `__new__` / `__init__` are `object`'s own.
    pub object_new: bool,
    pub object_init: bool,
    /// A true `__abstractmethods__` was assigned to the class (as abc does
    /// after making it; a class body's own does not count, as in CPython):
    /// `object.__new__` refuses to instantiate it. Kept across epochs.
    pub abstract_: bool,
    /// Some class in the MRO defines `__del__`, as of epoch `del_epoch`
    /// (kept apart: deallocation asks without a `Vm`, runtime/finalize.rs).
    pub del_epoch: u64,
    pub has_del: bool,
}

/// The epoch summaries are valid in.
pub fn current_epoch() -> u64 {
    EPOCH.with(Cell::get)
}

impl Vm {
    /// The summary of heap type `ty`, recomputed if a class changed since.
    pub fn class_cache(&self, ty: &ObjRef) -> ClassCache {
        let epoch = EPOCH.with(Cell::get);
        let t = ty.payload_type();
        let c = *t.cache.get();
        if c.epoch == epoch {
            return c;
        }
        let py = |name: &str| {
            self.lookup_type(ty, name)
                .is_some_and(|m| is_python_defined(&m))
        };
        let object_dict = &self.types().object.payload_type().dict;
        let is_object = |name: &str| match (
            self.lookup_type(ty, name),
            crate::protocol::dict::dict_get_str(object_dict, name),
        ) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        };
        let c = ClassCache {
            epoch,
            getattribute: t.heap_type && py("__getattribute__"),
            getattr: t.heap_type && self.lookup_type(ty, "__getattr__").is_some(),
            setattr: t.heap_type && py("__setattr__"),
            delattr: t.heap_type && py("__delattr__"),
            has_dict: self.compute_has_instance_dict(ty),
            slot_count: self.compute_slot_count(ty),
            object_new: is_object("__new__"),
            object_init: is_object("__init__"),
            abstract_: c.abstract_,
            del_epoch: c.del_epoch,
            has_del: c.has_del,
        };
        *t.cache.get_mut() = c;
        c
    }
}
