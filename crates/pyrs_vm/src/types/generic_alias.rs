//! `types.GenericAlias` (minimal): what `list[int]` and `dict[str, int]` make
//! through `__class_getitem__`, so that annotations using builtin generics
//! evaluate. Supports repr, `__origin__`/`__args__`/`__parameters__`,
//! equality, hashing and calling the origin. Reference: Objects/genericaliasobject.c.

use super::args::this;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;

pub const CLASS_GETITEM: &[MethodDef] =
    &[MethodDef::classmethod("__class_getitem__", class_getitem)];

/// GenericAlias's own methods; `__new__` also serves the Python subclasses
/// (`_collections_abc._CallableGenericAlias`), whose instances carry the same
/// payload.
pub const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", generic_alias_new),
    MethodDef::method("__repr__", generic_alias_repr),
];

/// `GenericAlias(origin, args)`: `args` a tuple or a single argument.
fn generic_alias_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    let p = args.pos();
    let Some(cls) = p
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a type object"));
    };
    if p.len() != 3 {
        return Err(vm.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            p.len() - 1
        )));
    }
    let items = match p[2].as_tuple() {
        Some(t) => vm.new_tuple(t.to_vec()),
        None => vm.new_tuple(vec![p[2].clone()]),
    };
    Ok(Value::Obj(ObjRef::new(
        &cls,
        Payload::GenericAlias {
            origin: p[1].clone(),
            args: items,
        },
    )))
}

fn generic_alias_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::GenericAlias {
        origin,
        args: items,
    }) = this(&args).payload()
    else {
        return Err(vm.type_error("descriptor '__repr__' requires a 'types.GenericAlias' object"));
    };
    let (o, a) = (origin.clone(), items.clone());
    let s = repr(vm, &o, &a)?;
    Ok(vm.new_str(s))
}

/// `cls[args]` for the builtin generic classes.
fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.pos();
    if p.len() != 2 {
        return Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            p.len().saturating_sub(1)
        )));
    }
    let origin = this(&args).clone();
    let items = match p[1].as_tuple() {
        Some(t) => vm.new_tuple(t.to_vec()),
        None => vm.new_tuple(vec![p[1].clone()]),
    };
    Ok(Value::Obj(ObjRef::new(
        &vm.types().generic_alias,
        Payload::GenericAlias {
            origin,
            args: items,
        },
    )))
}

/// `ga_repr_item`: types by qualified name, `...` for Ellipsis, else repr.
fn item_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(Payload::Type(t)) = v.payload() {
        let ty = v.as_obj().cloned().ok_or_else(|| vm.system_error("type"))?;
        return Ok(match vm.type_module_name(&ty).as_deref() {
            Some("builtins") | None => t.qualname.get().clone(),
            Some(m) => format!("{m}.{}", t.qualname.get()),
        });
    }
    if v.as_obj().is_some_and(|o| o.is(&vm.types().ellipsis_value)) {
        return Ok("...".into());
    }
    vm.repr_string(v)
}

pub fn repr(vm: &mut Vm, origin: &Value, args: &Value) -> PyResult<String> {
    let mut out = item_repr(vm, origin)?;
    out.push('[');
    let items = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item_repr(vm, it)?);
    }
    out.push(']');
    Ok(out)
}

/// `__origin__`, `__args__`, `__parameters__`.
pub fn attr(vm: &Vm, origin: &Value, args: &Value, name: &str) -> Option<Value> {
    Some(match name {
        "__origin__" => origin.clone(),
        "__args__" => args.clone(),
        "__parameters__" => vm.new_tuple(Vec::new()),
        _ => return None,
    })
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (
        Some(Payload::GenericAlias {
            origin: o1,
            args: a1,
        }),
        Some(Payload::GenericAlias {
            origin: o2,
            args: a2,
        }),
    ) = (a.payload(), b.payload())
    else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (o1, a1, o2, a2) = (o1.clone(), a1.clone(), o2.clone(), a2.clone());
    let eq = vm.eq(&o1, &o2)? && vm.eq(&a1, &a2)?;
    Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
}

pub fn hash(vm: &mut Vm, origin: &Value, args: &Value) -> PyResult<i64> {
    let (o, a) = (origin.clone(), args.clone());
    Ok(vm.hash(&o)? ^ vm.hash(&a)?)
}
