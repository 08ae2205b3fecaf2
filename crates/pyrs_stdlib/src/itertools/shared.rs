//! The itertools objects that share one input among several iterators:
//! `groupby` with its `_grouper`s, and `tee` with its `_tee` iterators reading
//! a chain of `_tee_dataobject` buffers. The shared parts are Python objects
//! (not Rust `Rc`s) so that every reference is counted and the collector sees
//! each exactly once.

use super::stop;
use crate::args::to_index;
use crate::native::{
    class, existing_class, iter_self, new_cls, new_instance, no_keywords, positional, rest, state,
    this, Refs,
};
use num_traits::ToPrimitive;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const GROUPBY: &str = "itertools.groupby";
const GROUPER: &str = "itertools._grouper";
const TEE: &str = "itertools._tee";
const TEE_DATA: &str = "itertools._tee_dataobject";

/// Values per `_tee_dataobject` (CPython's LINKCELLS).
const LINKCELLS: usize = 57;

pub fn init(vm: &mut Vm, module: &ObjRef) {
    let m = super::MODULE;
    let groupby = class(
        vm,
        m,
        "groupby",
        None,
        BaseKind::Object,
        &[
            MethodDef::staticmethod("__new__", groupby_new),
            MethodDef::method("__iter__", iter_self),
            MethodDef::method("__next__", groupby_next),
        ],
    );
    set_attr(vm, module, "groupby", Value::Obj(groupby));
    let grouper = class(
        vm,
        m,
        "_grouper",
        None,
        BaseKind::NotInstantiable,
        &[
            MethodDef::method("__iter__", iter_self),
            MethodDef::method("__next__", grouper_next),
        ],
    );
    set_attr(vm, module, "_grouper", Value::Obj(grouper));
    let tee = class(
        vm,
        m,
        "_tee",
        None,
        BaseKind::Object,
        &[
            MethodDef::staticmethod("__new__", tee_new),
            MethodDef::method("__iter__", iter_self),
            MethodDef::method("__next__", tee_next),
            MethodDef::method("__copy__", tee_copy),
        ],
    );
    set_attr(vm, module, "_tee", Value::Obj(tee));
    let data = class(
        vm,
        m,
        "_tee_dataobject",
        None,
        BaseKind::NotInstantiable,
        &[],
    );
    set_attr(vm, module, "_tee_dataobject", Value::Obj(data));
    add_functions(vm, module, &[MethodDef::method("tee", tee_function)]);
}

// ----- groupby -----

struct GroupBy {
    it: Value,
    keyfunc: Value,
    /// The key of the group being handed out; Null before the first.
    tgtkey: Value,
    /// The key and value read last; Null when none is pending.
    currkey: Value,
    currvalue: Value,
    /// Which `_grouper` is current: only it may still yield (CPython keeps a
    /// borrowed pointer; a generation number needs no reference).
    generation: u64,
}

impl Refs for GroupBy {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.it);
        f(&self.keyfunc);
        f(&self.tgtkey);
        f(&self.currkey);
        f(&self.currvalue);
    }
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
    generation: u64,
}

impl Refs for Grouper {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.parent);
        f(&self.tgtkey);
    }
}

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "groupby")?;
    let [iterable, key] = bind(vm, "groupby", &rest(&args), ["iterable", "key"], 1, 0)?;
    let it = vm.iter(&iterable.unwrap_or(Value::None))?;
    Ok(new_instance(
        &cls,
        GroupBy {
            it,
            keyfunc: key.unwrap_or(Value::None),
            tgtkey: Value::Null,
            currkey: Value::Null,
            currvalue: Value::Null,
            generation: 0,
        },
    ))
}

/// Read the next value and its key into `currvalue`/`currkey`; false at the
/// end of the input.
fn groupby_step(vm: &mut Vm, gb: &Value) -> PyResult<bool> {
    let Some((it, keyfunc)) = state::<GroupBy>(vm, gb, GROUPBY)?
        .get()
        .as_ref()
        .map(|s| (s.it.clone(), s.keyfunc.clone()))
    else {
        return Ok(false);
    };
    let Some(value) = vm.next(&it)? else {
        return Ok(false);
    };
    let key = if matches!(keyfunc, Value::None) {
        value.clone()
    } else {
        vm.call(&keyfunc, std::slice::from_ref(&value))?
    };
    if let Some(s) = state::<GroupBy>(vm, gb, GROUPBY)?.get_mut() {
        let old = (
            std::mem::replace(&mut s.currvalue, value),
            std::mem::replace(&mut s.currkey, key),
        );
        drop(old);
    }
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let cell = state::<GroupBy>(vm, me, GROUPBY)?;
    match cell.get_mut() {
        // No grouper handed out earlier may continue.
        Some(s) => s.generation += 1,
        None => return stop(vm),
    }
    // Skip to the first value whose key differs from the current group's.
    loop {
        let Some((tgt, cur)) = state::<GroupBy>(vm, me, GROUPBY)?
            .get()
            .as_ref()
            .map(|s| (s.tgtkey.clone(), s.currkey.clone()))
        else {
            return stop(vm);
        };
        if !matches!(cur, Value::Null) {
            if matches!(tgt, Value::Null) || !vm.eq(&tgt, &cur)? {
                break;
            }
        }
        if !groupby_step(vm, me)? {
            return stop(vm);
        }
    }
    let Some((key, generation)) = state::<GroupBy>(vm, me, GROUPBY)?
        .get_mut()
        .as_mut()
        .map(|s| {
            let old = std::mem::replace(&mut s.tgtkey, s.currkey.clone());
            drop(old);
            (s.currkey.clone(), s.generation)
        })
    else {
        return stop(vm);
    };
    let cls = existing_class(vm, super::MODULE, "_grouper")?;
    let grouper = new_instance(
        &cls,
        Grouper {
            parent: me.clone(),
            tgtkey: key.clone(),
            generation,
        },
    );
    Ok(vm.new_tuple(vec![key, grouper]))
}

fn grouper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some((parent, tgtkey, generation)) = state::<Grouper>(vm, me, GROUPER)?
        .get()
        .as_ref()
        .map(|s| (s.parent.clone(), s.tgtkey.clone(), s.generation))
    else {
        return stop(vm);
    };
    let current = |vm: &Vm| -> PyResult<Option<(Value, Value)>> {
        Ok(state::<GroupBy>(vm, &parent, GROUPBY)?
            .get()
            .as_ref()
            .filter(|s| s.generation == generation)
            .map(|s| (s.currkey.clone(), s.currvalue.clone())))
    };
    let Some((_, value)) = current(vm)? else {
        return stop(vm);
    };
    if matches!(value, Value::Null) && !groupby_step(vm, &parent)? {
        return stop(vm);
    }
    let Some((key, value)) = current(vm)? else {
        return stop(vm);
    };
    if !vm.eq(&tgtkey, &key)? {
        return stop(vm);
    }
    if let Some(s) = state::<GroupBy>(vm, &parent, GROUPBY)?.get_mut() {
        let old = (
            std::mem::replace(&mut s.currvalue, Value::Null),
            std::mem::replace(&mut s.currkey, Value::Null),
        );
        drop(old);
    }
    Ok(value)
}

// ----- tee -----

/// Up to LINKCELLS values read from the shared iterator, then the next link.
struct TeeData {
    it: Value,
    values: Vec<Value>,
    /// The next `_tee_dataobject`; Null until a reader needs it.
    next: Value,
}

impl Refs for TeeData {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.it);
        self.values.iter().for_each(&mut *f);
        f(&self.next);
    }
}

struct Tee {
    data: Value,
    index: usize,
}

impl Refs for Tee {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.data);
    }
}

fn new_tee_data(vm: &Vm, it: Value) -> PyResult<Value> {
    let cls = existing_class(vm, super::MODULE, "_tee_dataobject")?;
    Ok(new_instance(
        &cls,
        TeeData {
            it,
            values: Vec::new(),
            next: Value::Null,
        },
    ))
}

/// A `_tee` over iterator `it` (CPython's tee_fromiterable).
fn tee_fromiterable(vm: &mut Vm, cls: &ObjRef, iterable: &Value) -> PyResult<Value> {
    let it = vm.iter(iterable)?;
    if let Some(ty) = it.as_obj().map(|o| o.class().clone()) {
        if ty.is(cls) {
            return tee_copy_of(vm, &it);
        }
    }
    let data = new_tee_data(vm, it)?;
    Ok(new_instance(cls, Tee { data, index: 0 }))
}

fn tee_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "_tee")?;
    let a = rest(&args);
    no_keywords(vm, &a, "_tee")?;
    let p = positional(vm, &a, "_tee", 1, 1)?;
    tee_fromiterable(vm, &cls, &p[0])
}

fn tee_copy_of(vm: &Vm, t: &Value) -> PyResult<Value> {
    let Some((data, index)) = state::<Tee>(vm, t, TEE)?
        .get()
        .as_ref()
        .map(|s| (s.data.clone(), s.index))
    else {
        return Err(vm.runtime_error("cannot copy an exhausted tee"));
    };
    let cls = t
        .as_obj()
        .map(|o| o.class().clone())
        .ok_or_else(|| vm.system_error("tee"))?;
    Ok(new_instance(&cls, Tee { data, index }))
}

fn tee_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    tee_copy_of(vm, me)
}

fn tee_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some((mut data, mut index)) = state::<Tee>(vm, me, TEE)?
        .get()
        .as_ref()
        .map(|s| (s.data.clone(), s.index))
    else {
        return stop(vm);
    };
    if index >= LINKCELLS {
        // Move to the next link, making it if no reader has yet.
        let cell = state::<TeeData>(vm, &data, TEE_DATA)?;
        let (next, it) = match cell.get() {
            Some(d) => (d.next.clone(), d.it.clone()),
            None => return stop(vm),
        };
        let next = if matches!(next, Value::Null) {
            let n = new_tee_data(vm, it)?;
            if let Some(d) = state::<TeeData>(vm, &data, TEE_DATA)?.get_mut() {
                d.next = n.clone();
            }
            n
        } else {
            next
        };
        data = next;
        index = 0;
    }
    let (have, it) = match state::<TeeData>(vm, &data, TEE_DATA)?.get() {
        Some(d) => (d.values.get(index).cloned(), d.it.clone()),
        None => return stop(vm),
    };
    let value = match have {
        Some(v) => v,
        None => {
            let Some(v) = vm.next(&it)? else {
                return stop(vm);
            };
            if let Some(d) = state::<TeeData>(vm, &data, TEE_DATA)?.get_mut() {
                d.values.push(v.clone());
            }
            v
        }
    };
    if let Some(s) = state::<Tee>(vm, me, TEE)?.get_mut() {
        let old = std::mem::replace(&mut s.data, data);
        s.index = index + 1;
        drop(old);
    }
    Ok(value)
}

/// `tee(iterable, n=2)`: n independent iterators. An iterator with
/// `__copy__` (a `_tee`) is copied; anything else is wrapped first.
fn tee_function(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    no_keywords(vm, &a, "tee")?;
    let p = positional(vm, &a, "tee", 1, 2)?;
    let n = match p.get(1) {
        Some(v) => to_index(vm, v)?,
        None => 2.into(),
    };
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("n must be >= 0"));
    }
    let n = n
        .to_usize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let it = vm.iter(&p[0])?;
    let ty = vm.type_of(&it).clone();
    let (first, copy) = match vm.lookup_type(&ty, "__copy__") {
        Some(_) => {
            let c = vm.getattr_str(&it, "__copy__")?;
            (it, c)
        }
        None => {
            let cls = existing_class(vm, super::MODULE, "_tee")?;
            let t = tee_fromiterable(vm, &cls, &it)?;
            let c = vm.getattr_str(&t, "__copy__")?;
            (t, c)
        }
    };
    let mut out = Vec::with_capacity(n);
    out.push(first);
    for _ in 1..n {
        out.push(vm.call(&copy, &[])?);
    }
    Ok(vm.new_tuple(out))
}
