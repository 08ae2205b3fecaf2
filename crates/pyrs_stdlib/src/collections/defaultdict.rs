//! `collections.defaultdict`: a dict subclass whose `__missing__` calls
//! `default_factory`. Instances are dicts (the dict payload); the factory is
//! kept in the instance's attribute dict under `default_factory`, the name
//! CPython's member descriptor has, so reading and assigning it work alike.
//! (Unlike CPython, a defaultdict therefore has a `__dict__`.)

use crate::native::{class, rest, this};
use pyrs_vm::modules::set_attr;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const METHODS: &[MethodDef] = &[
    MethodDef::method("__init__", dd_init),
    MethodDef::method("__missing__", dd_missing),
    MethodDef::method("__repr__", dd_repr),
    MethodDef::method("copy", dd_copy),
    MethodDef::method("__copy__", dd_copy),
    MethodDef::method("__reduce__", dd_reduce),
    MethodDef::method("__or__", dd_or),
    MethodDef::method("__ror__", dd_ror),
];

pub fn init(vm: &mut Vm, module: &ObjRef) {
    let dict = vm.types().dict.clone();
    let c = class(
        vm,
        "collections",
        "defaultdict",
        Some(&dict),
        BaseKind::Dict,
        METHODS,
    );
    set_attr(vm, module, "defaultdict", Value::Obj(c));
}

fn factory(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(vm
        .try_getattr(me, "default_factory")?
        .unwrap_or(Value::None))
}

/// `defaultdict(default_factory=None, /, [...])`: the rest goes to dict.
fn dd_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let a = rest(&args);
    let pos = a.pos();
    let (f, dict_pos) = match pos.split_first() {
        Some((f, r)) => (f.clone(), r),
        None => (Value::None, &[][..]),
    };
    if !matches!(f, Value::None) {
        let callable = vm.getattr_builtin("callable")?;
        let ok = vm.call(&callable, std::slice::from_ref(&f))?;
        if !vm.is_true(&ok)? {
            return Err(vm.type_error("first argument must be callable or None"));
        }
    }
    vm.setattr(&me, "default_factory", f)?;
    let dict_type = vm.types().dict.clone();
    let Some(init) = vm.lookup_type(&dict_type, "__init__") else {
        return Ok(Value::None);
    };
    let mut all = Vec::with_capacity(a.args.len());
    all.push(me);
    all.extend_from_slice(dict_pos);
    let nkw = a.kwnames.len();
    all.extend_from_slice(&a.args[a.args.len() - nkw..]);
    vm.call_args(
        &init,
        Args {
            args: &all,
            kwnames: a.kwnames,
        },
    )?;
    Ok(Value::None)
}

/// `__missing__(key)`: KeyError without a factory, else store and return
/// `default_factory()`.
fn dd_missing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let a = rest(&args);
    let [key] = a.pos() else {
        return Err(vm.type_error("__missing__() takes exactly one argument"));
    };
    let f = factory(vm, &me)?;
    if matches!(f, Value::None) {
        return Err(vm.key_error(key.clone()));
    }
    let value = vm.call(&f, &[])?;
    vm.setitem(&me, key, value.clone())?;
    Ok(value)
}

/// The plain dict repr of `me`'s items.
fn dict_repr(vm: &mut Vm, me: &Value) -> PyResult<String> {
    let dict_type = vm.types().dict.clone();
    let Some(r) = vm.lookup_type(&dict_type, "__repr__") else {
        return Err(vm.system_error("dict has no __repr__"));
    };
    let s = vm.call(&r, std::slice::from_ref(me))?;
    Ok(s.as_str().unwrap_or_default().to_string())
}

fn dd_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let f = factory(vm, &me)?;
    let fr = if matches!(f, Value::None) {
        "None".to_string()
    } else {
        // A factory that holds the dict itself shows as `...`.
        let Some(o) = me.as_obj() else {
            return Err(vm.type_error("defaultdict"));
        };
        match vm.repr_items(o, std::slice::from_ref(&f))? {
            Some(mut p) => p.pop().unwrap_or_default(),
            None => "...".to_string(),
        }
    };
    let d = dict_repr(vm, &me)?;
    let name = vm.type_of(&me).payload_type().name.get().clone();
    Ok(vm.new_str(format!("{name}({fr}, {d})")))
}

fn dd_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let f = factory(vm, &me)?;
    let cls = Value::Obj(vm.type_of(&me).clone());
    vm.call(&cls, &[f, me])
}

fn dd_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let f = factory(vm, &me)?;
    let cls = Value::Obj(vm.type_of(&me).clone());
    let cargs = if matches!(f, Value::None) {
        vm.new_tuple(Vec::new())
    } else {
        vm.new_tuple(vec![f])
    };
    let items = vm.getattr_str(&me, "items")?;
    let items = vm.call(&items, &[])?;
    let it = vm.iter(&items)?;
    Ok(vm.new_tuple(vec![cls, cargs, Value::None, Value::None, it]))
}

fn is_dict(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Dict(_)))
}

/// `dd | other`: a copy of the defaultdict updated from `other`.
fn dd_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let Some(other) = rest(&args).pos().first().cloned() else {
        return Err(vm.type_error("__or__ expected 1 argument"));
    };
    if !is_dict(&other) {
        return Ok(vm.not_implemented());
    }
    let new = dd_copy(vm, Args::positional(std::slice::from_ref(&me)))?;
    let update = vm.getattr_str(&new, "update")?;
    vm.call(&update, &[other])?;
    Ok(new)
}

/// `other | dd`: a defaultdict with dd's factory, other's items, then dd's.
fn dd_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let Some(other) = rest(&args).pos().first().cloned() else {
        return Err(vm.type_error("__ror__ expected 1 argument"));
    };
    if !is_dict(&other) {
        return Ok(vm.not_implemented());
    }
    let f = factory(vm, &me)?;
    let cls = Value::Obj(vm.type_of(&me).clone());
    let new = vm.call(&cls, &[f, other])?;
    let update = vm.getattr_str(&new, "update")?;
    vm.call(&update, &[me])?;
    Ok(new)
}
