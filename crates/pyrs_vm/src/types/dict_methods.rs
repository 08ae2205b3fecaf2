//! The methods of `dict` and its views `dict_keys`/`dict_values`/`dict_items`
//! (Objects/dictobject.c): views are live, keys and items views support the
//! set operators, and `|`/`|=` merge dicts.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::dict::DictData;
use crate::objects::iter::{DictIterKind, IterState};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("clear", dict_clear),
    MethodDef::method("copy", dict_copy),
    MethodDef::classmethod("fromkeys", dict_fromkeys),
    MethodDef::method("get", dict_get),
    MethodDef::method("items", dict_items),
    MethodDef::method("keys", dict_keys),
    MethodDef::method("pop", dict_pop),
    MethodDef::method("popitem", dict_popitem),
    MethodDef::method("setdefault", dict_setdefault),
    MethodDef::method("update", dict_update),
    MethodDef::method("values", dict_values),
    MethodDef::method("__init__", dict_init),
    MethodDef::method("__contains__", dict_contains),
    MethodDef::method("__getitem__", dict_getitem),
    MethodDef::method("__setitem__", dict_setitem),
    MethodDef::method("__delitem__", dict_delitem),
    MethodDef::method("__len__", dict_len),
    MethodDef::method("__iter__", dict_iter),
    MethodDef::method("__reversed__", dict_reversed),
    MethodDef::method("__or__", dict_or),
    MethodDef::method("__ror__", dict_ror),
    MethodDef::method("__ior__", dict_ior),
];

pub const VIEW_METHODS: &[MethodDef] = &[
    MethodDef::method("isdisjoint", view_isdisjoint),
    MethodDef::method("__len__", view_len),
    MethodDef::method("__iter__", view_iter),
    MethodDef::method("__reversed__", view_reversed),
    MethodDef::method("__contains__", view_contains),
];

fn self_dict(vm: &Vm, args: &Args) -> PyResult<ObjRef> {
    match this(args).as_obj() {
        Some(o) if matches!(o.payload, Payload::Dict(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            vm.type_name(this(args))
        ))),
    }
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.get", &args, 1, 2)?;
    Ok(vm
        .dict_get(&d, &r[0])?
        .unwrap_or_else(|| r.get(1).cloned().unwrap_or(Value::None)))
}

fn new_view(vm: &Vm, d: ObjRef, kind: DictIterKind) -> Value {
    let t = vm.types();
    let ty = match kind {
        DictIterKind::Keys => &t.dict_keys,
        DictIterKind::Values => &t.dict_values,
        DictIterKind::Items => &t.dict_items,
    };
    Value::Obj(ObjRef::new(ty, Payload::DictView { dict: d, kind }))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.keys", &args, 0, 0)?;
    Ok(new_view(vm, d, DictIterKind::Keys))
}

fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.values", &args, 0, 0)?;
    Ok(new_view(vm, d, DictIterKind::Values))
}

fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.items", &args, 0, 0)?;
    Ok(new_view(vm, d, DictIterKind::Items))
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.pop", &args, 1, 2)?;
    match vm.dict_del(&d, &r[0])? {
        Some(v) => Ok(v),
        None => r.get(1).cloned().ok_or_else(|| vm.key_error(r[0].clone())),
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.popitem", &args, 0, 0)?;
    let t = crate::protocol::dict::table(&d);
    let last = t.get().entries().iter().rposition(|e| !e.key.is_null());
    match last.and_then(|ix| t.get_mut().remove_entry(ix)) {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.key_error(vm.new_str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.setdefault", &args, 1, 2)?;
    if let Some(v) = vm.dict_get(&d, &r[0])? {
        return Ok(v);
    }
    let dv = r.get(1).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, r[0].clone(), dv.clone())?;
    Ok(dv)
}

/// `dict.__init__(self, [source], **kwargs)`: an update of the dict.
fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", p.len())));
    }
    dict_update(vm, args)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            p.len()
        )));
    }
    if let Some(src) = p.first() {
        fill_dict(vm, &d, src)?;
    }
    for (k, v) in args.kwargs() {
        let kv = vm.new_str(k);
        vm.dict_set(&d, kv, v.clone())?;
    }
    Ok(Value::None)
}

/// `dict.update(src)`/`dict(src)`: a mapping (anything with `keys`) or an
/// iterable of pairs, with CPython's messages for bad elements.
pub fn fill_dict(vm: &mut Vm, d: &ObjRef, src: &Value) -> PyResult<()> {
    if let Some(s) = src
        .as_obj()
        .filter(|s| matches!(s.payload, Payload::Dict(_)))
    {
        if !s.class().payload_type().heap_type {
            for (k, v) in Vm::dict_items(s) {
                vm.dict_set(d, k, v)?;
            }
            return Ok(());
        }
    }
    if let Some(keys) = vm.try_getattr(src, "keys")? {
        let ks = vm.call(&keys, &[])?;
        for k in vm.iterate(&ks)? {
            let v = vm.getitem(src, &k)?;
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(src)?;
    let mut i = 0;
    while let Some(item) = vm.next(&it)? {
        let kv = match vm.iterate(&item) {
            Ok(kv) => kv,
            Err(e) if vm.err_matches(&e, &vm.types().exc.type_error) => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
            Err(e) => return Err(e),
        };
        if kv.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut kv = kv.into_iter();
        if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
            vm.dict_set(d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn copy_of(vm: &mut Vm, d: &ObjRef) -> PyResult<ObjRef> {
    let n = vm.new_dict();
    for (k, v) in Vm::dict_items(d) {
        vm.dict_set(&n, k, v)?;
    }
    Ok(n)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.copy", &args, 0, 0)?;
    Ok(Value::Obj(copy_of(vm, &d)?))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.clear", &args, 0, 0)?;
    let old = crate::protocol::dict::table(&d).get_mut().clear();
    drop(old);
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "dict.fromkeys", &args, 1, 2)?;
    let cls = this(&args).clone();
    let value = r.get(1).cloned().unwrap_or(Value::None);
    let d = vm.call(&cls, &[])?;
    let plain = d
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)) && !o.class().payload_type().heap_type)
        .cloned();
    for k in vm.iterate(&r[0])? {
        match &plain {
            Some(o) => vm.dict_set(o, k, value.clone())?,
            None => vm.setitem(&d, &k, value.clone())?,
        }
    }
    Ok(d)
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.__contains__", &args, 1, 1)?;
    Ok(Value::Bool(vm.dict_get(&d, &r[0])?.is_some()))
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.__getitem__", &args, 1, 1)?;
    match vm.dict_get(&d, &r[0])? {
        Some(v) => Ok(v),
        None => {
            let this_v = this(&args).clone();
            let ty = vm.type_of(&this_v).clone();
            if ty.payload_type().heap_type {
                if let Some(m) = vm.lookup_type(&ty, "__missing__") {
                    return vm.call_method_value(&m, &this_v, &[r[0].clone()]);
                }
            }
            Err(vm.key_error(r[0].clone()))
        }
    }
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.__setitem__", &args, 2, 2)?;
    vm.dict_set(&d, r[0].clone(), r[1].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.__delitem__", &args, 1, 1)?;
    match vm.dict_del(&d, &r[0])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(r[0].clone())),
    }
}

fn dict_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.__len__", &args, 0, 0)?;
    Ok(Value::Int(Vm::dict_len(&d) as i64))
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.__iter__", &args, 0, 0)?;
    Ok(view_iterator(vm, &d, DictIterKind::Keys))
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    pos(vm, "dict.__reversed__", &args, 0, 0)?;
    let keys: Vec<Value> = Vm::dict_items(&d).into_iter().map(|(k, _)| k).collect();
    let l = vm.new_list(keys);
    super::iterators::reversed_of(vm, &l)
}

/// `d | other`: a copy of `d` updated with `other` (dicts only).
pub fn dict_or_values(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(Payload::Dict(_))) = (a.as_obj(), b.payload()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(x.payload, Payload::Dict(_)) {
        return Ok(vm.not_implemented());
    }
    let n = copy_of(vm, x)?;
    fill_dict(vm, &n, b)?;
    Ok(Value::Obj(n))
}

fn dict_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "dict.__or__", &args, 1, 1)?;
    dict_or_values(vm, this(&args), &r[0])
}

fn dict_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "dict.__ror__", &args, 1, 1)?;
    dict_or_values(vm, &r[0], this(&args))
}

fn dict_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = pos(vm, "dict.__ior__", &args, 1, 1)?;
    fill_dict(vm, &d, &r[0])?;
    Ok(this(&args).clone())
}

// ----- views -----

fn view_parts(vm: &Vm, v: &Value) -> PyResult<(ObjRef, DictIterKind)> {
    match v.payload() {
        Some(Payload::DictView { dict, kind }) => Ok((dict.clone(), *kind)),
        _ => Err(vm.type_error("descriptor requires a dict view")),
    }
}

pub fn view_iterator(vm: &Vm, d: &ObjRef, kind: DictIterKind) -> Value {
    let t = vm.types();
    let ty = match kind {
        DictIterKind::Keys => &t.dict_keyiterator,
        DictIterKind::Values => &t.dict_valueiterator,
        DictIterKind::Items => &t.dict_itemiterator,
    };
    let len = Vm::dict_len(d);
    Value::Obj(ObjRef::new(
        ty,
        Payload::Iterator(GilCell::new(IterState::Dict {
            dict: Value::Obj(d.clone()),
            index: 0,
            kind,
            len,
        })),
    ))
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = view_parts(vm, this(&args))?;
    Ok(Value::Int(Vm::dict_len(&d) as i64))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, kind) = view_parts(vm, this(&args))?;
    Ok(view_iterator(vm, &d, kind))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = view_items(vm, this(&args))?;
    let l = vm.new_list(items);
    super::iterators::reversed_of(vm, &l)
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "__contains__", &args, 1, 1)?;
    view_has(vm, this(&args), &r[0]).map(Value::Bool)
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "isdisjoint", &args, 1, 1)?;
    for x in vm.iterate(&r[0])? {
        if view_has(vm, this(&args), &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The current items of a view, copied.
pub fn view_items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    let (d, kind) = view_parts(vm, v)?;
    Ok(Vm::dict_items(&d)
        .into_iter()
        .map(|(k, val)| match kind {
            DictIterKind::Keys => k,
            DictIterKind::Values => val,
            DictIterKind::Items => vm.new_tuple(vec![k, val]),
        })
        .collect())
}

/// `x in view`.
pub fn view_has(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let (d, kind) = view_parts(vm, v)?;
    match kind {
        DictIterKind::Keys => Ok(vm.dict_get(&d, x)?.is_some()),
        DictIterKind::Items => {
            let Some([k, val]) = x.as_tuple().and_then(|t| <&[Value; 2]>::try_from(t).ok()) else {
                return Ok(false);
            };
            let (k, val) = (k.clone(), val.clone());
            match vm.dict_get(&d, &k)? {
                Some(found) => vm.eq(&found, &val),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            for (_, val) in Vm::dict_items(&d) {
                if vm.eq(&val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `repr(view)`: `dict_keys(['a', 'b'])`.
pub fn view_repr(vm: &mut Vm, o: &ObjRef) -> PyResult<String> {
    let v = Value::Obj(o.clone());
    if vm.repr_stack.contains(&o.addr()) {
        return Ok("...".into());
    }
    let items = view_items(vm, &v)?;
    let l = vm.new_list(items);
    vm.repr_stack.push(o.addr());
    let r = vm.repr_string(&l);
    vm.repr_stack.pop();
    Ok(format!("{}({})", vm.type_name(&v), r?))
}

/// Comparisons of keys and items views: as sets (and values views only by identity).
pub fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let setlike = |v: &Value| {
        matches!(
            v.payload(),
            Some(Payload::DictView {
                kind: DictIterKind::Keys | DictIterKind::Items,
                ..
            }) | Some(Payload::Set(_))
        )
    };
    if !setlike(a) || !setlike(b) {
        return Ok(None);
    }
    let sa = super::set::set_from_iterable(vm, a)?;
    let sb = super::set::set_from_iterable(vm, b)?;
    vm.rich_compare(&sa, &sb, op).map(Some)
}

/// `view OP other` for the set operators on keys and items views: the
/// result is a set built from the view, as CPython's `dictviews_*` do.
pub fn view_binary(vm: &mut Vm, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
    use pyrs_bytecode::opcode::nb;
    let is_view = |v: &Value| {
        matches!(
            v.payload(),
            Some(Payload::DictView {
                kind: DictIterKind::Keys | DictIterKind::Items,
                ..
            })
        )
    };
    if !matches!(base, nb::AND | nb::OR | nb::SUBTRACT | nb::XOR) || !(is_view(a) || is_view(b)) {
        return Ok(None);
    }
    // The left operand becomes a set; the right one is any iterable.
    let left = super::set::set_from_iterable(vm, a)?;
    let right = if matches!(b.payload(), Some(Payload::Set(_))) {
        b.clone()
    } else {
        match super::set::set_from_iterable(vm, b) {
            Ok(s) => s,
            Err(e) if vm.err_matches(&e, &vm.types().exc.type_error) => return Ok(None),
            Err(e) => return Err(e),
        }
    };
    vm.binary_op(&left, &right, base).map(Some)
}

/// A new empty dict table, for constructors.
pub fn new_dict_object(cls: &ObjRef) -> ObjRef {
    ObjRef::new(cls, Payload::Dict(GilCell::new(DictData::new())))
}
