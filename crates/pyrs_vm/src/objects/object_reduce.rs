//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`: the
//! default answers `copy` and `pickle` get from every object (protocol 2+:
//! `copyreg.__newobj__`, the instance state, list and dict items).
//! Reference: Objects/typeobject.c `reduce_newobj`, `object_getstate_default`.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("__reduce_ex__", object_reduce_ex),
    MethodDef::method("__reduce__", object_reduce),
    MethodDef::method("__getstate__", object_getstate),
];

fn self_and_rest<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(Value, &'a [Value])> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("object.{name}() takes no keyword arguments")));
    }
    match args.pos().split_first() {
        Some((s, rest)) => Ok((s.clone(), rest)),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' of 'object' object needs an argument"
        ))),
    }
}

/// `__reduce_ex__(protocol)`: a class's own `__reduce__` wins over the
/// default (copyreg relies on it).
fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, rest) = self_and_rest(vm, &args, "__reduce_ex__")?;
    let [proto] = rest else {
        return Err(vm.type_error(format!(
            "object.__reduce_ex__() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let proto = match proto {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if !is_object_default(vm, &obj, "__reduce__") {
        let m = vm.getattr_str(&obj, "__reduce__")?;
        return vm.call(&m, &[]);
    }
    reduce_common(vm, &obj, proto)
}

fn object_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, _) = self_and_rest(vm, &args, "__reduce__")?;
    reduce_common(vm, &obj, 0)
}

fn reduce_common(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    let copyreg = vm.import_absolute("copyreg")?;
    if proto >= 2 {
        return reduce_newobj(vm, obj, &copyreg);
    }
    let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
    vm.call(&f, &[obj.clone(), Value::Int(proto)])
}

/// Protocol 2+: `(copyreg.__newobj__, (cls, *args), state, listitems,
/// dictitems)`, or `__newobj_ex__` when `__getnewargs_ex__` gives keywords.
fn reduce_newobj(vm: &mut Vm, obj: &Value, copyreg: &Value) -> PyResult<Value> {
    let cls = Value::Obj(vm.type_of(obj).clone());
    let (args, kwargs) = getnewargs(vm, obj)?;
    let has_args = args.is_some();
    let args = args.unwrap_or_default();
    let has_kwargs = match &kwargs {
        Some(Value::Obj(k)) => Vm::dict_len(k) > 0,
        Some(_) => false,
        None => false,
    };
    let (func, newargs) = if has_kwargs {
        let f = vm.getattr_str(copyreg, "__newobj_ex__")?;
        let a = vm.new_tuple(args);
        (f, vec![cls, a, kwargs.unwrap_or(Value::None)])
    } else {
        let f = vm.getattr_str(copyreg, "__newobj__")?;
        let mut a = vec![cls];
        a.extend(args);
        (f, a)
    };
    let is_list = matches!(obj.payload(), Some(Payload::List(_)));
    let is_dict = matches!(obj.payload(), Some(Payload::Dict(_)));
    let required = !(has_args || is_list || is_dict);
    let state = getstate(vm, obj, required)?;
    let listitems = if is_list { vm.iter(obj)? } else { Value::None };
    let dictitems = if is_dict {
        let items = vm.getattr_str(obj, "items")?;
        let items = vm.call(&items, &[])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    let newargs = vm.new_tuple(newargs);
    Ok(vm.new_tuple(vec![func, newargs, state, listitems, dictitems]))
}

/// `__getnewargs_ex__()` or `__getnewargs__()`: positional arguments (None
/// when the class defines neither) and keyword arguments.
fn getnewargs(vm: &mut Vm, obj: &Value) -> PyResult<(Option<Vec<Value>>, Option<Value>)> {
    if let Some(f) = vm.try_getattr(obj, "__getnewargs_ex__")? {
        let r = vm.call(&f, &[])?;
        let pair = r.as_tuple().map(|t| t.to_vec());
        let Some([a, k]) = pair.as_deref() else {
            return Err(vm.type_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not '{}'",
                vm.type_name(&r)
            )));
        };
        let Some(a) = a.as_tuple().map(|t| t.to_vec()) else {
            return Err(vm.type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(a)
            )));
        };
        if !matches!(k.payload(), Some(Payload::Dict(_))) {
            return Err(vm.type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(k)
            )));
        }
        return Ok((Some(a), Some(k.clone())));
    }
    if let Some(f) = vm.try_getattr(obj, "__getnewargs__")? {
        let r = vm.call(&f, &[])?;
        let Some(a) = r.as_tuple().map(|t| t.to_vec()) else {
            return Err(vm.type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        };
        return Ok((Some(a), None));
    }
    Ok((None, None))
}

/// The state through `__getstate__` (a class may override it).
fn getstate(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    if is_object_default(vm, obj, "__getstate__") {
        return getstate_default(vm, obj, required);
    }
    let f = vm.getattr_str(obj, "__getstate__")?;
    vm.call(&f, &[])
}

/// Whether `obj`'s class gets `name` from `object` itself.
fn is_object_default(vm: &Vm, obj: &Value, name: &str) -> bool {
    let ty = vm.type_of(obj).clone();
    let default = crate::protocol::dict::dict_get_str(&vm.types().object.payload_type().dict, name);
    match (vm.lookup_type(&ty, name), default) {
        (Some(found), Some(default)) => found.is(&default),
        _ => false,
    }
}

fn object_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, _) = self_and_rest(vm, &args, "__getstate__")?;
    getstate_default(vm, &obj, false)
}

/// The instance dict (None when empty or absent), paired with a dict of the
/// set `__slots__` values when there are any. `required`: an object whose
/// builtin layout holds data the state cannot carry is refused.
fn getstate_default(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    if required {
        let opaque = match obj.payload() {
            Some(Payload::Instance | Payload::Slots(_) | Payload::Exception(_)) | None => false,
            Some(Payload::Type(_) | Payload::Function(_) | Payload::Module(_)) => false,
            Some(_) => true,
        };
        if opaque {
            return Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(obj))));
        }
    }
    let dict = obj.as_obj().and_then(|o| o.dict.get().clone());
    let mut state = match dict {
        Some(d) if Vm::dict_len(&d) > 0 => Value::Obj(d),
        _ => Value::None,
    };
    if matches!(obj.payload(), Some(Payload::Slots(_))) {
        let copyreg = vm.import_absolute("copyreg")?;
        let slotnames = vm.getattr_str(&copyreg, "_slotnames")?;
        let cls = Value::Obj(vm.type_of(obj).clone());
        let names = vm.call(&slotnames, &[cls])?;
        let names = vm.iterate(&names)?;
        let slots = Value::Obj(vm.new_dict());
        let mut any = false;
        for n in names {
            let Some(name) = n.as_str().map(str::to_string) else {
                continue;
            };
            if let Some(v) = vm.try_getattr(obj, &name)? {
                vm.setitem(&slots, &n, v)?;
                any = true;
            }
        }
        if any {
            state = vm.new_tuple(vec![state, slots]);
        }
    }
    Ok(state)
}
