//! The builtins that the `types` module makes constructible:
//! `SimpleNamespace` (attribute bags, like `sys.implementation`: plain
//! instances with a `__dict__`; the repr is in protocol/object.rs),
//! `ModuleType(name, doc)` and `MethodType(func, obj)`.
//! Reference: Objects/namespaceobject.c, moduleobject.c, classobject.c.

use super::args::this;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", namespace_new),
    MethodDef::method("__init__", namespace_init),
    MethodDef::method("__eq__", namespace_eq),
    MethodDef::method("__reduce__", namespace_reduce),
];

fn namespace_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args
        .args
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error("SimpleNamespace.__new__(X): X is not a type object"));
    };
    Ok(vm.new_object_instance(&cls))
}

/// `SimpleNamespace(**kwargs)`: keyword arguments become attributes.
fn namespace_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args).clone();
    if args.pos().len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    for (k, v) in args.kwargs() {
        vm.setattr(&me, k, v.clone())?;
    }
    Ok(Value::None)
}

/// Namespaces are equal when their attribute dicts are.
fn namespace_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args).clone();
    let Some(other) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let ns = vm.types().simple_namespace.clone();
    let is_ns = |vm: &Vm, v: &Value| crate::vm::is_subtype(vm.type_of(v), &ns);
    if !is_ns(vm, &me) || !is_ns(vm, &other) {
        return Ok(vm.not_implemented());
    }
    let (a, b) = (attr_dict(vm, &me), attr_dict(vm, &other));
    Ok(Value::Bool(vm.eq(&a, &b)?))
}

fn attr_dict(vm: &Vm, v: &Value) -> Value {
    match v.as_obj().and_then(|o| o.dict.get().clone()) {
        Some(d) => Value::Obj(d),
        None => Value::Obj(vm.new_dict()),
    }
}

/// `(cls, (), __dict__)`.
fn namespace_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args).clone();
    let cls: ObjRef = vm.type_of(&me).clone();
    let empty = vm.new_tuple(Vec::new());
    let d = attr_dict(vm, &me);
    Ok(vm.new_tuple(vec![Value::Obj(cls), empty, d]))
}

/// `module.__new__` and `module.__init__`: `types.ModuleType(name, doc=None)`
/// (and its subclasses) make an empty module namespace.
pub const MODULE_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", module_new),
    MethodDef::method("__init__", module_init),
];

fn module_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args
        .args
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error("module.__new__(X): X is not a type object"));
    };
    let dict = vm.new_dict();
    Ok(Value::Obj(ObjRef::new(
        &cls,
        Payload::Module(crate::objects::module::ModuleData { dict }),
    )))
}

fn module_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args).clone();
    let [name, doc] = super::args::kw(vm, "module", &args, ["name", "doc"], 1, 0)?;
    let name = name.unwrap_or(Value::None);
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    }
    let Some(Payload::Module(m)) = me.payload() else {
        return Err(vm.type_error("module.__init__() requires a module"));
    };
    let d = m.dict.clone();
    let t = vm.types();
    crate::protocol::dict_set_str_raw(t, &d, "__name__", name);
    crate::protocol::dict_set_str_raw(t, &d, "__doc__", doc.unwrap_or(Value::None));
    for k in ["__package__", "__loader__", "__spec__"] {
        crate::protocol::dict_set_str_raw(t, &d, k, Value::None);
    }
    Ok(Value::None)
}

/// `==` between SimpleNamespace instances (the builtin has no class-level
/// fast path): equal attribute dicts.
pub fn compare(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::protocol::object::CompareOp,
) -> PyResult<Option<Value>> {
    use crate::protocol::object::CompareOp;
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let ns = vm.types().simple_namespace.clone();
    let is_ns = |vm: &Vm, v: &Value| {
        matches!(v.payload(), Some(Payload::Instance)) && crate::vm::is_subtype(vm.type_of(v), &ns)
    };
    if !is_ns(vm, a) || !is_ns(vm, b) {
        return Ok(None);
    }
    let (x, y) = (attr_dict(vm, a), attr_dict(vm, b));
    let eq = vm.eq(&x, &y)?;
    Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
}

/// `method.__new__`: `types.MethodType(func, obj)` binds `func` to `obj`.
pub const METHOD_METHODS: &[MethodDef] = &[MethodDef::staticmethod("__new__", method_new)];

fn method_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let p = args.pos();
    let [_, func, obj] = p else {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            p.len().saturating_sub(1)
        )));
    };
    let callable = vm.getattr_builtin("callable")?;
    let ok = vm.call(&callable, std::slice::from_ref(func))?;
    if !vm.is_true(&ok)? {
        return Err(vm.type_error("first argument must be callable"));
    }
    if matches!(obj, Value::None) {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::Obj(ObjRef::new(
        &vm.types().method,
        Payload::BoundMethod {
            func: func.clone(),
            self_: obj.clone(),
        },
    )))
}
