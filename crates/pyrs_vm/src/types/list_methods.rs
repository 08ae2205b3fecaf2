//! The methods of `list` and `tuple` (Objects/listobject.c, Objects/tupleobject.c).
//! Sorting is in `sort.rs`.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::opcode::nb;

pub const LIST_METHODS: &[MethodDef] = &[
    MethodDef::method("append", list_append),
    MethodDef::method("clear", list_clear),
    MethodDef::method("copy", list_copy),
    MethodDef::method("count", seq_count),
    MethodDef::method("extend", list_extend),
    MethodDef::method("index", seq_index),
    MethodDef::method("insert", list_insert),
    MethodDef::method("pop", list_pop),
    MethodDef::method("remove", list_remove),
    MethodDef::method("reverse", list_reverse),
    MethodDef::method("sort", super::sort::list_sort),
    MethodDef::method("__init__", list_init),
    MethodDef::method("__len__", seq_len),
    MethodDef::method("__getitem__", seq_getitem),
    MethodDef::method("__setitem__", list_setitem),
    MethodDef::method("__delitem__", list_delitem),
    MethodDef::method("__contains__", seq_contains),
    MethodDef::method("__iter__", seq_iter),
    MethodDef::method("__reversed__", seq_reversed),
    MethodDef::method("__add__", seq_add),
    MethodDef::method("__iadd__", list_iadd),
    MethodDef::method("__mul__", seq_mul),
    MethodDef::method("__rmul__", seq_mul),
];

pub const TUPLE_METHODS: &[MethodDef] = &[
    MethodDef::method("count", seq_count),
    MethodDef::method("index", seq_index),
    MethodDef::method("__len__", seq_len),
    MethodDef::method("__getitem__", seq_getitem),
    MethodDef::method("__contains__", seq_contains),
    MethodDef::method("__iter__", seq_iter),
    MethodDef::method("__add__", seq_add),
    MethodDef::method("__mul__", seq_mul),
    MethodDef::method("__rmul__", seq_mul),
    MethodDef::method("__getnewargs__", tuple_getnewargs),
];

fn self_list<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a GilCell<Vec<Value>>> {
    match this(args).payload() {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            vm.type_name(this(args))
        ))),
    }
}

/// The items of a list or tuple `self`, copied (so Python code may run after).
fn seq_items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::List(l)) => Ok(l.get().clone()),
        Some(Payload::Tuple(t)) => Ok(t.to_vec()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'list' or 'tuple' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The same object viewed as its builtin base (a subclass instance's list
/// or tuple payload as a plain list or tuple), for operators on it.
fn as_base(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::List(l)) => Ok(vm.new_list(l.get().clone())),
        Some(Payload::Tuple(t)) => Ok(vm.new_tuple(t.to_vec())),
        _ => Err(vm.type_error("descriptor requires a sequence")),
    }
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = pos(vm, "list.append", &args, 1, 1)?;
    l.get_mut().push(r[0].clone());
    Ok(Value::None)
}

/// `list.__init__(self, iterable=())`: replace the contents.
fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let [iterable] = super::args::kw(vm, "list", &args, ["iterable"], 0, 1)?;
    let items = match &iterable {
        Some(v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    let old = l.replace(items);
    drop(old);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = pos(vm, "list.pop", &args, 0, 1)?;
    let i = match r.first() {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let n = l.get().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = if i < 0 { i + n as i64 } else { i };
    if i < 0 || i as usize >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.get_mut().remove(i as usize))
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = pos(vm, "list.insert", &args, 2, 2)?;
    let i = vm.index_i64(&r[0])?;
    let n = l.get().len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.get_mut().insert(i as usize, r[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = pos(vm, "list.extend", &args, 1, 1)?;
    let items = vm.iterate(&r[0])?;
    l.get_mut().extend(items);
    Ok(Value::None)
}

fn list_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    list_extend(vm, args)?;
    Ok(this(&args).clone())
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    pos(vm, "list.reverse", &args, 0, 0)?;
    l.get_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    pos(vm, "list.copy", &args, 0, 0)?;
    let items = l.get().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    pos(vm, "list.clear", &args, 0, 0)?;
    let old = l.replace(Vec::new());
    drop(old);
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = pos(vm, "list.remove", &args, 1, 1)?;
    let mut i = 0;
    while let Some(x) = l.get().get(i).cloned() {
        if vm.eq(&x, &r[0])? {
            if i < l.get().len() {
                let old = l.get_mut().remove(i);
                drop(old);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_list(vm, &args)?;
    let r = pos(vm, "list.__setitem__", &args, 2, 2)?;
    let plain = this(&args).clone();
    set_item_base(vm, &plain, &r[0], r[1].clone())?;
    Ok(Value::None)
}

/// Item assignment on the list payload itself, bypassing a subclass's
/// `__setitem__` (what `list.__setitem__(self, k, v)` means).
fn set_item_base(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let Some(Payload::List(l)) = v.payload() else {
        return Ok(());
    };
    // A temporary plain list sharing nothing: apply, then copy back.
    let tmp = vm.new_list(l.get().clone());
    vm.setitem(&tmp, key, value)?;
    if let Some(Payload::List(t)) = tmp.payload() {
        let items = t.replace(Vec::new());
        let old = l.replace(items);
        drop(old);
    }
    Ok(())
}

fn list_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = pos(vm, "list.__delitem__", &args, 1, 1)?;
    let tmp = vm.new_list(l.get().clone());
    vm.delitem(&tmp, &r[0])?;
    if let Some(Payload::List(t)) = tmp.payload() {
        let items = t.replace(Vec::new());
        let old = l.replace(items);
        drop(old);
    }
    Ok(Value::None)
}

fn seq_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let is_tuple = matches!(this(&args).payload(), Some(Payload::Tuple(_)));
    let qual = if is_tuple {
        "tuple.index"
    } else {
        "list.index"
    };
    let r = pos(vm, qual, &args, 1, 3)?;
    let n = seq_items(vm, this(&args))?.len();
    let (start, stop) = super::args::start_end(vm, r.get(1), r.get(2), n)?;
    let mut i = start;
    while i < stop {
        let item = match this(&args).payload() {
            Some(Payload::List(l)) => l.get().get(i).cloned(),
            Some(Payload::Tuple(t)) => t.get(i).cloned(),
            _ => None,
        };
        let Some(x) = item else { break };
        if vm.eq(&x, &r[0])? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let msg = if is_tuple {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{} is not in list", vm.repr_string(&r[0])?)
    };
    Err(vm.value_error(msg))
}

fn seq_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = seq_items(vm, this(&args))?;
    let qual = if matches!(this(&args).payload(), Some(Payload::Tuple(_))) {
        "tuple.count"
    } else {
        "list.count"
    };
    let r = pos(vm, qual, &args, 1, 1)?;
    let mut n = 0;
    for x in &items {
        if vm.eq(x, &r[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn seq_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "__len__", &args, 0, 0)?;
    Ok(Value::Int(seq_items(vm, this(&args))?.len() as i64))
}

fn seq_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "__getitem__", &args, 1, 1)?;
    let base = as_base(vm, this(&args))?;
    vm.getitem(&base, &r[0])
}

fn seq_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "__contains__", &args, 1, 1)?;
    let base = as_base(vm, this(&args))?;
    vm.contains(&base, &r[0]).map(Value::Bool)
}

fn seq_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "__iter__", &args, 0, 0)?;
    let t = vm.types();
    let ty = match this(&args).payload() {
        Some(Payload::List(_)) => &t.list_iterator,
        Some(Payload::Tuple(_)) => &t.tuple_iterator,
        _ => return Err(vm.type_error("descriptor '__iter__' requires a sequence")),
    };
    Ok(Value::Obj(crate::object::ObjRef::new(
        ty,
        Payload::Iterator(GilCell::new(crate::objects::iter::IterState::Seq {
            seq: this(&args).clone(),
            index: 0,
        })),
    )))
}

fn seq_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "__reversed__", &args, 0, 0)?;
    super::iterators::reversed_of(vm, this(&args))
}

fn seq_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "__add__", &args, 1, 1)?;
    let same_kind = matches!(
        (this(&args).payload(), r[0].payload()),
        (Some(Payload::List(_)), Some(Payload::List(_)))
            | (Some(Payload::Tuple(_)), Some(Payload::Tuple(_)))
    );
    if !same_kind {
        return Ok(vm.not_implemented());
    }
    let a = as_base(vm, this(&args))?;
    let b = as_base(vm, &r[0])?;
    vm.binary_op(&a, &b, nb::ADD)
}

fn seq_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "__mul__", &args, 1, 1)?;
    if crate::protocol::object::as_int(&r[0]).is_none() {
        return Ok(vm.not_implemented());
    }
    let a = as_base(vm, this(&args))?;
    vm.binary_op(&a, &r[0], nb::MULTIPLY)
}

fn tuple_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "tuple.__getnewargs__", &args, 0, 0)?;
    let t = as_base(vm, this(&args))?;
    Ok(vm.new_tuple(vec![t]))
}
