//! `set` and `frozenset`: lookups that may call `__eq__` (reading the table in
//! `objects::set` through short borrows, restarting when Python code changed
//! it), the methods, operators, comparisons and repr, in CPython's orders of
//! iteration so that results print alike. Reference: Objects/setobject.c.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::objects::set::{SetData, LINEAR_PROBES, PERTURB_SHIFT};
use crate::protocol::dict::fast_eq;
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::opcode::nb;

pub const SET_METHODS: &[MethodDef] = &[
    MethodDef::method("add", set_add),
    MethodDef::method("clear", set_clear),
    MethodDef::method("copy", set_copy),
    MethodDef::method("difference", set_difference),
    MethodDef::method("difference_update", set_difference_update),
    MethodDef::method("discard", set_discard),
    MethodDef::method("intersection", set_intersection),
    MethodDef::method("intersection_update", set_intersection_update),
    MethodDef::method("isdisjoint", set_isdisjoint),
    MethodDef::method("issubset", set_issubset),
    MethodDef::method("issuperset", set_issuperset),
    MethodDef::method("pop", set_pop),
    MethodDef::method("remove", set_remove),
    MethodDef::method("symmetric_difference", set_symmetric_difference),
    MethodDef::method(
        "symmetric_difference_update",
        set_symmetric_difference_update,
    ),
    MethodDef::method("union", set_union),
    MethodDef::method("update", set_update),
    MethodDef::method("__init__", set_init),
    MethodDef::method("__len__", set_len),
    MethodDef::method("__contains__", set_contains),
    MethodDef::method("__iter__", set_iter),
];

pub const FROZENSET_METHODS: &[MethodDef] = &[
    MethodDef::method("copy", set_copy),
    MethodDef::method("difference", set_difference),
    MethodDef::method("intersection", set_intersection),
    MethodDef::method("isdisjoint", set_isdisjoint),
    MethodDef::method("issubset", set_issubset),
    MethodDef::method("issuperset", set_issuperset),
    MethodDef::method("symmetric_difference", set_symmetric_difference),
    MethodDef::method("union", set_union),
    MethodDef::method("__len__", set_len),
    MethodDef::method("__contains__", set_contains),
    MethodDef::method("__iter__", set_iter),
];

#[inline]
pub fn table(v: &Value) -> Option<&GilCell<SetData>> {
    match v.payload() {
        Some(Payload::Set(s)) => Some(s),
        _ => None,
    }
}

pub fn is_anyset(v: &Value) -> bool {
    table(v).is_some()
}

fn is_frozen(vm: &Vm, v: &Value) -> bool {
    crate::vm::is_subtype(vm.type_of(v), &vm.types().frozenset)
}

/// A new empty set of class `cls` (set, frozenset or a subclass).
pub fn new_set_of(cls: &ObjRef) -> Value {
    Value::Obj(ObjRef::new(cls, Payload::Set(GilCell::new(SetData::new()))))
}

/// `make_new_set_basetype`: results of operations on a subclass instance
/// are plain sets or frozensets.
fn new_like(vm: &Vm, v: &Value) -> Value {
    let t = vm.types();
    new_set_of(if is_frozen(vm, v) {
        &t.frozenset
    } else {
        &t.set
    })
}

enum Found {
    Active(usize),
    /// The empty slot where a search ended, and the last dummy seen before it.
    Absent(usize, Option<usize>),
}

/// The probe of `set_lookkey`/`set_add_entry`.
fn probe(vm: &mut Vm, so: &GilCell<SetData>, key: &Value, hash: i64) -> PyResult<Found> {
    'restart: loop {
        let mask = so.get().mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let (eh, ek) = {
                    let e = so.get().slot(j);
                    (e.hash, e.key.clone())
                };
                if ek.is_null() {
                    if eh == 0 {
                        return Ok(Found::Absent(j, freeslot));
                    }
                    freeslot = Some(j);
                    continue;
                }
                if eh != hash {
                    continue;
                }
                if ek.is(key) {
                    return Ok(Found::Active(j));
                }
                match fast_eq(&ek, key) {
                    Some(true) => return Ok(Found::Active(j)),
                    Some(false) => {}
                    None => {
                        let version = so.get().version;
                        let eq = vm.eq(&ek, key)?;
                        if so.get().version != version {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Found::Active(j));
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
}

/// `set_add_entry`.
pub fn add_entry(vm: &mut Vm, so: &GilCell<SetData>, key: Value, hash: i64) -> PyResult<()> {
    match probe(vm, so, &key, hash)? {
        Found::Active(_) => {}
        Found::Absent(_, Some(free)) => so.get_mut().fill_dummy(free, key, hash),
        Found::Absent(slot, None) => so.get_mut().fill_unused(slot, key, hash),
    }
    Ok(())
}

pub fn add_key(vm: &mut Vm, so: &GilCell<SetData>, key: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    add_entry(vm, so, key, hash)
}

pub fn contains_entry(
    vm: &mut Vm,
    so: &GilCell<SetData>,
    key: &Value,
    hash: i64,
) -> PyResult<bool> {
    Ok(matches!(probe(vm, so, key, hash)?, Found::Active(_)))
}

/// `set_contains_key`, with CPython's retry of an unhashable set key as a frozenset.
pub fn contains_key(vm: &mut Vm, so: &GilCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = match vm.hash(key) {
        Ok(h) => h,
        Err(e) if is_anyset(key) && vm.err_matches(&e, &vm.types().exc.type_error) => {
            let f = frozen_copy(vm, key)?;
            return contains_key(vm, so, &f);
        }
        Err(e) => return Err(e),
    };
    contains_entry(vm, so, key, hash)
}

fn frozen_copy(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = new_set_of(&vm.types().frozenset);
    update_internal(vm, &f, v)?;
    Ok(f)
}

/// `set_discard_entry`: whether the key was there.
pub fn discard_entry(vm: &mut Vm, so: &GilCell<SetData>, key: &Value, hash: i64) -> PyResult<bool> {
    match probe(vm, so, key, hash)? {
        Found::Active(j) => {
            let old = so.get_mut().remove_slot(j);
            drop(old);
            Ok(true)
        }
        Found::Absent(..) => Ok(false),
    }
}

fn discard_key(vm: &mut Vm, so: &GilCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = match vm.hash(key) {
        Ok(h) => h,
        Err(e) if is_anyset(key) && vm.err_matches(&e, &vm.types().exc.type_error) => {
            let f = frozen_copy(vm, key)?;
            return discard_key(vm, so, &f);
        }
        Err(e) => return Err(e),
    };
    discard_entry(vm, so, key, hash)
}

/// `set_update_internal`: merge a set, a dict's keys, or any iterable.
pub fn update_internal(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    let Some(so) = table(target) else {
        return Ok(());
    };
    if let Some(ot) = table(other) {
        if target.is(other) || ot.get().is_empty() {
            return Ok(());
        }
        {
            let (fill, used, mask) = (so.get().fill, so.get().used, so.get().mask());
            let oused = ot.get().used;
            if (fill + oused) * 5 >= mask * 3 {
                so.get_mut().resize((used + oused) * 2);
            }
        }
        if so.get_mut().merge_into_empty(ot.get()) {
            return Ok(());
        }
        for (k, h) in ot.get().entries() {
            add_entry(vm, so, k, h)?;
        }
        return Ok(());
    }
    if let Some(d) = other
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)) && !o.class().payload_type().heap_type)
    {
        let n = Vm::dict_len(d);
        {
            let (fill, used, mask) = (so.get().fill, so.get().used, so.get().mask());
            if (fill + n) * 5 >= mask * 3 {
                so.get_mut().resize((used + n) * 2);
            }
        }
        let entries: Vec<(Value, i64)> = crate::protocol::dict::table(d)
            .get()
            .iter()
            .map(|e| (e.key.clone(), e.hash))
            .collect();
        for (k, h) in entries {
            add_entry(vm, so, k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        add_key(vm, so, k)?;
    }
    Ok(())
}

/// A new plain set with the items of any iterable.
pub fn set_from_iterable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = new_set_of(&vm.types().set);
    update_internal(vm, &s, v)?;
    Ok(s)
}

/// `set(...)`/`frozenset(...)` called on `cls`.
pub fn construct(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let frozen = crate::vm::is_subtype(cls, &vm.types().frozenset);
    let name = if frozen { "frozenset" } else { "set" };
    if args.has_kwargs() && !cls.payload_type().heap_type {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let p = args.pos();
    if p.len() > 1 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            p.len()
        )));
    }
    if frozen && cls.is(&vm.types().frozenset) {
        if let Some(v) = p.first() {
            if v.as_obj().is_some_and(|o| o.class().is(cls)) {
                return Ok(v.clone());
            }
        }
    }
    let s = new_set_of(cls);
    if let Some(v) = p.first() {
        update_internal(vm, &s, v)?;
    }
    Ok(s)
}

// ----- methods -----

fn self_table<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a GilCell<SetData>> {
    table(this(args)).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(this(args))
        ))
    })
}

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    let r = pos(vm, "set.add", &args, 1, 1)?;
    add_key(vm, so, r[0].clone())?;
    Ok(Value::None)
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    pos(vm, "set.clear", &args, 0, 0)?;
    let old = so.get_mut().clear();
    drop(old);
    Ok(Value::None)
}

fn copy_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.as_obj()
        .is_some_and(|o| o.class().is(&vm.types().frozenset))
    {
        return Ok(v.clone());
    }
    let s = new_like(vm, v);
    update_internal(vm, &s, v)?;
    Ok(s)
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    pos(vm, "set.copy", &args, 0, 0)?;
    copy_value(vm, this(&args))
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    let r = pos(vm, "set.discard", &args, 1, 1)?;
    discard_key(vm, so, &r[0])?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    let r = pos(vm, "set.remove", &args, 1, 1)?;
    if !discard_key(vm, so, &r[0])? {
        return Err(vm.key_error(r[0].clone()));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    pos(vm, "set.pop", &args, 0, 0)?;
    match so.get_mut().pop() {
        Some(k) => Ok(k),
        None => Err(vm.key_error(vm.new_str("pop from an empty set"))),
    }
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    Ok(Value::Int(so.get().len() as i64))
}

fn set_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    let r = pos(vm, "set.__contains__", &args, 1, 1)?;
    contains_key(vm, so, &r[0]).map(Value::Bool)
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    Ok(iter_of(vm, this(&args)))
}

pub fn iter_of(vm: &Vm, v: &Value) -> Value {
    let used = table(v).map_or(0, |t| t.get().used);
    Value::Obj(ObjRef::new(
        &vm.types().set_iterator,
        Payload::Iterator(GilCell::new(crate::objects::iter::IterState::Set {
            set: v.clone(),
            pos: 0,
            used,
        })),
    ))
}

/// `set.__init__(self, iterable=())`: empty the set, then fill it.
fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let so = self_table(vm, &args)?;
    let r = pos(vm, "set", &args, 0, 1)?;
    let old = so.get_mut().clear();
    drop(old);
    if let Some(v) = r.first() {
        update_internal(vm, this(&args), v)?;
    }
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    if args.has_kwargs() {
        return Err(vm.type_error("set.update() takes no keyword arguments"));
    }
    for o in &args.pos()[1..] {
        update_internal(vm, this(&args), o)?;
    }
    Ok(Value::None)
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    let s = this(&args);
    let result = new_like(vm, s);
    update_internal(vm, &result, s)?;
    for o in &args.pos()[1..] {
        if !o.is(s) {
            update_internal(vm, &result, o)?;
        }
    }
    Ok(result)
}

/// `set_intersection`: iterate the smaller set (or the other iterable).
pub fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    if so.is(other) {
        return copy_value(vm, so);
    }
    let result = new_like(vm, so);
    let rt = table(&result).ok_or_else(|| vm.system_error("set"))?;
    if let Some(ot) = table(other) {
        let st = table(so).ok_or_else(|| vm.system_error("set"))?;
        let (big, small) = if ot.get().len() > st.get().len() {
            (ot, st)
        } else {
            (st, ot)
        };
        for (k, h) in small.get().entries() {
            if contains_entry(vm, big, &k, h)? {
                add_entry(vm, rt, k, h)?;
            }
        }
        return Ok(result);
    }
    let st = table(so).ok_or_else(|| vm.system_error("set"))?;
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if contains_entry(vm, st, &k, h)? {
            add_entry(vm, rt, k, h)?;
            if rt.get().len() >= st.get().len() {
                break;
            }
        }
    }
    Ok(result)
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    let others = &args.pos()[1..];
    if others.is_empty() {
        return copy_value(vm, this(&args));
    }
    let mut result = this(&args).clone();
    for o in others {
        result = intersection(vm, &result, o)?;
    }
    Ok(result)
}

fn swap_into(vm: &Vm, target: &Value, tmp: &Value) -> PyResult<()> {
    let (Some(a), Some(b)) = (table(target), table(tmp)) else {
        return Err(vm.system_error("set"));
    };
    a.get_mut().swap_bodies(b.get_mut());
    Ok(())
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = set_intersection(vm, args)?;
    swap_into(vm, this(&args), &r)?;
    Ok(Value::None)
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let st = self_table(vm, &args)?;
    let r = pos(vm, "set.isdisjoint", &args, 1, 1)?;
    let other = &r[0];
    if this(&args).is(other) {
        return Ok(Value::Bool(st.get().is_empty()));
    }
    if let Some(ot) = table(other) {
        let (big, small) = if ot.get().len() > st.get().len() {
            (ot, st)
        } else {
            (st, ot)
        };
        for (k, h) in small.get().entries() {
            if contains_entry(vm, big, &k, h)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if contains_key(vm, st, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `set_difference_update_internal`.
fn difference_update_internal(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let st = table(so).ok_or_else(|| vm.system_error("set"))?;
    if so.is(other) {
        let old = st.get_mut().clear();
        drop(old);
        return Ok(());
    }
    if let Some(ot) = table(other) {
        let other = if (ot.get().len() >> 3) > st.get().len() {
            intersection(vm, so, other)?
        } else {
            other.clone()
        };
        let entries = table(&other).map(|t| t.get().entries()).unwrap_or_default();
        for (k, h) in entries {
            discard_entry(vm, st, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            discard_key(vm, st, &k)?;
        }
    }
    let (fill, used, mask) = (st.get().fill, st.get().used, st.get().mask());
    if fill - used > mask / 4 {
        st.get_mut()
            .resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// `set_difference`.
pub fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let st = table(so).ok_or_else(|| vm.system_error("set"))?;
    let other_dict = other
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)) && !o.class().payload_type().heap_type)
        .cloned();
    let other_size = match (table(other), &other_dict) {
        (Some(t), _) => t.get().len(),
        (None, Some(d)) => Vm::dict_len(d),
        _ => {
            let r = copy_value_mutable(vm, so)?;
            difference_update_internal(vm, &r, other)?;
            return Ok(r);
        }
    };
    if (st.get().len() >> 2) > other_size {
        let r = copy_value_mutable(vm, so)?;
        difference_update_internal(vm, &r, other)?;
        return Ok(r);
    }
    let result = new_like(vm, so);
    let rt = table(&result).ok_or_else(|| vm.system_error("set"))?;
    for (k, h) in st.get().entries() {
        let present = match (table(other), &other_dict) {
            (Some(ot), _) => contains_entry(vm, ot, &k, h)?,
            (None, Some(d)) => vm.dict_get(d, &k)?.is_some(),
            _ => false,
        };
        if !present {
            add_entry(vm, rt, k, h)?;
        }
    }
    Ok(result)
}

/// A copy that is a fresh object even for a frozenset (for in-place work).
fn copy_value_mutable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = new_like(vm, v);
    update_internal(vm, &s, v)?;
    Ok(s)
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    let others = &args.pos()[1..];
    let Some(first) = others.first() else {
        return copy_value(vm, this(&args));
    };
    let result = difference(vm, this(&args), first)?;
    for o in &others[1..] {
        difference_update_internal(vm, &result, o)?;
    }
    Ok(result)
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    for o in &args.pos()[1..] {
        difference_update_internal(vm, this(&args), o)?;
    }
    Ok(Value::None)
}

/// `set_symmetric_difference_update`.
fn symmetric_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let st = table(so).ok_or_else(|| vm.system_error("set"))?;
    if so.is(other) {
        let old = st.get_mut().clear();
        drop(old);
        return Ok(());
    }
    let entries: Vec<(Value, i64)> = if let Some(d) = other
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)) && !o.class().payload_type().heap_type)
    {
        crate::protocol::dict::table(d)
            .get()
            .iter()
            .map(|e| (e.key.clone(), e.hash))
            .collect()
    } else if let Some(ot) = table(other) {
        ot.get().entries()
    } else {
        let tmp = new_like(vm, so);
        update_internal(vm, &tmp, other)?;
        table(&tmp).map(|t| t.get().entries()).unwrap_or_default()
    };
    for (k, h) in entries {
        if !discard_entry(vm, st, &k, h)? {
            add_entry(vm, st, k, h)?;
        }
    }
    Ok(())
}

fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let result = new_like(vm, so);
    update_internal(vm, &result, other)?;
    symmetric_update(vm, &result, so)?;
    Ok(result)
}

fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    let r = pos(vm, "set.symmetric_difference", &args, 1, 1)?;
    symmetric_difference(vm, this(&args), &r[0])
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    let r = pos(vm, "set.symmetric_difference_update", &args, 1, 1)?;
    symmetric_update(vm, this(&args), &r[0])?;
    Ok(Value::None)
}

/// `set_issubset` of two sets.
fn subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(at), Some(bt)) = (table(a), table(b)) else {
        return Ok(false);
    };
    if at.get().len() > bt.get().len() {
        return Ok(false);
    }
    for (k, h) in at.get().entries() {
        if !contains_entry(vm, bt, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_table(vm, &args)?;
    let r = pos(vm, "set.issubset", &args, 1, 1)?;
    let other = if is_anyset(&r[0]) {
        r[0].clone()
    } else {
        set_from_iterable(vm, &r[0])?
    };
    subset(vm, this(&args), &other).map(Value::Bool)
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let st = self_table(vm, &args)?;
    let r = pos(vm, "set.issuperset", &args, 1, 1)?;
    if is_anyset(&r[0]) {
        return subset(vm, &r[0], this(&args)).map(Value::Bool);
    }
    let it = vm.iter(&r[0])?;
    while let Some(k) = vm.next(&it)? {
        if !contains_key(vm, st, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ----- protocol hooks -----

/// `repr(set)`: `{1, 2}`, `set()`, `frozenset({1})`, `S({1})` for subclasses.
pub fn repr(vm: &mut Vm, o: &ObjRef) -> PyResult<String> {
    let v = Value::Obj(o.clone());
    let name = vm.type_name(&v);
    if vm.repr_stack.contains(&o.addr()) {
        return Ok(format!("{name}(...)"));
    }
    let keys: Vec<Value> = table(&v)
        .map(|t| t.get().entries().into_iter().map(|(k, _)| k).collect())
        .unwrap_or_default();
    if keys.is_empty() {
        return Ok(format!("{name}()"));
    }
    vm.enter_recursive_call(" while getting the repr of an object")?;
    vm.repr_stack.push(o.addr());
    let parts: PyResult<Vec<String>> = keys.iter().map(|k| vm.repr_string(k)).collect();
    vm.repr_stack.pop();
    vm.leave_native_recursion();
    let body = parts?.join(", ");
    Ok(if o.class().is(&vm.types().set) {
        format!("{{{body}}}")
    } else {
        format!("{name}({{{body}}})")
    })
}

/// Rich comparison of two sets: subset/superset order, equality by content.
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(at), Some(bt)) = (table(a), table(b)) else {
        return Ok(None);
    };
    let (la, lb) = (at.get().len(), bt.get().len());
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && subset(vm, a, b)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => subset(vm, a, b)?,
        CompareOp::Ge => subset(vm, b, a)?,
        CompareOp::Lt => la < lb && subset(vm, a, b)?,
        CompareOp::Gt => la > lb && subset(vm, b, a)?,
    };
    Ok(Some(Value::Bool(r)))
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on two sets; None when not both sets.
pub fn binary(vm: &mut Vm, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(None);
    }
    Ok(Some(match base {
        nb::OR => {
            let r = copy_value_mutable(vm, a)?;
            if !a.is(b) {
                update_internal(vm, &r, b)?;
            }
            r
        }
        nb::AND => intersection(vm, a, b)?,
        nb::SUBTRACT => difference(vm, a, b)?,
        nb::XOR => symmetric_difference(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// `a |= b` and friends on a (mutable) set: in place, returning `a`.
pub fn inplace(vm: &mut Vm, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
    if !is_anyset(a) || is_frozen(vm, a) || !is_anyset(b) {
        return Ok(None);
    }
    match base {
        nb::OR => update_internal(vm, a, b)?,
        nb::AND => {
            let r = intersection(vm, a, b)?;
            swap_into(vm, a, &r)?;
        }
        nb::SUBTRACT => difference_update_internal(vm, a, b)?,
        nb::XOR => symmetric_update(vm, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

/// `hash(frozenset)`; sets are unhashable.
pub fn hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    if !is_frozen(vm, v) {
        return Err(vm.type_error(format!("unhashable type: '{}'", vm.type_name(v))));
    }
    Ok(table(v).map_or(0, |t| t.get().frozenset_hash()))
}

/// The next item of a set iterator, with CPython's size-change check.
pub fn iter_next(
    vm: &Vm,
    set: &Value,
    pos: &mut usize,
    used: &mut usize,
) -> PyResult<Option<Value>> {
    let Some(t) = table(set) else { return Ok(None) };
    let t = t.get();
    if *used != t.used {
        *used = usize::MAX;
        return Err(vm.runtime_error("Set changed size during iteration"));
    }
    let slots = t.slots();
    while *pos < slots.len() && !slots[*pos].is_active() {
        *pos += 1;
    }
    match slots.get(*pos) {
        Some(e) => {
            *pos += 1;
            Ok(Some(e.key.clone()))
        }
        None => Ok(None),
    }
}
