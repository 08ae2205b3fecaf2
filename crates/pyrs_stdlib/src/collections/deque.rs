//! `collections.deque`: a double-ended queue with an optional `maxlen`, and
//! its forward and reverse iterators. Items live in a Rust `VecDeque`; a
//! mutation counter lets iterators detect changes ("deque mutated during
//! iteration"), as CPython's `state` field does.

use crate::args::to_index;
use crate::native::{
    class, existing_class, iter_self, new_cls, new_instance, no_keywords, positional, rest, state,
    this, Refs,
};
use num_traits::ToPrimitive;
use pyrs_vm::gil_cell::GilCell;
use pyrs_vm::modules::set_attr;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef, NativeFunction};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::protocol::dict::dict_set_str_raw;
use pyrs_vm::protocol::object::CompareOp;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::collections::VecDeque;

const DEQUE: &str = "collections.deque";
const ITER: &str = "_collections._deque_iterator";

struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation; iterators compare it.
    state: u64,
}

impl Refs for Deque {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(f);
    }
}

const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", deque_new),
    MethodDef::method("__init__", deque_init),
    MethodDef::method("append", deque_append),
    MethodDef::method("appendleft", deque_appendleft),
    MethodDef::method("pop", deque_pop),
    MethodDef::method("popleft", deque_popleft),
    MethodDef::method("extend", deque_extend),
    MethodDef::method("extendleft", deque_extendleft),
    MethodDef::method("clear", deque_clear),
    MethodDef::method("copy", deque_copy),
    MethodDef::method("__copy__", deque_copy),
    MethodDef::method("count", deque_count),
    MethodDef::method("index", deque_index),
    MethodDef::method("insert", deque_insert),
    MethodDef::method("remove", deque_remove),
    MethodDef::method("reverse", deque_reverse),
    MethodDef::method("rotate", deque_rotate),
    MethodDef::method("__len__", deque_len),
    MethodDef::method("__getitem__", deque_getitem),
    MethodDef::method("__setitem__", deque_setitem),
    MethodDef::method("__delitem__", deque_delitem),
    MethodDef::method("__contains__", deque_contains),
    MethodDef::method("__iter__", deque_iter),
    MethodDef::method("__reversed__", deque_reversed),
    MethodDef::method("__repr__", deque_repr),
    MethodDef::method("__eq__", deque_eq),
    MethodDef::method("__ne__", deque_ne),
    MethodDef::method("__lt__", deque_lt),
    MethodDef::method("__le__", deque_le),
    MethodDef::method("__gt__", deque_gt),
    MethodDef::method("__ge__", deque_ge),
    MethodDef::method("__add__", deque_add),
    MethodDef::method("__iadd__", deque_iadd),
    MethodDef::method("__mul__", deque_mul),
    MethodDef::method("__rmul__", deque_mul),
    MethodDef::method("__imul__", deque_imul),
    MethodDef::method("__reduce__", deque_reduce),
];

pub fn init(vm: &mut Vm, module: &ObjRef) {
    let deque = class(vm, "collections", "deque", None, BaseKind::Object, METHODS);
    let t = vm.types();
    let d = &deque.payload_type().dict;
    dict_set_str_raw(t, d, "__hash__", Value::None);
    for def in pyrs_vm::types::generic_alias::CLASS_GETITEM {
        let f = ObjRef::new(
            &t.builtin_function,
            Payload::NativeFunction(NativeFunction {
                def: *def,
                self_: None,
                owner: Some(deque.clone()),
            }),
        );
        let cm = ObjRef::new(&t.class.classmethod, Payload::ClassMethod(Value::Obj(f)));
        dict_set_str_raw(t, d, def.name, Value::Obj(cm));
    }
    crate::held::add_getters(vm, &deque, &[("maxlen", deque_maxlen)]);
    set_attr(vm, module, "deque", Value::Obj(deque));
    for (name, next) in [
        (
            "_deque_iterator",
            dequeiter_next as pyrs_vm::objects::native::NativeFn,
        ),
        ("_deque_reverse_iterator", dequeiter_next),
    ] {
        let c = class(
            vm,
            "_collections",
            name,
            None,
            BaseKind::NotInstantiable,
            &[
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__next__", next),
                MethodDef::method("__length_hint__", dequeiter_length_hint),
            ],
        );
        set_attr(vm, module, name, Value::Obj(c));
    }
}

fn cell<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a GilCell<Option<Deque>>> {
    state::<Deque>(vm, v, DEQUE)
}

/// Run `f` on the deque's state (no Python code may run inside `f`).
fn with<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    match cell(vm, v)?.get_mut() {
        Some(d) => Ok(f(d)),
        None => Err(vm.runtime_error("deque is not initialised")),
    }
}

/// A copy of the items, to compare or repr them while Python code runs.
fn items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    with(vm, v, |d| d.items.iter().cloned().collect())
}

fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "deque")?;
    Ok(new_instance(
        &cls,
        Deque {
            items: VecDeque::new(),
            maxlen: None,
            state: 0,
        },
    ))
}

fn deque_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let a = rest(&args);
    if a.pos().len() > 2 {
        return Err(vm.type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            a.pos().len()
        )));
    }
    let [iterable, maxlen] = bind(vm, "deque", &a, ["iterable", "maxlen"], 0, 0)?;
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(m) => {
            if pyrs_vm::protocol::object::as_int(&m).is_none() {
                return Err(vm.type_error("an integer is required"));
            }
            let n = to_index(vm, &m)?;
            if n.sign() == num_bigint::Sign::Minus {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n.to_usize().unwrap_or(usize::MAX))
        }
    };
    let old = with(vm, &me, |d| {
        d.maxlen = maxlen;
        d.state += 1;
        std::mem::take(&mut d.items)
    })?;
    drop(old);
    if let Some(it) = iterable {
        extend(vm, &me, &it, false)?;
    }
    Ok(Value::None)
}

/// Add one item at the right (or left), dropping one from the other end when
/// the deque is full; a deque of maxlen 0 keeps nothing.
fn push(vm: &Vm, me: &Value, x: Value, left: bool) -> PyResult<()> {
    let dropped = with(vm, me, |d| {
        d.state += 1;
        if d.maxlen == Some(0) {
            return Some(x);
        }
        if left {
            d.items.push_front(x);
        } else {
            d.items.push_back(x);
        }
        if d.maxlen.is_some_and(|m| d.items.len() > m) {
            if left {
                d.items.pop_back()
            } else {
                d.items.pop_front()
            }
        } else {
            None
        }
    })?;
    drop(dropped);
    Ok(())
}

fn extend(vm: &mut Vm, me: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    // Extending a deque with itself reads a snapshot.
    let source = if iterable.is(me) {
        let l = items(vm, me)?;
        vm.new_list(l)
    } else {
        iterable.clone()
    };
    let it = vm.iter(&source)?;
    while let Some(x) = vm.next(&it)? {
        push(vm, me, x, left)?;
    }
    Ok(())
}

fn one_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let a = rest(args);
    no_keywords(vm, &a, name)?;
    if a.pos().len() != 1 {
        return Err(vm.type_error(format!(
            "deque.{name}() takes exactly one argument ({} given)",
            a.pos().len()
        )));
    }
    Ok(&a.pos()[0])
}

fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    let a = rest(args);
    no_keywords(vm, &a, name)?;
    if !a.pos().is_empty() {
        return Err(vm.type_error(format!(
            "deque.{name}() takes no arguments ({} given)",
            a.pos().len()
        )));
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg(vm, &args, "append")?.clone();
    push(vm, this(vm, &args)?, x, false)?;
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg(vm, &args, "appendleft")?.clone();
    push(vm, this(vm, &args)?, x, true)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &Args, left: bool) -> PyResult<Value> {
    no_args(vm, args, if left { "popleft" } else { "pop" })?;
    let me = this(vm, args)?;
    let x = with(vm, me, |d| {
        d.state += 1;
        if left {
            d.items.pop_front()
        } else {
            d.items.pop_back()
        }
    })?;
    x.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop(vm, &args, false)
}

fn deque_popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop(vm, &args, true)
}

fn deque_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = one_arg(vm, &args, "extend")?.clone();
    let me = this(vm, &args)?.clone();
    extend(vm, &me, &it, false)?;
    Ok(Value::None)
}

fn deque_extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = one_arg(vm, &args, "extendleft")?.clone();
    let me = this(vm, &args)?.clone();
    extend(vm, &me, &it, true)?;
    Ok(Value::None)
}

fn deque_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "clear")?;
    let old = with(vm, this(vm, &args)?, |d| {
        d.state += 1;
        std::mem::take(&mut d.items)
    })?;
    drop(old);
    Ok(Value::None)
}

/// `copy()`: a deque of the same class and maxlen (a subclass is called as
/// `type(d)(d, maxlen)`, as CPython does).
fn deque_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "copy")?;
    let me = this(vm, &args)?.clone();
    copy_of(vm, &me)
}

fn copy_of(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let maxlen = with(vm, me, |d| d.maxlen)?;
    let cls = Value::Obj(vm.type_of(me).clone());
    match maxlen {
        None => vm.call(&cls, std::slice::from_ref(me)),
        Some(m) => vm.call(&cls, &[me.clone(), Value::Int(m as i64)]),
    }
}

fn deque_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg(vm, &args, "count")?.clone();
    let me = this(vm, &args)?;
    let mut n = 0;
    for it in items(vm, me)? {
        if it.is(&x) || vm.eq(&it, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// A possibly negative index argument (`index`, `insert`), clamped as
/// CPython's `_PyEval_SliceIndexNotNone` and the methods clamp it.
fn clamp_index(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    let n = to_index(vm, v)?;
    let n = n
        .to_i64()
        .unwrap_or(if n.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        });
    let len = len as i64;
    Ok(if n < 0 {
        (n + len).max(0) as usize
    } else {
        n.min(len) as usize
    })
}

fn deque_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    no_keywords(vm, &a, "index")?;
    let p = positional(vm, &a, "index", 1, 3)?;
    let me = this(vm, &args)?;
    let all = items(vm, me)?;
    let start = match p.get(1) {
        Some(s) => clamp_index(vm, s, all.len())?,
        None => 0,
    };
    let stop = match p.get(2) {
        Some(s) => clamp_index(vm, s, all.len())?,
        None => all.len(),
    };
    let x = &p[0];
    for (i, it) in all.iter().enumerate().take(stop).skip(start) {
        if it.is(x) || vm.eq(it, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr_string(x)?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    no_keywords(vm, &a, "insert")?;
    let p = positional(vm, &a, "insert", 2, 2)?;
    let me = this(vm, &args)?;
    let (len, maxlen) = with(vm, me, |d| (d.items.len(), d.maxlen))?;
    if maxlen == Some(len) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let i = clamp_index(vm, &p[0], len)?;
    let x = p[1].clone();
    with(vm, me, |d| {
        d.state += 1;
        let i = i.min(d.items.len());
        d.items.insert(i, x);
    })?;
    Ok(Value::None)
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg(vm, &args, "remove")?.clone();
    let me = this(vm, &args)?;
    for (i, it) in items(vm, me)?.iter().enumerate() {
        if it.is(&x) || vm.eq(it, &x)? {
            let old = with(vm, me, |d| {
                d.state += 1;
                d.items.remove(i)
            })?;
            drop(old);
            return Ok(Value::None);
        }
    }
    let r = vm.repr_string(&x)?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "reverse")?;
    with(vm, this(vm, &args)?, |d| {
        d.state += 1;
        d.items.make_contiguous().reverse();
    })?;
    Ok(Value::None)
}

fn deque_rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    no_keywords(vm, &a, "rotate")?;
    let p = positional(vm, &a, "rotate", 0, 1)?;
    let n = match p.first() {
        Some(v) => {
            let n = to_index(vm, v)?;
            n.to_i64()
                .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?
        }
        None => 1,
    };
    with(vm, this(vm, &args)?, |d| {
        let len = d.items.len() as i64;
        if len > 1 {
            d.state += 1;
            let k = n.rem_euclid(len) as usize;
            d.items.rotate_right(k);
        }
    })?;
    Ok(Value::None)
}

fn deque_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = with(vm, this(vm, &args)?, |d| d.items.len())?;
    Ok(Value::Int(n as i64))
}

/// An item index: ints only (no slices), negative from the right.
fn item_index(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<usize> {
    let ty = vm.type_of(key).clone();
    if pyrs_vm::protocol::object::as_int(key).is_none()
        && vm.lookup_type(&ty, "__index__").is_none()
    {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(key)
        )));
    }
    let i = to_index(vm, key)?;
    let len = with(vm, me, |d| d.items.len())? as i64;
    let i = i.to_i64().unwrap_or(i64::MAX);
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn deque_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let key = one_arg(vm, &args, "__getitem__")?.clone();
    let me = this(vm, &args)?;
    let i = item_index(vm, me, &key)?;
    with(vm, me, |d| d.items.get(i).cloned())?
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn deque_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = positional(vm, &a, "__setitem__", 2, 2)?;
    let me = this(vm, &args)?;
    let i = item_index(vm, me, &p[0])?;
    let x = p[1].clone();
    let old = with(vm, me, |d| {
        d.items.get_mut(i).map(|s| std::mem::replace(s, x))
    })?;
    drop(old);
    Ok(Value::None)
}

fn deque_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let key = one_arg(vm, &args, "__delitem__")?.clone();
    let me = this(vm, &args)?;
    let i = item_index(vm, me, &key)?;
    let old = with(vm, me, |d| {
        d.state += 1;
        d.items.remove(i)
    })?;
    drop(old);
    Ok(Value::None)
}

fn deque_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg(vm, &args, "__contains__")?.clone();
    for it in items(vm, this(vm, &args)?)? {
        if it.is(&x) || vm.eq(&it, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

struct DequeIter {
    deque: Value,
    /// The next position, counted from the left (forward) or the right.
    index: usize,
    state: u64,
    reverse: bool,
}

impl Refs for DequeIter {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.deque);
    }
}

fn make_iter(vm: &mut Vm, args: &Args, reverse: bool) -> PyResult<Value> {
    let me = this(vm, args)?.clone();
    let st = with(vm, &me, |d| d.state)?;
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    let cls = existing_class(vm, "_collections", name)?;
    Ok(new_instance(
        &cls,
        DequeIter {
            deque: me,
            index: 0,
            state: st,
            reverse,
        },
    ))
}

fn deque_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_iter(vm, &args, false)
}

fn deque_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_iter(vm, &args, true)
}

fn dequeiter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let it = state::<DequeIter>(vm, me, ITER)?;
    let Some((deque, index, st, reverse)) = it
        .get()
        .as_ref()
        .map(|s| (s.deque.clone(), s.index, s.state, s.reverse))
    else {
        return Err(vm.stop_iteration());
    };
    let (now, item) = with(vm, &deque, |d| {
        let n = d.items.len();
        let item = if index < n {
            let i = if reverse { n - 1 - index } else { index };
            d.items.get(i).cloned()
        } else {
            None
        };
        (d.state, item)
    })?;
    if now != st {
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    match item {
        Some(x) => {
            if let Some(s) = it.get_mut() {
                s.index += 1;
            }
            Ok(x)
        }
        None => {
            let old = it.replace(None);
            drop(old);
            Err(vm.stop_iteration())
        }
    }
}

fn dequeiter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some((deque, index)) = state::<DequeIter>(vm, me, ITER)?
        .get()
        .as_ref()
        .map(|s| (s.deque.clone(), s.index))
    else {
        return Ok(Value::Int(0));
    };
    let n = with(vm, &deque, |d| d.items.len())?;
    Ok(Value::Int(n.saturating_sub(index) as i64))
}

fn deque_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let (all, maxlen) = with(vm, &me, |d| {
        (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
    })?;
    let Some(o) = me.as_obj() else {
        return Err(vm.type_error("deque"));
    };
    let Some(parts) = vm.repr_items(o, &all)? else {
        return Ok(vm.new_str("[...]"));
    };
    let name = vm.type_of(&me).payload_type().name.get().clone();
    let s = match maxlen {
        Some(m) => format!("{name}([{}], maxlen={m})", parts.join(", ")),
        None => format!("{name}([{}])", parts.join(", ")),
    };
    Ok(vm.new_str(s))
}

fn is_deque(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Native(n)) if n.as_any().is::<crate::native::State<Deque>>())
}

/// Rich comparison as sequences: the first differing pair decides, else
/// the lengths; NotImplemented for anything but a deque.
fn compare(vm: &mut Vm, args: &Args, op: CompareOp) -> PyResult<Value> {
    let other = one_arg(vm, args, op.dunder())?.clone();
    let me = this(vm, args)?.clone();
    if !is_deque(&other) {
        return Ok(vm.not_implemented());
    }
    let (a, b) = (items(vm, &me)?, items(vm, &other)?);
    for (x, y) in a.iter().zip(b.iter()) {
        if x.is(y) || vm.eq(x, y)? {
            continue;
        }
        return match op {
            CompareOp::Eq => Ok(Value::Bool(false)),
            CompareOp::Ne => Ok(Value::Bool(true)),
            _ => vm.rich_compare(x, y, op),
        };
    }
    let (la, lb) = (a.len(), b.len());
    Ok(Value::Bool(match op {
        CompareOp::Eq => la == lb,
        CompareOp::Ne => la != lb,
        CompareOp::Lt => la < lb,
        CompareOp::Le => la <= lb,
        CompareOp::Gt => la > lb,
        CompareOp::Ge => la >= lb,
    }))
}

fn deque_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Eq)
}
fn deque_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Ne)
}
fn deque_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Lt)
}
fn deque_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Le)
}
fn deque_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Gt)
}
fn deque_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Ge)
}

fn deque_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = one_arg(vm, &args, "__add__")?.clone();
    let me = this(vm, &args)?.clone();
    if !is_deque(&other) {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(&other)
        )));
    }
    let new = copy_of(vm, &me)?;
    extend(vm, &new, &other, false)?;
    Ok(new)
}

fn deque_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = one_arg(vm, &args, "__iadd__")?.clone();
    let me = this(vm, &args)?.clone();
    extend(vm, &me, &other, false)?;
    Ok(me)
}

/// The repeat count of `*`, or None for NotImplemented.
fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let ty = vm.type_of(v).clone();
    if pyrs_vm::protocol::object::as_int(v).is_none() && vm.lookup_type(&ty, "__index__").is_none()
    {
        return Ok(None);
    }
    let n = to_index(vm, v)?;
    Ok(Some(n.to_i64().unwrap_or(
        if n.sign() == num_bigint::Sign::Minus {
            0
        } else {
            i64::MAX
        },
    )))
}

fn repeat_in_place(vm: &mut Vm, me: &Value, n: i64) -> PyResult<()> {
    let all = items(vm, me)?;
    if n <= 0 {
        let old = with(vm, me, |d| {
            d.state += 1;
            std::mem::take(&mut d.items)
        })?;
        drop(old);
        return Ok(());
    }
    if all.is_empty() || n == 1 {
        return Ok(());
    }
    let maxlen = with(vm, me, |d| d.maxlen)?;
    let size = all.len() as u128;
    let mut n = n as u128;
    // Only the last maxlen items survive a bounded repeat: the repetitions
    // past those that fill it again change nothing.
    if let Some(m) = maxlen {
        let m = m as u128;
        if n * size > m {
            n = n.min(m.div_ceil(size) + 1);
        }
    }
    let total = size * n;
    let keep = maxlen.map_or(total, |m| total.min(m as u128));
    let bytes = keep.saturating_mul(std::mem::size_of::<Value>() as u128);
    pyrs_vm::protocol::number::check_alloc(vm, usize::try_from(bytes).unwrap_or(usize::MAX))?;
    for _ in 1..n {
        for x in &all {
            push(vm, me, x.clone(), false)?;
        }
        if maxlen.is_some_and(|m| m == 0) {
            break;
        }
    }
    Ok(())
}

fn deque_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = one_arg(vm, &args, "__mul__")?.clone();
    let me = this(vm, &args)?.clone();
    let Some(n) = repeat_count(vm, &other)? else {
        return Ok(vm.not_implemented());
    };
    let new = copy_of(vm, &me)?;
    repeat_in_place(vm, &new, n)?;
    Ok(new)
}

fn deque_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = one_arg(vm, &args, "__imul__")?.clone();
    let me = this(vm, &args)?.clone();
    let Some(n) = repeat_count(vm, &other)? else {
        return Ok(vm.not_implemented());
    };
    repeat_in_place(vm, &me, n)?;
    Ok(me)
}

/// `(cls, args, state, iterator)`: args is `()` or `((), maxlen)`; state is
/// the instance dict of a subclass instance, else None.
fn deque_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let maxlen = with(vm, &me, |d| d.maxlen)?;
    let cls = Value::Obj(vm.type_of(&me).clone());
    let cargs = match maxlen {
        None => vm.new_tuple(Vec::new()),
        Some(m) => {
            let empty = vm.new_tuple(Vec::new());
            vm.new_tuple(vec![empty, Value::Int(m as i64)])
        }
    };
    let dict = me.as_obj().and_then(|o| o.dict.get().clone());
    let st = match dict {
        Some(d) if Vm::dict_len(&d) > 0 => Value::Obj(d),
        _ => Value::None,
    };
    let it = make_iter(vm, &Args::positional(std::slice::from_ref(&me)), false)?;
    Ok(vm.new_tuple(vec![cls, cargs, st, it]))
}

fn deque_maxlen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    Ok(match with(vm, me, |d| d.maxlen)? {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}
