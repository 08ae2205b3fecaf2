//! `types.UnionType`: what `int | str` makes (PEP 604). Owns `|` between
//! types, None, generic aliases and unions, the flattened and deduplicated
//! `__args__`, repr, equality and hash as sets of arguments, and `isinstance`
//! / `issubclass` against a union. Reference: Objects/unionobject.c.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("__or__", union_or),
    MethodDef::method("__ror__", union_ror),
    MethodDef::method("__instancecheck__", union_instancecheck),
    MethodDef::method("__subclasscheck__", union_subclasscheck),
];

/// Operands `|` may combine into a union (CPython's `is_unionable`).
fn is_unionable(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::None)
        || matches!(
            v.payload(),
            Some(Payload::Type(_) | Payload::GenericAlias { .. } | Payload::Union(_))
        )
        || v.as_obj().is_some_and(|o| o.is(&vm.types().none))
}

/// The arguments of a union, or the operand itself.
fn operand_args(v: &Value) -> Vec<Value> {
    match v.payload() {
        Some(Payload::Union(args)) => args.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        _ => vec![v.clone()],
    }
}

/// `a | b` when both are unionable: a union, or the single argument left
/// after flattening and deduplication. `None` means NotImplemented.
pub fn union_or_values(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    // One side must be a type, alias or union: NoneType has no `|`.
    let has_or = |v: &Value| {
        matches!(
            v.payload(),
            Some(Payload::Type(_) | Payload::GenericAlias { .. } | Payload::Union(_))
        )
    };
    if !is_unionable(vm, a) || !is_unionable(vm, b) || !(has_or(a) || has_or(b)) {
        return Ok(None);
    }
    let mut flat = operand_args(a);
    flat.extend(operand_args(b));
    let none_type = Value::Obj(vm.types().none.clone());
    let mut args: Vec<Value> = Vec::with_capacity(flat.len());
    for item in flat {
        let item = if matches!(item, Value::None) {
            none_type.clone()
        } else {
            item
        };
        // Generic aliases are compared by value (list[int] twice is one
        // argument), everything else by identity.
        let mut dup = false;
        for seen in &args {
            let both_ga = matches!(item.payload(), Some(Payload::GenericAlias { .. }))
                && matches!(seen.payload(), Some(Payload::GenericAlias { .. }));
            dup = if both_ga {
                let (x, y) = (item.clone(), seen.clone());
                vm.eq(&x, &y)?
            } else {
                item.is(seen)
            };
            if dup {
                break;
            }
        }
        if !dup {
            args.push(item);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop());
    }
    let args = vm.new_tuple(args);
    Ok(Some(Value::Obj(ObjRef::new(
        &vm.types().union_type,
        Payload::Union(args),
    ))))
}

fn union_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = pos(vm, "__or__", &args, 1, 1)?;
    let a = this(&args).clone();
    Ok(union_or_values(vm, &a, &p[0])?.unwrap_or_else(|| vm.not_implemented()))
}

fn union_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = pos(vm, "__ror__", &args, 1, 1)?;
    let a = this(&args).clone();
    Ok(union_or_values(vm, &p[0], &a)?.unwrap_or_else(|| vm.not_implemented()))
}

/// The union's arguments, from `self` of a method.
fn self_args(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::Union(args)) => Ok(args.as_tuple().map(|t| t.to_vec()).unwrap_or_default()),
        _ => Err(vm.type_error("descriptor requires a 'types.UnionType' object")),
    }
}

/// A parameterized generic cannot answer isinstance; the arguments are
/// tried in order, so one met before a match is an error.
fn check_not_generic(vm: &Vm, arg: &Value, what: &str) -> PyResult<()> {
    if matches!(arg.payload(), Some(Payload::GenericAlias { .. })) {
        return Err(vm.type_error(format!(
            "{what}() argument 2 cannot be a parameterized generic"
        )));
    }
    Ok(())
}

fn union_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = pos(vm, "__instancecheck__", &args, 1, 1)?;
    let items = self_args(vm, this(&args))?;
    Ok(Value::Bool(instancecheck(vm, &p[0], &items)?))
}

fn union_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = pos(vm, "__subclasscheck__", &args, 1, 1)?;
    let items = self_args(vm, this(&args))?;
    Ok(Value::Bool(subclasscheck(vm, &p[0], &items)?))
}

/// `isinstance(inst, union)`: an instance of any argument.
pub fn instancecheck(vm: &mut Vm, inst: &Value, items: &[Value]) -> PyResult<bool> {
    for it in items {
        check_not_generic(vm, it, "isinstance")?;
        if vm.object_isinstance(inst, it)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `issubclass(sub, union)`: a subclass of any argument.
pub fn subclasscheck(vm: &mut Vm, sub: &Value, items: &[Value]) -> PyResult<bool> {
    for it in items {
        check_not_generic(vm, it, "issubclass")?;
        if vm.object_issubclass(sub, it)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// One argument in the repr: `None` for NoneType, a class by its qualified
/// name (module-qualified outside builtins), a generic alias by its repr.
fn item_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.as_obj().is_some_and(|o| o.is(&vm.types().none)) {
        return Ok("None".into());
    }
    if let Some(Payload::Type(t)) = v.payload() {
        let ty = v.as_obj().cloned().ok_or_else(|| vm.system_error("type"))?;
        return Ok(match vm.type_module_name(&ty).as_deref() {
            Some("builtins") | None => t.qualname.get().clone(),
            Some(m) => format!("{m}.{}", t.qualname.get()),
        });
    }
    vm.repr_string(v)
}

pub fn repr(vm: &mut Vm, args: &Value) -> PyResult<String> {
    let items = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut parts = Vec::with_capacity(items.len());
    for it in &items {
        parts.push(item_repr(vm, it)?);
    }
    Ok(parts.join(" | "))
}

/// `__args__` and `__parameters__` (the type variables of the arguments, in
/// order of first appearance, as `_Py_make_parameters` collects them).
pub fn attr(vm: &mut Vm, args: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "__args__" => args.clone(),
        "__parameters__" => {
            let items = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
            let mut params: Vec<Value> = Vec::new();
            for it in &items {
                if matches!(it.payload(), Some(Payload::Type(_))) {
                    continue;
                }
                let found = if vm.getattr_str(it, "__typing_subst__").is_ok() {
                    vec![it.clone()]
                } else {
                    match vm.getattr_str(it, "__parameters__") {
                        Ok(p) => p.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
                        Err(_) => Vec::new(),
                    }
                };
                for f in found {
                    if !params.iter().any(|p| p.is(&f)) {
                        params.push(f);
                    }
                }
            }
            vm.new_tuple(params)
        }
        _ => return Ok(None),
    }))
}

/// A frozenset of a union's arguments: equality and hash ignore order.
fn arg_set(vm: &mut Vm, args: &Value) -> PyResult<Value> {
    let fs = super::set::new_set_of(&vm.types().frozenset);
    super::set::update_internal(vm, &fs, args)?;
    Ok(fs)
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    let (Some(Payload::Union(x)), Some(Payload::Union(y))) = (a.payload(), b.payload()) else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (x, y) = (x.clone(), y.clone());
    let (sx, sy) = (arg_set(vm, &x)?, arg_set(vm, &y)?);
    let eq = vm.eq(&sx, &sy)?;
    Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
}

pub fn hash(vm: &mut Vm, args: &Value) -> PyResult<i64> {
    let s = arg_set(vm, args)?;
    vm.hash(&s)
}
