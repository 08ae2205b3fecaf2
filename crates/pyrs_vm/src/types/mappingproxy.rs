//! `types.MappingProxyType` (Objects/descrobject.c `mappingproxy`): a
//! read-only view of a mapping; `type.__dict__` returns one over the class's
//! dict, so a class's namespace cannot be changed behind `setattr`'s back.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", mp_new),
    MethodDef::method("__getitem__", mp_getitem),
    MethodDef::method("__contains__", mp_contains),
    MethodDef::method("__iter__", mp_iter),
    MethodDef::method("__len__", mp_len),
    MethodDef::method("__repr__", mp_repr),
    MethodDef::method("__str__", mp_str),
    MethodDef::method("__eq__", mp_eq),
    MethodDef::method("__ne__", mp_ne),
    MethodDef::method("__or__", mp_or),
    MethodDef::method("__ror__", mp_ror),
    MethodDef::method("__reversed__", mp_reversed),
    MethodDef::method("get", mp_get),
    MethodDef::method("keys", mp_keys),
    MethodDef::method("values", mp_values),
    MethodDef::method("items", mp_items),
    MethodDef::method("copy", mp_copy),
];

impl Vm {
    /// A mappingproxy over `mapping` (no checks: for `type.__dict__`).
    pub fn new_mappingproxy(&self, mapping: Value) -> Value {
        Value::Obj(ObjRef::new(
            &self.types().mappingproxy,
            Payload::MappingProxy(mapping),
        ))
    }
}

/// The proxied mapping of `args[0]`.
fn target(vm: &Vm, args: &Args) -> PyResult<Value> {
    match args.args.first().and_then(|v| v.payload()) {
        Some(Payload::MappingProxy(m)) => Ok(m.clone()),
        _ => Err(vm.type_error("descriptor requires a 'mappingproxy' object")),
    }
}

fn arg<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    let rest = &args.pos()[1..];
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if rest.len() != n {
        return Err(vm.type_error(format!(
            "{name}() takes exactly {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    Ok(rest)
}

/// `mappingproxy(mapping)`: anything with the mapping protocol except the
/// builtin sequences.
fn mp_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(m) = pos.get(1) else {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    let is_seq = matches!(m.payload(), Some(Payload::List(_) | Payload::Tuple(_)));
    let ty = vm.type_of(m).clone();
    if is_seq || vm.lookup_type(&ty, "__getitem__").is_none() {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(m)
        )));
    }
    Ok(vm.new_mappingproxy(m.clone()))
}

fn call_method(vm: &mut Vm, m: &Value, name: &str, a: &[Value]) -> PyResult<Value> {
    let f = vm.getattr_str(m, name)?;
    vm.call(&f, a)
}

fn mp_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let k = arg(vm, &args, "__getitem__", 1)?;
    vm.getitem(&m, &k[0])
}

fn mp_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let k = arg(vm, &args, "__contains__", 1)?;
    Ok(Value::Bool(vm.contains(&m, &k[0])?))
}

fn mp_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    vm.iter(&m)
}

fn mp_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    Ok(Value::Int(vm.len(&m)? as i64))
}

fn mp_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let r = vm.repr_string(&m)?;
    Ok(vm.new_str(format!("mappingproxy({r})").as_str()))
}

fn mp_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let s = vm.str_string(&m)?;
    Ok(vm.new_str(s.as_str()))
}

fn mp_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let o = arg(vm, &args, "__eq__", 1)?;
    vm.rich_compare(&m, &o[0], CompareOp::Eq)
}

fn mp_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let o = arg(vm, &args, "__ne__", 1)?;
    vm.rich_compare(&m, &o[0], CompareOp::Ne)
}

/// `proxy | other`: the union as a new dict (the proxied mapping's `|`).
fn mp_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let o = arg(vm, &args, "__or__", 1)?;
    let other = match o[0].payload() {
        Some(Payload::MappingProxy(x)) => x.clone(),
        _ => o[0].clone(),
    };
    vm.binary_op(&m, &other, 7)
}

fn mp_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let o = arg(vm, &args, "__ror__", 1)?;
    vm.binary_op(&o[0], &m, 7)
}

fn mp_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    call_method(vm, &m, "__reversed__", &[])
}

fn mp_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    let rest = &args.pos()[1..];
    if args.has_kwargs() || rest.is_empty() || rest.len() > 2 {
        return Err(vm.type_error(format!(
            "get expected at least 1 argument, got {}",
            rest.len()
        )));
    }
    let mut a = vec![rest[0].clone()];
    a.push(rest.get(1).cloned().unwrap_or(Value::None));
    call_method(vm, &m, "get", &a)
}

fn mp_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    call_method(vm, &m, "keys", &[])
}

fn mp_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    call_method(vm, &m, "values", &[])
}

fn mp_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    call_method(vm, &m, "items", &[])
}

fn mp_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = target(vm, &args)?;
    call_method(vm, &m, "copy", &[])
}
