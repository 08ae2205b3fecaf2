//! The lazy iterator types: `enumerate`, `zip`, `map`, `filter`, `reversed`,
//! `iter(callable, sentinel)` and the `__getitem__`-protocol iterator, as
//! `IterState` variants stepped here (the containers' own iterators are stepped
//! in `protocol::sequence`). Reference: Objects/enumobject.c, Python/bltinmodule.c
//! (map, filter, zip), Objects/iterobject.c.

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::iter::IterState;
use crate::objects::native::Args;
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;

/// `__iter__` and `__next__` of every builtin iterator type.
pub const ITER_METHODS: &[crate::objects::native::MethodDef] = &[
    crate::objects::native::MethodDef::method("__iter__", iter_self),
    crate::objects::native::MethodDef::method("__next__", iter_next),
];

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::args::pos(vm, "__iter__", &args, 0, 0)?;
    Ok(super::args::this(&args).clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::args::pos(vm, "__next__", &args, 0, 0)?;
    let it = super::args::this(&args).clone();
    if !matches!(it.payload(), Some(Payload::Iterator(_))) {
        return Err(vm.type_error("descriptor '__next__' requires an iterator"));
    }
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration()),
    }
}

fn new_iter(ty: &ObjRef, state: IterState) -> Value {
    Value::Obj(ObjRef::new(ty, Payload::Iterator(GilCell::new(state))))
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate_new(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let [iterable, start] = super::args::bind(vm, "enumerate", &args, ["iterable", "start"], 1, 0)
        .map_err(|e| {
            if args.pos().is_empty() && !args.has_kwargs() {
                vm.type_error("enumerate() missing required argument 'iterable'")
            } else {
                e
            }
        })?;
    let it = vm.iter(&iterable.unwrap_or(Value::None))?;
    let count = match start {
        Some(s) if as_int(&s).is_some() => s,
        Some(s) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&s)
            )))
        }
        None => Value::Int(0),
    };
    Ok(new_iter(cls, IterState::Enumerate { it, count }))
}

/// `zip(*iterables, strict=False)`.
pub fn zip_new(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if k == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{k}'")));
        }
    }
    let mut its = Vec::with_capacity(args.pos().len());
    for a in args.pos() {
        its.push(vm.iter(a)?);
    }
    Ok(new_iter(cls, IterState::Zip { its, strict }))
}

/// `map(func, *iterables)`.
pub fn map_new(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    let p = args.pos();
    if p.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(p.len() - 1);
    for a in &p[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(new_iter(
        cls,
        IterState::Map {
            func: p[0].clone(),
            its,
        },
    ))
}

/// `filter(function or None, iterable)`.
pub fn filter_new(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    let p = args.pos();
    if p.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", p.len())));
    }
    let it = vm.iter(&p[1])?;
    Ok(new_iter(
        cls,
        IterState::Filter {
            func: p[0].clone(),
            it,
        },
    ))
}

/// `reversed(seq)`.
pub fn reversed_new(vm: &mut Vm, _cls: &ObjRef, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    let p = args.pos();
    if p.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", p.len())));
    }
    reversed_of(vm, &p[0])
}

/// `reversed(v)`: `__reversed__` when the type has one, else the sequence
/// protocol (`__len__` and `__getitem__`).
pub fn reversed_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = vm.types();
    let heap = v
        .as_obj()
        .is_some_and(|o| o.class().payload_type().heap_type);
    if !heap {
        match v.payload() {
            Some(Payload::List(l)) => {
                let n = l.get().len() as isize;
                return Ok(new_iter(
                    &t.list_reverseiterator,
                    IterState::Reversed {
                        seq: v.clone(),
                        index: n - 1,
                    },
                ));
            }
            Some(Payload::Range(_)) => {
                return super::range::range_reversed(vm, v);
            }
            Some(Payload::Dict(d)) => {
                let keys: Vec<Value> = d.get().iter().map(|e| e.key.clone()).collect();
                let l = vm.new_list(keys);
                return reversed_of(vm, &l);
            }
            Some(Payload::DictView { .. }) => {
                let items = super::dict_methods::view_items(vm, v)?;
                let l = vm.new_list(items);
                return reversed_of(vm, &l);
            }
            Some(
                Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_),
            ) => {
                let n = vm.len(v)? as isize;
                return Ok(new_iter(
                    &t.reversed,
                    IterState::Reversed {
                        seq: v.clone(),
                        index: n - 1,
                    },
                ));
            }
            _ => {}
        }
    }
    let ty = vm.type_of(v).clone();
    if let Some(m) = vm.lookup_type(&ty, "__reversed__") {
        if matches!(m, Value::None) {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v))));
        }
        return vm.call_method_value(&m, v, &[]);
    }
    if heap
        && vm.lookup_type(&ty, "__getitem__").is_some()
        && vm.lookup_type(&ty, "__len__").is_some()
    {
        let n = vm.len(v)? as isize;
        return Ok(new_iter(
            &t.reversed,
            IterState::Reversed {
                seq: v.clone(),
                index: n - 1,
            },
        ));
    }
    Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v))))
}

/// `iter(callable, sentinel)`.
pub fn callable_iter(vm: &Vm, func: Value, sentinel: Value) -> Value {
    new_iter(
        &vm.types().callable_iterator,
        IterState::Callable { func, sentinel },
    )
}

/// The `__getitem__`-protocol iterator for a class without `__iter__`.
pub fn getitem_iter(vm: &Vm, seq: Value) -> Value {
    new_iter(
        &vm.types().seq_iterator,
        IterState::GetItem { seq, index: 0 },
    )
}

/// One step of the iterators above. The state is read and written through
/// short borrows only: each step may run Python code.
pub fn next_composite(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(Payload::Iterator(st)) = it.payload() else {
        return Ok(None);
    };
    enum Step {
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Reversed(Value, isize),
        Callable(Value, Value),
        GetItem(Value, usize),
        Set,
        Done,
    }
    let step = match st.get() {
        IterState::Enumerate { it, count } => Step::Enumerate(it.clone(), count.clone()),
        IterState::Zip { its, strict } => Step::Zip(its.clone(), *strict),
        IterState::Map { func, its } => Step::Map(func.clone(), its.clone()),
        IterState::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
        IterState::Reversed { seq, index } => Step::Reversed(seq.clone(), *index),
        IterState::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
        IterState::GetItem { seq, index } => Step::GetItem(seq.clone(), *index),
        IterState::Set { .. } => Step::Set,
        _ => Step::Done,
    };
    let finish = |st: &GilCell<IterState>| {
        let old = st.replace(IterState::Done);
        drop(old);
    };
    match step {
        Step::Done => Ok(None),
        Step::Set => {
            let (set, mut pos, mut used) = match st.get() {
                IterState::Set { set, pos, used } => (set.clone(), *pos, *used),
                _ => return Ok(None),
            };
            let r = super::set::iter_next(vm, &set, &mut pos, &mut used);
            if let IterState::Set {
                pos: p, used: u, ..
            } = st.get_mut()
            {
                *p = pos;
                *u = used;
            }
            if let Ok(None) = r {
                finish(st);
            }
            r
        }
        Step::Enumerate(inner, count) => {
            let Some(x) = vm.next(&inner)? else {
                return Ok(None);
            };
            let next = vm.binary_op(&count, &Value::Int(1), pyrs_bytecode::opcode::nb::ADD)?;
            if let IterState::Enumerate { count: c, .. } = st.get_mut() {
                let old = std::mem::replace(c, next);
                drop(old);
            }
            Ok(Some(vm.new_tuple(vec![count, x])))
        }
        Step::Zip(its, strict) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(its.len());
            for (i, inner) in its.iter().enumerate() {
                match vm.next(inner)? {
                    Some(x) => items.push(x),
                    None => {
                        finish(st);
                        if strict {
                            if i > 0 {
                                let plural = if i == 1 { " " } else { "s 1-" };
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{plural}{}",
                                    i + 1,
                                    i
                                )));
                            }
                            for (j, rest) in its.iter().enumerate().skip(1) {
                                if vm.next(rest)?.is_some() {
                                    let plural = if j == 1 { " " } else { "s 1-" };
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{plural}{}",
                                        j + 1,
                                        j
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.new_tuple(items)))
        }
        Step::Map(func, its) => {
            let mut items = Vec::with_capacity(its.len());
            for inner in &its {
                match vm.next(inner)? {
                    Some(x) => items.push(x),
                    None => return Ok(None),
                }
            }
            vm.call(&func, &items).map(Some)
        }
        Step::Filter(func, inner) => loop {
            let Some(x) = vm.next(&inner)? else {
                return Ok(None);
            };
            let keep = if matches!(func, Value::None) {
                vm.is_true(&x)?
            } else {
                let r = vm.call(&func, std::slice::from_ref(&x))?;
                vm.is_true(&r)?
            };
            if keep {
                return Ok(Some(x));
            }
        },
        Step::Reversed(seq, index) => {
            if index < 0 || seq.is_null() {
                finish(st);
                return Ok(None);
            }
            let item = match seq.payload() {
                Some(Payload::List(l))
                    if !seq
                        .as_obj()
                        .is_some_and(|o| o.class().payload_type().heap_type) =>
                {
                    l.get().get(index as usize).cloned()
                }
                _ => match vm.getitem(&seq, &Value::Int(index as i64)) {
                    Ok(v) => Some(v),
                    Err(e)
                        if vm.err_matches(&e, &vm.types().exc.index_error)
                            || vm.err_matches(&e, &vm.types().exc.stop_iteration) =>
                    {
                        None
                    }
                    Err(e) => return Err(e),
                },
            };
            match item {
                Some(v) => {
                    if let IterState::Reversed { index: i, .. } = st.get_mut() {
                        *i = index - 1;
                    }
                    Ok(Some(v))
                }
                None => {
                    finish(st);
                    Ok(None)
                }
            }
        }
        Step::Callable(func, sentinel) => {
            let v = match vm.call(&func, &[]) {
                Ok(v) => v,
                Err(e) if vm.err_matches(&e, &vm.types().exc.stop_iteration) => {
                    finish(st);
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            if vm.eq(&v, &sentinel)? {
                finish(st);
                return Ok(None);
            }
            Ok(Some(v))
        }
        Step::GetItem(seq, index) => match vm.getitem(&seq, &Value::Int(index as i64)) {
            Ok(v) => {
                if let IterState::GetItem { index: i, .. } = st.get_mut() {
                    *i = index + 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if vm.err_matches(&e, &vm.types().exc.index_error)
                    || vm.err_matches(&e, &vm.types().exc.stop_iteration) =>
            {
                finish(st);
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}
