//! The cycle collector (Modules/gcmodule.c's algorithm). Reference counting
//! frees everything but cycles; this finds unreachable cycles among the
//! container objects it tracks: subtract, for each tracked object, the
//! references other tracked objects hold to it; whatever keeps a positive
//! count is referenced from outside (frames, Rust locals, the runtime) and is
//! reachable with all it refers to; the rest is garbage and is cleared.
//!
//! Traversal may under-report references (that object then looks reachable,
//! a leak at worst) but must never over-report, or a live object is cleared.

use crate::object::{ObjRef, Payload, PyObject, UNTRACKED};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    /// Every tracked container, by `gc_index`.
    static TRACKED: RefCell<Vec<*const PyObject>> = const { RefCell::new(Vec::new()) };
    /// Tracked allocations since the last collection (gc.get_count()[0]).
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    /// Live tracked objects just after the last collection.
    static SURVIVORS: Cell<usize> = const { Cell::new(0) };
    static THRESHOLDS: Cell<(usize, usize, usize)> = const { Cell::new((700, 10, 10)) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
}

/// Set when enough allocations have happened; the eval loop collects at its
/// next safe point (a call, a backward jump), never inside an allocation,
/// where Rust code may be holding object state.
pub static COLLECTION_DUE: AtomicBool = AtomicBool::new(false);

/// Whether objects with this payload can be part of a reference cycle.
pub fn is_container(p: &Payload) -> bool {
    !matches!(
        p,
        Payload::Int(_)
            | Payload::Float(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::Code(_)
            | Payload::Range(_)
            | Payload::Singleton(_)
    )
}

pub(crate) fn track(obj: &ObjRef) {
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        obj.gc_index.set(t.len() as u32);
        t.push(obj.as_ptr());
    });
    let n = ALLOCATIONS.with(|a| {
        let n = a.get() + 1;
        a.set(n);
        n
    });
    // Collect when allocations pass the threshold and have grown the tracked
    // heap by a quarter since the last collection, so that large heaps are
    // not rescanned every 700 allocations (the role of CPython's generations).
    let (t0, _, _) = THRESHOLDS.with(|t| t.get());
    if t0 > 0 && n > t0 && n * 4 > SURVIVORS.with(|s| s.get()) && ENABLED.with(|e| e.get()) {
        COLLECTION_DUE.store(true, Ordering::Relaxed);
        crate::eval::EVAL_BREAKER.store(true, Ordering::Relaxed);
    }
}

pub(crate) fn untrack(obj: &PyObject) {
    let i = obj.gc_index.get();
    obj.gc_index.set(UNTRACKED);
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        let i = i as usize;
        if i < t.len() {
            t.swap_remove(i);
            if let Some(&moved) = t.get(i) {
                // SAFETY: registry entries are live objects.
                unsafe { (*moved).gc_index.set(i as u32) };
            }
        }
    });
    ALLOCATIONS.with(|a| a.set(a.get().saturating_sub(1)));
}

fn visit_value(v: &Value, visit: &mut dyn FnMut(&PyObject)) {
    if let Value::Obj(o) = v {
        visit(o);
    }
}

fn visit_frame(f: &crate::frame::Frame, visit: &mut dyn FnMut(&PyObject)) {
    visit(&f.code_obj);
    if let Some(func) = &f.func {
        visit(func);
    }
    visit(&f.globals);
    visit(&f.builtins);
    visit_value(&f.locals, visit);
    f.fast
        .iter()
        .chain(f.stack.iter())
        .for_each(|v| visit_value(v, visit));
    if let Some(k) = &f.kw_names {
        visit_value(k, visit);
    }
    if let Some(fo) = &f.frame_obj {
        visit(fo);
    }
}

/// Every reference `obj` holds (tp_traverse).
fn traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(d) = obj.dict.get() {
        visit(d);
    }
    match &obj.payload {
        Payload::Tuple(items) => items.iter().for_each(|v| visit_value(v, visit)),
        Payload::List(l) => l.get().iter().for_each(|v| visit_value(v, visit)),
        Payload::Dict(d) => d.get().iter().for_each(|e| {
            visit_value(&e.key, visit);
            visit_value(&e.value, visit);
        }),
        Payload::Type(t) => {
            visit(&t.dict);
            t.bases
                .get()
                .iter()
                .chain(t.mro.get().iter())
                .for_each(|b| visit(b));
        }
        Payload::Function(f) => {
            visit(f.code_obj.get());
            visit(&f.globals);
            visit(&f.builtins);
            for v in [
                &f.name,
                &f.qualname,
                &f.module,
                &f.doc,
                &f.defaults,
                &f.kwdefaults,
                &f.closure,
                &f.annotations,
            ] {
                visit_value(v.get(), visit);
            }
        }
        Payload::NativeFunction(nf) => {
            if let Some(s) = &nf.self_ {
                visit_value(s, visit);
            }
            if let Some(o) = &nf.owner {
                visit(o);
            }
        }
        Payload::BoundMethod { func, self_ } => {
            visit_value(func, visit);
            visit_value(self_, visit);
        }
        Payload::Cell(c) => visit_value(c.get(), visit),
        Payload::Module(m) => visit(&m.dict),
        Payload::Exception(e) => {
            for v in [&e.args, &e.traceback, &e.context, &e.cause] {
                visit_value(v.get(), visit);
            }
        }
        Payload::Traceback(tb) => {
            visit_value(tb.tb_next.get(), visit);
            visit(&tb.tb_frame);
        }
        Payload::Frame(fr) => {
            visit(&fr.f_code);
            visit(&fr.f_globals);
            visit(&fr.f_builtins);
            visit_value(&fr.f_locals, visit);
            visit_value(fr.f_back.get(), visit);
            fr.dead_fast
                .get()
                .iter()
                .for_each(|v| visit_value(v, visit));
        }
        Payload::Slice(s) => s.iter().for_each(|v| visit_value(v, visit)),
        Payload::Iterator(st) => match st.get() {
            crate::objects::iter::IterState::Seq { seq, .. } => visit_value(seq, visit),
            crate::objects::iter::IterState::Dict { dict, .. } => visit_value(dict, visit),
            _ => {}
        },
        Payload::WeakRef(w) => visit_value(w.callback.get(), visit),
        Payload::Union(args) => visit_value(args, visit),
        Payload::Native(n) => n.traverse(&mut |v| visit_value(v, visit)),
        Payload::Generator(g) => {
            visit(&g.code);
            visit_value(&g.name, visit);
            visit_value(&g.qualname, visit);
            visit_value(g.exc_state.get(), visit);
            visit_value(g.ag_finalizer.get(), visit);
            if let Some(f) = g.frame.get() {
                visit_frame(f, visit);
            }
        }
        Payload::AsyncGen(a) => a.visit(&mut |v| visit_value(v, visit)),
        Payload::MappingProxy(m) => visit_value(m, visit),
        Payload::Instance
        | Payload::Int(_)
        | Payload::Float(_)
        | Payload::Str(_)
        | Payload::Bytes(_)
        | Payload::Code(_)
        | Payload::Range(_)
        | Payload::Singleton(_) => {}
        #[allow(unreachable_patterns)]
        _ => {}
    }
    // An instance of a class statement's class refers to its class.
    let ty = obj.class_ptr();
    // SAFETY: an object's type outlives it.
    if unsafe { (*ty).payload_type_opt().is_some_and(|t| t.heap_type) } {
        // SAFETY: as above.
        visit(unsafe { &*ty });
    }
}

/// Break the references an unreachable object holds (tp_clear); the values
/// are returned to be dropped once every object has been cleared.
fn clear(obj: &PyObject, garbage: &mut Vec<Value>) {
    if let Some(d) = obj.dict.replace(None) {
        garbage.push(Value::Obj(d));
    }
    match &obj.payload {
        Payload::List(l) => garbage.extend(l.replace(Vec::new())),
        Payload::Dict(d) => garbage.extend(
            d.get_mut()
                .clear()
                .into_iter()
                .flat_map(|e| [e.key, e.value]),
        ),
        Payload::Type(t) if t.heap_type => {
            garbage.extend(t.mro.replace(Vec::new()).into_iter().map(Value::Obj));
            garbage.extend(t.bases.replace(Vec::new()).into_iter().map(Value::Obj));
        }
        Payload::Function(f) => {
            for v in [
                &f.defaults,
                &f.kwdefaults,
                &f.closure,
                &f.annotations,
                &f.doc,
                &f.module,
            ] {
                garbage.push(v.replace(Value::None));
            }
        }
        Payload::Cell(c) => garbage.push(c.replace(Value::Null)),
        Payload::Exception(e) => {
            for v in [&e.traceback, &e.context, &e.cause] {
                garbage.push(v.replace(Value::None));
            }
            garbage.push(e.args.replace(Value::None));
        }
        Payload::Frame(fr) => {
            garbage.extend(fr.dead_fast.replace(Vec::new()));
            garbage.push(fr.f_back.replace(Value::None));
        }
        Payload::Iterator(st) => match st.replace(crate::objects::iter::IterState::Done) {
            crate::objects::iter::IterState::Seq { seq, .. } => garbage.push(seq),
            crate::objects::iter::IterState::Dict { dict, .. } => garbage.push(dict),
            _ => {}
        },
        Payload::Native(n) => n.clear(garbage),
        Payload::Generator(g) => {
            garbage.push(g.exc_state.replace(Value::None));
            // The frame's contents go with it; it is not on the frame stack.
            drop(g.frame.replace(None));
        }
        _ => {}
    }
}

/// Run a full collection; returns how many unreachable objects were found.
pub fn collect() -> usize {
    if COLLECTING.with(|c| c.replace(true)) {
        return 0;
    }
    COLLECTION_DUE.store(false, Ordering::Relaxed);
    let objs: Vec<*const PyObject> = TRACKED.with(|t| t.borrow().clone());
    let n = objs.len();
    // SAFETY (for every dereference below): registry entries are live, and
    // nothing is freed until the unreachable set is held by strong references.
    let mut refs: Vec<isize> = objs
        .iter()
        .map(|&o| unsafe { (*o).refcount() } as isize)
        .collect();
    for &o in &objs {
        traverse(unsafe { &*o }, &mut |child| {
            let i = child.gc_index.get();
            if i != UNTRACKED && (i as usize) < n {
                refs[i as usize] -= 1;
            }
        });
    }
    let mut reachable = vec![false; n];
    let mut stack: Vec<usize> = (0..n).filter(|&i| refs[i] > 0).collect();
    while let Some(i) = stack.pop() {
        if reachable[i] {
            continue;
        }
        reachable[i] = true;
        traverse(unsafe { &*objs[i] }, &mut |child| {
            let j = child.gc_index.get();
            if j != UNTRACKED && (j as usize) < n && !reachable[j as usize] {
                stack.push(j as usize);
            }
        });
    }
    let unreachable: Vec<ObjRef> = (0..n)
        .filter(|&i| !reachable[i])
        .map(|i| unsafe { ObjRef::from_raw_borrowed(objs[i]) })
        .collect();
    let found = unreachable.len();
    // PEP 442: objects with finalizers are finalized before anything is
    // cleared; they may resurrect the whole set, so nothing is cleared this
    // time and the next collection frees what is still unreachable then.
    let mut deferred = false;
    for o in &unreachable {
        if crate::runtime::finalize::needs_finalizer(o) {
            crate::runtime::finalize::schedule_from_gc(o);
            deferred = true;
        }
    }
    if deferred {
        drop(unreachable);
        ALLOCATIONS.with(|a| a.set(0));
        COLLECTING.with(|c| c.set(false));
        return 0;
    }
    let mut garbage = Vec::new();
    for o in &unreachable {
        clear(o, &mut garbage);
    }
    drop(garbage);
    drop(unreachable);
    let live = TRACKED.with(|t| t.borrow().len());
    SURVIVORS.with(|s| s.set(live));
    ALLOCATIONS.with(|a| a.set(0));
    COLLECTING.with(|c| c.set(false));
    found
}

pub fn count() -> usize {
    ALLOCATIONS.with(|a| a.get())
}

pub fn thresholds() -> (usize, usize, usize) {
    THRESHOLDS.with(|t| t.get())
}

pub fn set_thresholds(t: (usize, usize, usize)) {
    THRESHOLDS.with(|c| c.set(t));
}

pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

/// Whether the collector tracks `v` (gc.is_tracked).
pub fn is_tracked(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.gc_index.get() != UNTRACKED)
}

/// Every tracked object (gc.get_objects).
pub fn objects() -> Vec<ObjRef> {
    let objs: Vec<*const PyObject> = TRACKED.with(|t| t.borrow().clone());
    // SAFETY: registry entries are live.
    objs.into_iter()
        .map(|o| unsafe { ObjRef::from_raw_borrowed(o) })
        .collect()
}

/// The live classes that name `ty` among their bases, oldest first
/// (`type.__subclasses__`). Types carry no list of subclasses: every class is
/// a tracked container, so the registry already knows them all, and this rare
/// query pays for the scan instead of every class creation and deallocation.
pub fn subclasses_of(ty: &ObjRef) -> Vec<ObjRef> {
    let objs: Vec<*const PyObject> = TRACKED.with(|t| t.borrow().clone());
    let mut out = Vec::new();
    for o in objs {
        // SAFETY: registry entries are live; nothing here frees objects.
        let obj = unsafe { &*o };
        if let Payload::Type(t) = &obj.payload {
            if t.bases.get().iter().any(|b| b.is(ty)) {
                // SAFETY: as above; the new reference keeps it alive.
                out.push(unsafe { ObjRef::from_raw_borrowed(o) });
            }
        }
    }
    out
}
