//! `itertools` (Modules/itertoolsmodule.c): the module and its one-pass
//! iterators (count, cycle, repeat, accumulate, chain, compress, dropwhile,
//! takewhile, filterfalse, islice, pairwise, starmap, zip_longest). The
//! combinatoric ones are in `combinatoric.rs`, groupby and tee in `shared.rs`.
//!
//! Every iterator keeps its state in a `State<T>` (native.rs); `None` there
//! means exhausted, which also drops the iterators it held, as CPython's
//! `Py_CLEAR` of an exhausted input does.

mod combinatoric;
mod shared;

use crate::args::to_index;
use crate::native::{
    class, iter_self, new_cls, new_instance, no_keywords, positional, rest, state, this, Refs,
};
use num_traits::ToPrimitive;
use pyrs_bytecode::opcode::nb;
use pyrs_vm::modules::set_attr;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const MODULE: &str = "itertools";

/// `iter()` methods plus the class's own.
macro_rules! iterator_methods {
    ($new:expr, $next:expr $(, $extra:expr)*) => {
        &[
            MethodDef::staticmethod("__new__", $new),
            MethodDef::method("__iter__", iter_self),
            MethodDef::method("__next__", $next),
            $($extra,)*
        ]
    };
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let classes: [(&str, &[MethodDef]); 13] = [
        (
            "count",
            iterator_methods!(
                count_new,
                count_next,
                MethodDef::method("__repr__", count_repr)
            ),
        ),
        ("cycle", iterator_methods!(cycle_new, cycle_next)),
        (
            "repeat",
            iterator_methods!(
                repeat_new,
                repeat_next,
                MethodDef::method("__repr__", repeat_repr),
                MethodDef::method("__length_hint__", repeat_length_hint)
            ),
        ),
        (
            "accumulate",
            iterator_methods!(accumulate_new, accumulate_next),
        ),
        (
            "chain",
            iterator_methods!(
                chain_new,
                chain_next,
                MethodDef::classmethod("from_iterable", chain_from_iterable)
            ),
        ),
        ("compress", iterator_methods!(compress_new, compress_next)),
        (
            "dropwhile",
            iterator_methods!(dropwhile_new, dropwhile_next),
        ),
        (
            "takewhile",
            iterator_methods!(takewhile_new, takewhile_next),
        ),
        (
            "filterfalse",
            iterator_methods!(filterfalse_new, filterfalse_next),
        ),
        ("islice", iterator_methods!(islice_new, islice_next)),
        ("pairwise", iterator_methods!(pairwise_new, pairwise_next)),
        ("starmap", iterator_methods!(starmap_new, starmap_next)),
        (
            "zip_longest",
            iterator_methods!(zip_longest_new, zip_longest_next),
        ),
    ];
    for (name, methods) in classes {
        let c = class(vm, MODULE, name, None, BaseKind::Object, methods);
        set_attr(vm, module, name, Value::Obj(c));
    }
    combinatoric::init(vm, module);
    shared::init(vm, module);
    Ok(())
}

/// The exhausted iterator's signal.
fn stop<T>(vm: &Vm) -> PyResult<T> {
    Err(vm.stop_iteration())
}

/// A step's values copied out of the state, so that no borrow of the cell
/// is held while Python code runs.
fn snapshot<T: Refs + 'static, R>(
    vm: &Vm,
    v: &Value,
    what: &str,
    f: impl FnOnce(&T) -> R,
) -> PyResult<Option<R>> {
    Ok(state::<T>(vm, v, what)?.get().as_ref().map(f))
}

/// Mark an iterator exhausted, dropping what it held.
fn exhaust<T: Refs + 'static>(vm: &Vm, v: &Value, what: &str) -> PyResult<()> {
    let old = state::<T>(vm, v, what)?.replace(None);
    drop(old);
    Ok(())
}

// ----- count -----

struct Count {
    cnt: Value,
    step: Value,
}

impl Refs for Count {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.cnt);
        f(&self.step);
    }
}

/// PyNumber_Check: ints, floats, complex numbers and classes with
/// `__index__`, `__int__`, `__float__` or `__complex__`.
fn is_number(vm: &Vm, v: &Value) -> bool {
    if matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_)) {
        return true;
    }
    if matches!(
        v.payload(),
        Some(Payload::Int(_) | Payload::Float(_) | Payload::Complex(..))
    ) {
        return true;
    }
    let ty = vm.type_of(v).clone();
    ["__index__", "__int__", "__float__", "__complex__"]
        .iter()
        .any(|n| vm.lookup_type(&ty, n).is_some())
}

fn count_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "count")?;
    let [start, step] = bind(vm, "count", &rest(&args), ["start", "step"], 0, 0)?;
    let start = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(new_instance(&cls, Count { cnt: start, step }))
}

fn count_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some((cnt, step)) = snapshot(vm, me, "itertools.count", |s: &Count| {
        (s.cnt.clone(), s.step.clone())
    })?
    else {
        return stop(vm);
    };
    let next = match (&cnt, &step) {
        (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
        _ => vm.binary_op(&cnt, &step, nb::ADD)?,
    };
    if let Some(s) = state::<Count>(vm, me, "itertools.count")?.get_mut() {
        let old = std::mem::replace(&mut s.cnt, next);
        drop(old);
    }
    Ok(cnt)
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some((cnt, step)) = snapshot(vm, me, "itertools.count", |s: &Count| {
        (s.cnt.clone(), s.step.clone())
    })?
    else {
        return Ok(vm.new_str("count()"));
    };
    // _PyType_Name: the repr names the type without its module.
    let name = vm.type_of(me).payload_type().name.get().clone();
    let c = vm.repr_string(&cnt)?;
    // The step shows unless it is the int 1 (1.0 shows).
    let s = if matches!(step, Value::Int(1)) {
        format!("{name}({c})")
    } else {
        let st = vm.repr_string(&step)?;
        format!("{name}({c}, {st})")
    };
    Ok(vm.new_str(s))
}

// ----- cycle -----

struct Cycle {
    it: Value,
    saved: Vec<Value>,
    index: usize,
    firstpass: bool,
}

impl Refs for Cycle {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.it);
        self.saved.iter().for_each(f);
    }
}

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "cycle")?;
    let a = rest(&args);
    no_keywords(vm, &a, "cycle")?;
    let p = positional(vm, &a, "cycle", 1, 1)?;
    let it = vm.iter(&p[0])?;
    Ok(new_instance(
        &cls,
        Cycle {
            it,
            saved: Vec::new(),
            index: 0,
            firstpass: true,
        },
    ))
}

fn cycle_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.cycle";
    let me = this(vm, &args)?;
    let Some((it, firstpass)) = snapshot(vm, me, W, |s: &Cycle| (s.it.clone(), s.firstpass))?
    else {
        return stop(vm);
    };
    if firstpass {
        if let Some(x) = vm.next(&it)? {
            if let Some(s) = state::<Cycle>(vm, me, W)?.get_mut() {
                s.saved.push(x.clone());
            }
            return Ok(x);
        }
        let cell = state::<Cycle>(vm, me, W)?;
        let empty = match cell.get_mut() {
            Some(s) => {
                s.firstpass = false;
                s.saved.is_empty()
            }
            None => true,
        };
        if empty {
            exhaust::<Cycle>(vm, me, W)?;
            return stop(vm);
        }
    }
    let cell = state::<Cycle>(vm, me, W)?;
    match cell.get_mut() {
        Some(s) if !s.saved.is_empty() => {
            let x = s.saved[s.index % s.saved.len()].clone();
            s.index = (s.index + 1) % s.saved.len();
            Ok(x)
        }
        _ => stop(vm),
    }
}

// ----- repeat -----

struct Repeat {
    element: Value,
    /// None: forever.
    times: Option<usize>,
}

impl Refs for Repeat {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.element);
    }
}

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "repeat")?;
    let [object, times] = bind(vm, "repeat", &rest(&args), ["object", "times"], 1, 0)?;
    let element = object.unwrap_or(Value::None);
    let times = match times {
        None => None,
        Some(t) => {
            let n = to_index(vm, &t)?;
            let Some(n) = n.to_i64() else {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
            };
            // A negative count repeats nothing.
            Some(n.max(0) as usize)
        }
    };
    Ok(new_instance(&cls, Repeat { element, times }))
}

fn repeat_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let cell = state::<Repeat>(vm, me, "itertools.repeat")?;
    match cell.get_mut() {
        Some(s) => match &mut s.times {
            None => Ok(s.element.clone()),
            Some(0) => stop(vm),
            Some(n) => {
                *n -= 1;
                Ok(s.element.clone())
            }
        },
        None => stop(vm),
    }
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some((e, times)) = snapshot(vm, me, "itertools.repeat", |s: &Repeat| {
        (s.element.clone(), s.times)
    })?
    else {
        return Ok(vm.new_str("repeat()"));
    };
    // _PyType_Name: the repr names the type without its module.
    let name = vm.type_of(me).payload_type().name.get().clone();
    let r = vm.repr_string(&e)?;
    let s = match times {
        None => format!("{name}({r})"),
        Some(n) => format!("{name}({r}, {n})"),
    };
    Ok(vm.new_str(s))
}

fn repeat_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    match snapshot(vm, me, "itertools.repeat", |s: &Repeat| s.times)? {
        Some(None) => Err(vm.type_error("len() of unsized object")),
        Some(Some(n)) => Ok(Value::Int(n as i64)),
        None => Ok(Value::Int(0)),
    }
}

// ----- accumulate -----

struct Accumulate {
    it: Value,
    func: Value,
    /// The running total; Null before the first item.
    total: Value,
    /// `initial`, yielded first; Null once yielded or when not given.
    initial: Value,
}

impl Refs for Accumulate {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.it);
        f(&self.func);
        f(&self.total);
        f(&self.initial);
    }
}

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "accumulate")?;
    let [iterable, func, initial] = bind(
        vm,
        "accumulate",
        &rest(&args),
        ["iterable", "func", "initial"],
        1,
        0,
    )?;
    if rest(&args).pos().len() > 2 {
        return Err(vm.type_error(format!(
            "accumulate() takes at most 2 arguments ({} given)",
            rest(&args).pos().len()
        )));
    }
    let it = vm.iter(&iterable.unwrap_or(Value::None))?;
    Ok(new_instance(
        &cls,
        Accumulate {
            it,
            func: func.unwrap_or(Value::None),
            total: Value::Null,
            initial: match initial {
                None | Some(Value::None) => Value::Null,
                Some(v) => v,
            },
        },
    ))
}

fn accumulate_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.accumulate";
    let me = this(vm, &args)?;
    let Some((it, func, total, initial)) = snapshot(vm, me, W, |s: &Accumulate| {
        (
            s.it.clone(),
            s.func.clone(),
            s.total.clone(),
            s.initial.clone(),
        )
    })?
    else {
        return stop(vm);
    };
    let set_total = |vm: &Vm, v: &Value| -> PyResult<()> {
        if let Some(s) = state::<Accumulate>(vm, me, W)?.get_mut() {
            let old = std::mem::replace(&mut s.total, v.clone());
            let old_init = std::mem::replace(&mut s.initial, Value::Null);
            drop((old, old_init));
        }
        Ok(())
    };
    if !matches!(initial, Value::Null) {
        set_total(vm, &initial)?;
        return Ok(initial);
    }
    let Some(x) = vm.next(&it)? else {
        exhaust::<Accumulate>(vm, me, W)?;
        return stop(vm);
    };
    let new = if matches!(total, Value::Null) {
        x
    } else if matches!(func, Value::None) {
        vm.binary_op(&total, &x, nb::ADD)?
    } else {
        vm.call(&func, &[total, x])?
    };
    set_total(vm, &new)?;
    Ok(new)
}

// ----- chain -----

struct Chain {
    /// The iterator over the iterables; Null once they are all consumed.
    source: Value,
    /// The current iterable's iterator; Null between iterables.
    active: Value,
}

impl Refs for Chain {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.source);
        f(&self.active);
    }
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "chain")?;
    let a = rest(&args);
    no_keywords(vm, &a, "chain")?;
    let tuple = vm.new_tuple(a.pos().to_vec());
    let source = vm.iter(&tuple)?;
    Ok(new_instance(
        &cls,
        Chain {
            source,
            active: Value::Null,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "chain")?;
    let a = rest(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("chain.from_iterable() takes no keyword arguments"));
    }
    if a.pos().len() != 1 {
        return Err(vm.type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            a.pos().len()
        )));
    }
    let source = vm.iter(&a.pos()[0])?;
    Ok(new_instance(
        &cls,
        Chain {
            source,
            active: Value::Null,
        },
    ))
}

fn chain_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.chain";
    let me = this(vm, &args)?;
    loop {
        let Some((source, active)) =
            snapshot(vm, me, W, |s: &Chain| (s.source.clone(), s.active.clone()))?
        else {
            return stop(vm);
        };
        if !matches!(active, Value::Null) {
            if let Some(x) = vm.next(&active)? {
                return Ok(x);
            }
            if let Some(s) = state::<Chain>(vm, me, W)?.get_mut() {
                let old = std::mem::replace(&mut s.active, Value::Null);
                drop(old);
            }
            continue;
        }
        let Some(iterable) = vm.next(&source)? else {
            exhaust::<Chain>(vm, me, W)?;
            return stop(vm);
        };
        let it = vm.iter(&iterable)?;
        if let Some(s) = state::<Chain>(vm, me, W)?.get_mut() {
            let old = std::mem::replace(&mut s.active, it);
            drop(old);
        }
    }
}

// ----- compress, dropwhile, takewhile, filterfalse, starmap, pairwise -----

/// The state of the iterators that combine one input with a function or a
/// second input: `func` is the predicate, function or selector iterator.
struct Filtering {
    it: Value,
    func: Value,
    /// dropwhile: still dropping; pairwise: the previous item is in `func`.
    flag: bool,
}

impl Refs for Filtering {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.it);
        f(&self.func);
    }
}

/// `name(func, iterable)` (dropwhile, takewhile, filterfalse, starmap).
fn func_iter_new(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let cls = new_cls(vm, &args, name)?;
    let a = rest(&args);
    no_keywords(vm, &a, name)?;
    let p = positional(vm, &a, name, 2, 2)?;
    let it = vm.iter(&p[1])?;
    Ok(new_instance(
        &cls,
        Filtering {
            it,
            func: p[0].clone(),
            flag: true,
        },
    ))
}

fn filtering(vm: &Vm, me: &Value, what: &str) -> PyResult<Option<(Value, Value, bool)>> {
    snapshot(vm, me, what, |s: &Filtering| {
        (s.it.clone(), s.func.clone(), s.flag)
    })
}

fn set_flag(vm: &Vm, me: &Value, what: &str, flag: bool) -> PyResult<()> {
    if let Some(s) = state::<Filtering>(vm, me, what)?.get_mut() {
        s.flag = flag;
    }
    Ok(())
}

fn compress_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "compress")?;
    let [data, selectors] = bind(vm, "compress", &rest(&args), ["data", "selectors"], 2, 0)?;
    let it = vm.iter(&data.unwrap_or(Value::None))?;
    let sel = vm.iter(&selectors.unwrap_or(Value::None))?;
    Ok(new_instance(
        &cls,
        Filtering {
            it,
            func: sel,
            flag: true,
        },
    ))
}

fn compress_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.compress";
    let me = this(vm, &args)?;
    let Some((it, sel, _)) = filtering(vm, me, W)? else {
        return stop(vm);
    };
    loop {
        let Some(x) = vm.next(&it)? else {
            exhaust::<Filtering>(vm, me, W)?;
            return stop(vm);
        };
        let Some(s) = vm.next(&sel)? else {
            exhaust::<Filtering>(vm, me, W)?;
            return stop(vm);
        };
        if vm.is_true(&s)? {
            return Ok(x);
        }
    }
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    func_iter_new(vm, args, "dropwhile")
}

fn dropwhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.dropwhile";
    let me = this(vm, &args)?;
    let Some((it, func, dropping)) = filtering(vm, me, W)? else {
        return stop(vm);
    };
    loop {
        let Some(x) = vm.next(&it)? else {
            return stop(vm);
        };
        if !dropping {
            return Ok(x);
        }
        let r = vm.call(&func, std::slice::from_ref(&x))?;
        if !vm.is_true(&r)? {
            set_flag(vm, me, W, false)?;
            return Ok(x);
        }
    }
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    func_iter_new(vm, args, "takewhile")
}

fn takewhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.takewhile";
    let me = this(vm, &args)?;
    let Some((it, func, taking)) = filtering(vm, me, W)? else {
        return stop(vm);
    };
    if !taking {
        return stop(vm);
    }
    let Some(x) = vm.next(&it)? else {
        return stop(vm);
    };
    let r = vm.call(&func, std::slice::from_ref(&x))?;
    if vm.is_true(&r)? {
        return Ok(x);
    }
    set_flag(vm, me, W, false)?;
    stop(vm)
}

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    func_iter_new(vm, args, "filterfalse")
}

fn filterfalse_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.filterfalse";
    let me = this(vm, &args)?;
    let Some((it, func, _)) = filtering(vm, me, W)? else {
        return stop(vm);
    };
    loop {
        let Some(x) = vm.next(&it)? else {
            return stop(vm);
        };
        let ok = if matches!(func, Value::None) {
            vm.is_true(&x)?
        } else {
            let r = vm.call(&func, std::slice::from_ref(&x))?;
            vm.is_true(&r)?
        };
        if !ok {
            return Ok(x);
        }
    }
}

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    func_iter_new(vm, args, "starmap")
}

fn starmap_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some((it, func, _)) = filtering(vm, me, "itertools.starmap")? else {
        return stop(vm);
    };
    let Some(x) = vm.next(&it)? else {
        return stop(vm);
    };
    let items = match x.as_tuple() {
        Some(t) => t.to_vec(),
        None => vm.iterate(&x)?,
    };
    vm.call(&func, &items)
}

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "pairwise")?;
    let a = rest(&args);
    no_keywords(vm, &a, "pairwise")?;
    let p = positional(vm, &a, "pairwise", 1, 1)?;
    let it = vm.iter(&p[0])?;
    Ok(new_instance(
        &cls,
        Filtering {
            it,
            func: Value::Null,
            flag: false,
        },
    ))
}

fn pairwise_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.pairwise";
    let me = this(vm, &args)?;
    let Some((it, mut old, _)) = filtering(vm, me, W)? else {
        return stop(vm);
    };
    if matches!(old, Value::Null) {
        let Some(first) = vm.next(&it)? else {
            exhaust::<Filtering>(vm, me, W)?;
            return stop(vm);
        };
        old = first;
    }
    let Some(new) = vm.next(&it)? else {
        exhaust::<Filtering>(vm, me, W)?;
        return stop(vm);
    };
    if let Some(s) = state::<Filtering>(vm, me, W)?.get_mut() {
        let prev = std::mem::replace(&mut s.func, new.clone());
        drop(prev);
    }
    Ok(vm.new_tuple(vec![old, new]))
}

// ----- islice -----

struct Islice {
    it: Value,
    /// The index of the next item to yield.
    next: usize,
    stop: Option<usize>,
    step: usize,
    /// Items consumed so far.
    cnt: usize,
}

impl Refs for Islice {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.it);
    }
}

/// An islice bound: None or an int in 0..=sys.maxsize.
fn islice_bound(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<usize>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let bad = |vm: &Vm| vm.value_error(msg.to_string());
    let ty = vm.type_of(v).clone();
    let is_int = pyrs_vm::protocol::object::as_int(v).is_some()
        || vm.lookup_type(&ty, "__index__").is_some();
    if !is_int {
        return Err(bad(vm));
    }
    let n = to_index(vm, v)?;
    match n.to_i64() {
        Some(n) if n >= 0 => Ok(Some(n as usize)),
        Some(_) => Err(bad(vm)),
        // Past sys.maxsize: CPython stores -1 and fails the same check.
        None => Err(bad(vm)),
    }
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const STOP_MSG: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let cls = new_cls(vm, &args, "islice")?;
    let a = rest(&args);
    no_keywords(vm, &a, "islice")?;
    let p = positional(vm, &a, "islice", 2, 4)?;
    let (start, stop, step) = if p.len() == 2 {
        (0, islice_bound(vm, &p[1], STOP_MSG)?, 1)
    } else {
        let start = islice_bound(vm, &p[1], IDX_MSG)?.unwrap_or(0);
        let stop = islice_bound(vm, &p[2], STOP_MSG)?;
        let step = match p.get(3) {
            None | Some(Value::None) => 1,
            Some(s) => {
                let msg = "Step for islice() must be a positive integer or None.";
                match islice_bound(vm, s, msg) {
                    Ok(Some(n)) if n > 0 => n,
                    Ok(_) => return Err(vm.value_error(msg)),
                    Err(e) => return Err(e),
                }
            }
        };
        (start, stop, step)
    };
    let it = vm.iter(&p[0])?;
    Ok(new_instance(
        &cls,
        Islice {
            it,
            next: start,
            stop,
            step,
            cnt: 0,
        },
    ))
}

fn islice_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.islice";
    let me = this(vm, &args)?;
    let Some((it, next, stop_at, step, mut cnt)) = snapshot(vm, me, W, |s: &Islice| {
        (s.it.clone(), s.next, s.stop, s.step, s.cnt)
    })?
    else {
        return stop(vm);
    };
    let finish = |vm: &Vm| -> PyResult<Value> {
        exhaust::<Islice>(vm, me, W)?;
        stop(vm)
    };
    while cnt < next {
        if vm.next(&it)?.is_none() {
            return finish(vm);
        }
        cnt += 1;
        if let Some(s) = state::<Islice>(vm, me, W)?.get_mut() {
            s.cnt = cnt;
        }
    }
    if stop_at.is_some_and(|s| cnt >= s) {
        return finish(vm);
    }
    let Some(x) = vm.next(&it)? else {
        return finish(vm);
    };
    cnt += 1;
    let mut new_next = next.saturating_add(step);
    if let Some(s) = stop_at {
        new_next = new_next.min(s);
    }
    if let Some(s) = state::<Islice>(vm, me, W)?.get_mut() {
        s.cnt = cnt;
        s.next = new_next;
    }
    Ok(x)
}

// ----- zip_longest -----

struct ZipLongest {
    /// One iterator per input; Null once that input is exhausted.
    its: Vec<Value>,
    active: usize,
    fillvalue: Value,
}

impl Refs for ZipLongest {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        self.its.iter().for_each(&mut *f);
        f(&self.fillvalue);
    }
}

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "zip_longest")?;
    let a = rest(&args);
    let mut fillvalue = Value::None;
    for (k, v) in a.kwargs() {
        if k != "fillvalue" {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fillvalue = v.clone();
    }
    let mut its = Vec::with_capacity(a.pos().len());
    for x in a.pos() {
        its.push(vm.iter(x)?);
    }
    let active = its.len();
    Ok(new_instance(
        &cls,
        ZipLongest {
            its,
            active,
            fillvalue,
        },
    ))
}

fn zip_longest_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const W: &str = "itertools.zip_longest";
    let me = this(vm, &args)?;
    let Some((its, active, fill)) = snapshot(vm, me, W, |s: &ZipLongest| {
        (s.its.clone(), s.active, s.fillvalue.clone())
    })?
    else {
        return stop(vm);
    };
    if its.is_empty() || active == 0 {
        return stop(vm);
    }
    let mut out = Vec::with_capacity(its.len());
    let mut active = active;
    for (i, it) in its.iter().enumerate() {
        if matches!(it, Value::Null) {
            out.push(fill.clone());
            continue;
        }
        match vm.next(it)? {
            Some(x) => out.push(x),
            None => {
                active -= 1;
                if active == 0 {
                    exhaust::<ZipLongest>(vm, me, W)?;
                    return stop(vm);
                }
                if let Some(s) = state::<ZipLongest>(vm, me, W)?.get_mut() {
                    let old = std::mem::replace(&mut s.its[i], Value::Null);
                    s.active = active;
                    drop(old);
                }
                out.push(fill.clone());
            }
        }
    }
    Ok(vm.new_tuple(out))
}
