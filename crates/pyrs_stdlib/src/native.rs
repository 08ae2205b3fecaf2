//! What this crate's classes share: their instances' Rust state
//! (`Payload::Native` holding a `State<T>`), finding that state again in a
//! method's `self`, the classes a module makes once per thread, and the
//! argument checks of CPython's `tp_new` functions, with their messages.

use pyrs_vm::fast_hash::FastHashMap;
use pyrs_vm::gil_cell::GilCell;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef, NativeData};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::runtime::types::new_module_class;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::cell::RefCell;

/// The references a state holds, for the collector.
pub trait Refs {
    fn refs(&self, f: &mut dyn FnMut(&Value));
}

/// An instance's state; `None` once the collector cleared it (or, for
/// iterators, once exhausted, which also drops what they held).
pub struct State<T: Refs + 'static>(pub GilCell<Option<T>>);

impl<T: Refs + 'static> NativeData for State<T> {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = self.0.get() {
            s.refs(visit);
        }
    }
    fn clear(&self, garbage: &mut Vec<Value>) {
        if let Some(s) = self.0.replace(None) {
            // The clones keep every value alive until the collector drops
            // `garbage`, so dropping `s` here frees nothing.
            s.refs(&mut |v| garbage.push(v.clone()));
        }
    }
}

/// A new instance of `cls` holding `state`.
pub fn new_instance<T: Refs + 'static>(cls: &ObjRef, state: T) -> Value {
    Value::Obj(ObjRef::new(
        cls,
        Payload::Native(Box::new(State(GilCell::new(Some(state))))),
    ))
}

/// The state cell of `v` if it is an instance of a class with state `T`;
/// `what` names the class for the message ("itertools.chain").
pub fn state<'a, T: Refs + 'static>(
    vm: &Vm,
    v: &'a Value,
    what: &str,
) -> PyResult<&'a GilCell<Option<T>>> {
    if let Some(Payload::Native(n)) = v.payload() {
        if let Some(s) = n.as_any().downcast_ref::<State<T>>() {
            return Ok(&s.0);
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a '{what}' object but received a '{}'",
        vm.type_name(v)
    )))
}

thread_local! {
    /// The classes made by this crate's modules, by (module, name): a module
    /// is imported once, but Rust code makes instances of classes it did not
    /// receive as `cls` (itertools' `_grouper`, `_tee`) or tests for the
    /// exact class on hot paths (StringIO's `__next__`), so a lookup builds
    /// no string.
    static CLASSES: RefCell<FastHashMap<(&'static str, &'static str), ObjRef>> =
        RefCell::new(FastHashMap::default());
}

/// Make (once per thread) and return the class `module.name`.
pub fn class(
    vm: &Vm,
    module: &'static str,
    name: &'static str,
    base: Option<&ObjRef>,
    base_kind: BaseKind,
    methods: &[MethodDef],
) -> ObjRef {
    let key = (module, name);
    if let Some(c) = CLASSES.with(|c| c.borrow().get(&key).cloned()) {
        return c;
    }
    let c = new_module_class(vm.types(), module, name, base, base_kind, methods);
    CLASSES.with(|m| m.borrow_mut().insert(key, c.clone()));
    c
}

/// A class made earlier by `class`.
/// Whether `v`'s class is exactly the class `module.name` made by `class`.
pub fn is_exact(vm: &Vm, v: &Value, module: &'static str, name: &'static str) -> bool {
    CLASSES.with(|c| {
        c.borrow()
            .get(&(module, name))
            .is_some_and(|c| vm.type_of(v).is(c))
    })
}

pub fn existing_class(vm: &Vm, module: &'static str, name: &'static str) -> PyResult<ObjRef> {
    CLASSES
        .with(|c| c.borrow().get(&(module, name)).cloned())
        .ok_or_else(|| vm.system_error(format!("{module}.{name} is not initialised")))
}

/// `__new__`'s first argument: the class to instantiate.
pub fn new_cls(vm: &Vm, args: &Args, name: &str) -> PyResult<ObjRef> {
    args.args
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
        .ok_or_else(|| vm.type_error(format!("{name}.__new__(X): X is not a type object")))
}

/// The arguments after `cls` (or `self`).
pub fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        args: args.args.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    }
}

/// CPython's `_PyArg_NoKeywords`.
pub fn no_keywords(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// CPython's `_PyArg_CheckPositional`: "name expected N arguments, got M".
pub fn positional<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let p = args.pos();
    let n = p.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(if min == max {
            format!("{name} expected {min} argument{}, got {n}", s(min))
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", s(min))
        }));
    }
    if n > max {
        return Err(vm.type_error(if min == max {
            format!("{name} expected {max} argument{}, got {n}", s(max))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", s(max))
        }));
    }
    Ok(p)
}

/// `__iter__` of an iterator: itself.
pub fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args.first().cloned().unwrap_or(Value::None))
}

/// `self` of a method.
pub fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Value> {
    args.args
        .first()
        .ok_or_else(|| vm.type_error("unbound method needs an argument"))
}

/// `vec![fill; n]`, or MemoryError when the allocation fails (never the
/// allocator's abort).
pub fn try_vec<T: Clone>(vm: &Vm, n: usize, fill: T) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    v.resize(n, fill);
    Ok(v)
}
