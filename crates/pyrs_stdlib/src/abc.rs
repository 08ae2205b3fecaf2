//! `_abc` (Modules/_abc.c): the machinery under `abc.ABCMeta`, native so
//! that creating ABCs and `isinstance`/`issubclass` against them (every
//! check against `collections.abc`) run no Python code on a cache hit.
//! Each ABC's `_abc_impl` is an `_abc_data` holding its registry, its
//! positive and negative caches, and the invalidation counter it last saw.
//! Entries are weak references, as in CPython, so caching a class never
//! keeps it alive; a dead entry simply stops matching.

use crate::native::{class, positional, rest, state, Refs};
use pyrs_vm::fast_hash::FastHashMap;
use pyrs_vm::modules::add_functions;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::protocol::dict::dict_get_str;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicI64, Ordering};

/// `abc_invalidation_counter`: bumped by every `register`, so negative
/// caches filled before it are stale.
static INVALIDATION_COUNTER: AtomicI64 = AtomicI64::new(0);

/// Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING, as `__abc_tpflags__` holds
/// them; pyrs marks such classes with the attributes eval/pattern.rs reads.
const TPFLAGS_SEQUENCE: i64 = 1 << 5;
const TPFLAGS_MAPPING: i64 = 1 << 6;

/// A set of classes held weakly: class address -> a weak reference to it.
#[derive(Default)]
struct WeakClassSet(FastHashMap<usize, Value>);

impl WeakClassSet {
    fn contains(&self, cls: &ObjRef) -> bool {
        self.0.get(&addr(cls)).is_some_and(|w| refers_to(w, cls))
    }
    fn add(&mut self, vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
        let ty = vm.types().weakref.clone();
        let w = pyrs_vm::modules::weakref::new_weakref(
            vm,
            &ty,
            &Value::Obj(cls.clone()),
            Value::None,
            false,
        )?;
        self.0.insert(addr(cls), w);
        Ok(())
    }
    /// The classes still alive, in no particular order.
    fn live(&self) -> Vec<Value> {
        self.0
            .values()
            .filter_map(|w| match w.payload() {
                Some(Payload::WeakRef(d)) => pyrs_vm::modules::weakref::referent(d).map(Value::Obj),
                _ => None,
            })
            .collect()
    }
}

fn addr(cls: &ObjRef) -> usize {
    cls.addr()
}

fn refers_to(w: &Value, cls: &ObjRef) -> bool {
    match w.payload() {
        Some(Payload::WeakRef(d)) => {
            pyrs_vm::modules::weakref::referent(d).is_some_and(|r| r.is(cls))
        }
        _ => false,
    }
}

/// `_abc_data`: one ABC's registry and caches.
struct AbcData {
    registry: RefCell<WeakClassSet>,
    cache: RefCell<WeakClassSet>,
    negative_cache: RefCell<WeakClassSet>,
    negative_cache_version: Cell<i64>,
}

impl Refs for AbcData {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        for set in [&self.registry, &self.cache, &self.negative_cache] {
            for w in set.borrow().0.values() {
                f(w);
            }
        }
    }
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[
            MethodDef::method("get_cache_token", get_cache_token),
            MethodDef::method("_abc_init", abc_init),
            MethodDef::method("_abc_register", abc_register),
            MethodDef::method("_abc_instancecheck", abc_instancecheck),
            MethodDef::method("_abc_subclasscheck", abc_subclasscheck),
            MethodDef::method("_get_dump", get_dump),
            MethodDef::method("_reset_registry", reset_registry),
            MethodDef::method("_reset_caches", reset_caches),
        ],
    );
    let data = data_class(vm);
    pyrs_vm::modules::set_attr(vm, module, "_abc_data", Value::Obj(data));
    Ok(())
}

thread_local! {
    /// The hash of `_abc_impl`, looked up on every check (str hashes are
    /// keyed per process, so it is computed at run time).
    static ABC_IMPL_HASH: std::cell::OnceCell<i64> = const { std::cell::OnceCell::new() };
}

fn data_class(vm: &Vm) -> ObjRef {
    class(vm, "_abc", "_abc_data", None, BaseKind::Object, &[])
}

/// `name` in the dicts of `ty`'s MRO, with its hash computed once.
fn mro_lookup(ty: &ObjRef, name: &str, hash: i64) -> Option<Value> {
    let Payload::Type(t) = &ty.payload else {
        return None;
    };
    t.mro.get().iter().find_map(|base| match &base.payload {
        Payload::Type(bt) => pyrs_vm::protocol::dict::dict_get_str_hashed(&bt.dict, name, hash),
        _ => None,
    })
}

fn get_cache_token(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(INVALIDATION_COUNTER.load(Ordering::Relaxed)))
}

/// The class argument of these functions, which must be a class for the
/// weak caches; `self_` of ABCMeta's methods always is.
fn as_class(vm: &Vm, v: &Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("Can only register classes")),
    }
}

/// `cls._abc_impl`, checked to be an `_abc_data` as CPython's `_get_impl` does.
fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    // An ABC's `_abc_impl` is a plain value in its (or a base's) dict;
    // the generic lookup is for what is not a class.
    let hash =
        ABC_IMPL_HASH.with(|h| *h.get_or_init(|| pyrs_vm::objects::str::str_hash("_abc_impl")));
    let found = match cls {
        Value::Obj(c) => mro_lookup(c, "_abc_impl", hash),
        _ => None,
    };
    let imp = match found {
        Some(v) if vm.type_of(&v).is(&data_class(vm)) => return Ok(v),
        _ => vm.getattr_str(cls, "_abc_impl")?,
    };
    if !vm.type_of(&imp).is(&data_class(vm)) {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(imp)
}

/// Run `f` on the `_abc_data` state of `imp`.
fn with_data<R>(vm: &Vm, imp: &Value, f: impl FnOnce(&AbcData) -> R) -> PyResult<R> {
    let cell = state::<AbcData>(vm, imp, "_abc._abc_data")?;
    match cell.get() {
        Some(d) => Ok(f(d)),
        None => Err(vm.type_error("_abc_data was cleared")),
    }
}

/// `_abc_init(cls)`: `__abstractmethods__` from the namespace and the
/// bases' abstract names, a fresh `_abc_impl`, and `__abc_tpflags__`.
fn abc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "_abc_init", 1, 1)?;
    let cls = p[0].clone();
    compute_abstract_methods(vm, &cls)?;
    let data = crate::native::new_instance(
        &data_class(vm),
        AbcData {
            registry: RefCell::default(),
            cache: RefCell::default(),
            negative_cache: RefCell::default(),
            negative_cache_version: Cell::new(INVALIDATION_COUNTER.load(Ordering::Relaxed)),
        },
    );
    vm.setattr(&cls, "_abc_impl", data)?;
    if let Value::Obj(ty) = &cls {
        if let Payload::Type(t) = &ty.payload {
            if let Some(flags) = dict_get_str(&t.dict, "__abc_tpflags__") {
                if let Value::Int(flags) = flags {
                    set_collection_flags(vm, ty, flags)?;
                }
                let key = vm.new_str("__abc_tpflags__");
                vm.dict_del(&t.dict, &key)?;
            }
        }
    }
    Ok(Value::None)
}

/// Mark `ty` as a sequence or mapping for `match` (Py_TPFLAGS_SEQUENCE /
/// MAPPING); subclasses see the mark through their MRO.
fn set_collection_flags(vm: &mut Vm, ty: &ObjRef, flags: i64) -> PyResult<()> {
    let cls = Value::Obj(ty.clone());
    if flags & TPFLAGS_SEQUENCE != 0 {
        vm.setattr(&cls, "_abc_sequence", Value::Bool(true))?;
    }
    if flags & TPFLAGS_MAPPING != 0 {
        vm.setattr(&cls, "_abc_mapping", Value::Bool(true))?;
    }
    Ok(())
}

fn is_abstract(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match vm.try_getattr(v, "__isabstractmethod__")? {
        Some(flag) => vm.is_true(&flag),
        None => Ok(false),
    }
}

fn compute_abstract_methods(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    let mut abstracts: Vec<Value> = Vec::new();
    let ns = vm.getattr_str(cls, "__dict__")?;
    let items_fn = vm.getattr_str(&ns, "items")?;
    let items = vm.call(&items_fn, &[])?;
    for item in vm.iterate(&items)? {
        let pair = match item.as_tuple() {
            Some(t) if t.len() == 2 => t.to_vec(),
            _ => return Err(vm.type_error("items() returned item which is not a 2-tuple")),
        };
        if is_abstract(vm, &pair[1])? {
            abstracts.push(pair[0].clone());
        }
    }
    let bases = vm.getattr_str(cls, "__bases__")?;
    let Some(bases) = bases.as_tuple().map(|b| b.to_vec()) else {
        return Err(vm.type_error("__bases__ is not tuple"));
    };
    for base in bases {
        let Some(names) = vm.try_getattr(&base, "__abstractmethods__")? else {
            continue;
        };
        for name in vm.iterate(&names)? {
            let Some(key) = name.as_str().map(str::to_string) else {
                continue;
            };
            let Some(value) = vm.try_getattr(cls, &key)? else {
                continue;
            };
            if is_abstract(vm, &value)? {
                abstracts.push(name.clone());
            }
        }
    }
    let list = vm.new_list(abstracts);
    let frozenset = Value::Obj(vm.types().frozenset.clone());
    let fs = vm.call(&frozenset, &[list])?;
    vm.setattr(cls, "__abstractmethods__", fs)
}

/// `_abc_register(cls, subclass)`: ABCMeta.register.
fn abc_register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "_abc_register", 2, 2)?;
    let (cls, subclass) = (p[0].clone(), p[1].clone());
    let sub = as_class(vm, &subclass)?;
    if vm.object_issubclass(&subclass, &cls)? {
        return Ok(subclass);
    }
    if vm.object_issubclass(&cls, &subclass)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let imp = impl_of(vm, &cls)?;
    let registry = with_data(vm, &imp, |d| std::mem::take(&mut *d.registry.borrow_mut()))?;
    let mut registry = registry;
    let r = registry.add(vm, &sub);
    with_data(vm, &imp, |d| *d.registry.borrow_mut() = registry)?;
    r?;
    INVALIDATION_COUNTER.fetch_add(1, Ordering::Relaxed);
    // A registered class is a sequence or mapping for `match` if the ABC is.
    if let Value::Obj(c) = &cls {
        for flag in ["_abc_sequence", "_abc_mapping"] {
            if vm
                .lookup_type(c, flag)
                .is_some_and(|v| matches!(v, Value::Bool(true)))
                && sub.payload_type().heap_type
            {
                vm.setattr(&subclass, flag, Value::Bool(true))?;
            }
        }
    }
    Ok(subclass)
}

/// Add `cls` to one of `imp`'s weak sets (taken out while the weak
/// reference is made, which may run Python code).
fn cache_add(
    vm: &mut Vm,
    imp: &Value,
    which: fn(&AbcData) -> &RefCell<WeakClassSet>,
    cls: &ObjRef,
) -> PyResult<()> {
    let mut set = with_data(vm, imp, |d| std::mem::take(&mut *which(d).borrow_mut()))?;
    let r = set.add(vm, cls);
    with_data(vm, imp, |d| {
        let mut slot = which(d).borrow_mut();
        // Anything added meanwhile (by a nested check) is kept too.
        let added = std::mem::take(&mut slot.0);
        set.0.extend(added);
        *slot = set;
    })?;
    r
}

fn cache_has(
    vm: &Vm,
    imp: &Value,
    which: fn(&AbcData) -> &RefCell<WeakClassSet>,
    cls: &ObjRef,
) -> PyResult<bool> {
    with_data(vm, imp, |d| which(d).borrow().contains(cls))
}

fn positive(d: &AbcData) -> &RefCell<WeakClassSet> {
    &d.cache
}
fn negative(d: &AbcData) -> &RefCell<WeakClassSet> {
    &d.negative_cache
}
fn registry(d: &AbcData) -> &RefCell<WeakClassSet> {
    &d.registry
}

/// `_abc_instancecheck(cls, instance)`: ABCMeta.__instancecheck__.
fn abc_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "_abc_instancecheck", 2, 2)?;
    let (cls, instance) = (p[0].clone(), p[1].clone());
    let imp = impl_of(vm, &cls)?;
    let subclass = vm.getattr_str(&instance, "__class__")?;
    if let Value::Obj(sc) = &subclass {
        if cache_has(vm, &imp, positive, sc)? {
            return Ok(Value::Bool(true));
        }
    }
    let subtype = Value::Obj(vm.type_of(&instance).clone());
    let check = vm.getattr_str(&cls, "__subclasscheck__")?;
    if subtype.is(&subclass) {
        if let Value::Obj(sc) = &subclass {
            let version = with_data(vm, &imp, |d| d.negative_cache_version.get())?;
            if version == INVALIDATION_COUNTER.load(Ordering::Relaxed)
                && cache_has(vm, &imp, negative, sc)?
            {
                return Ok(Value::Bool(false));
            }
        }
        return vm.call(&check, &[subclass]);
    }
    let r = vm.call(&check, &[subclass])?;
    if vm.is_true(&r)? {
        return Ok(r);
    }
    vm.call(&check, &[subtype])
}

/// `_abc_subclasscheck(cls, subclass)`: ABCMeta.__subclasscheck__.
fn abc_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "_abc_subclasscheck", 2, 2)?;
    let (cls, subclass) = (p[0].clone(), p[1].clone());
    let sub = match &subclass {
        Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => o.clone(),
        _ => return Err(vm.type_error("issubclass() arg 1 must be a class")),
    };
    let imp = impl_of(vm, &cls)?;
    // 1. The positive cache.
    if cache_has(vm, &imp, positive, &sub)? {
        return Ok(Value::Bool(true));
    }
    // 2. The negative cache, emptied when a register made it stale.
    let counter = INVALIDATION_COUNTER.load(Ordering::Relaxed);
    let stale = with_data(vm, &imp, |d| d.negative_cache_version.get() < counter)?;
    if stale {
        with_data(vm, &imp, |d| {
            d.negative_cache.borrow_mut().0.clear();
            d.negative_cache_version.set(counter);
        })?;
    } else if cache_has(vm, &imp, negative, &sub)? {
        return Ok(Value::Bool(false));
    }
    // 3. The subclass hook.
    let hook = vm.getattr_str(&cls, "__subclasshook__")?;
    let ok = vm.call(&hook, std::slice::from_ref(&subclass))?;
    if !ok.is(&vm.not_implemented()) {
        match ok {
            Value::Bool(true) => cache_add(vm, &imp, positive, &sub)?,
            Value::Bool(false) => cache_add(vm, &imp, negative, &sub)?,
            _ => {
                return Err(vm.new_error(
                    &vm.types().exc.assertion_error.clone(),
                    "__subclasshook__ must return either False, True, or NotImplemented",
                ))
            }
        }
        return Ok(ok);
    }
    // 4. A direct subclass.
    if let Some(mro) = vm.try_getattr(&subclass, "__mro__")? {
        if let Some(items) = mro.as_tuple() {
            if items.iter().any(|c| c.is(&cls)) {
                cache_add(vm, &imp, positive, &sub)?;
                return Ok(Value::Bool(true));
            }
        }
    }
    // 5. A subclass of a registered class, recursively.
    let registered = with_data(vm, &imp, |d| d.registry.borrow().live())?;
    for rcls in registered {
        if vm.object_issubclass(&subclass, &rcls)? {
            cache_add(vm, &imp, positive, &sub)?;
            return Ok(Value::Bool(true));
        }
    }
    // 6. A subclass of a subclass, recursively.
    let subclasses_fn = vm.getattr_str(&cls, "__subclasses__")?;
    let subclasses = vm.call(&subclasses_fn, &[])?;
    for scls in vm.iterate(&subclasses)? {
        if vm.object_issubclass(&subclass, &scls)? {
            cache_add(vm, &imp, positive, &sub)?;
            return Ok(Value::Bool(true));
        }
    }
    // 7. No.
    cache_add(vm, &imp, negative, &sub)?;
    Ok(Value::Bool(false))
}

/// The weak references of one set, as a Python set (as CPython's sets of
/// weakrefs are what `_get_dump` returns).
fn dump_set(
    vm: &mut Vm,
    imp: &Value,
    which: fn(&AbcData) -> &RefCell<WeakClassSet>,
) -> PyResult<Value> {
    let refs = with_data(vm, imp, |d| {
        which(d).borrow().0.values().cloned().collect::<Vec<_>>()
    })?;
    let list = vm.new_list(refs);
    let set = Value::Obj(vm.types().set.clone());
    vm.call(&set, &[list])
}

/// `_get_dump(cls)`: (registry, cache, negative cache, its version), for
/// tests and refleak hunting.
fn get_dump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "_get_dump", 1, 1)?;
    let imp = impl_of(vm, &p[0])?;
    let r = dump_set(vm, &imp, registry)?;
    let c = dump_set(vm, &imp, positive)?;
    let n = dump_set(vm, &imp, negative)?;
    let v = with_data(vm, &imp, |d| d.negative_cache_version.get())?;
    Ok(vm.new_tuple(vec![r, c, n, Value::Int(v)]))
}

fn reset_registry(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "_reset_registry", 1, 1)?;
    let imp = impl_of(vm, &p[0])?;
    with_data(vm, &imp, |d| d.registry.borrow_mut().0.clear())?;
    Ok(Value::None)
}

fn reset_caches(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "_reset_caches", 1, 1)?;
    let imp = impl_of(vm, &p[0])?;
    with_data(vm, &imp, |d| {
        d.cache.borrow_mut().0.clear();
        d.negative_cache.borrow_mut().0.clear();
    })?;
    Ok(Value::None)
}
