//! The operator special methods of builtin types as Python sees them
//! (`int.__add__`, `float.__radd__`, `str.__lt__`, `set.__or__`...): what a
//! subclass reaches through `super()` or an explicit `int.__add__(a, b)`.
//! Each works on the builtin value under `self` (a subclass instance's
//! payload) and returns NotImplemented for operands its type does not take,
//! as the `nb_*`/`tp_richcompare` slots of Objects/*.c do. The protocol's
//! fast paths never call these: they are the slow, explicit route.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::protocol::generic_attr::without_override;
use crate::protocol::object::{as_int, CompareOp};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::opcode::nb;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
}

/// The builtin value under `v`, without its subclass (a copy for containers).
fn plain(vm: &Vm, v: &Value) -> Option<Value> {
    Some(match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => v.clone(),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => vm.new_bigint(b.clone()),
            Payload::Float(f) => Value::Float(*f),
            Payload::Complex(re, im) => super::complex::new_complex(vm, *re, *im),
            Payload::Str(s) => vm.new_str(s.as_str()),
            Payload::Bytes(b) => vm.new_bytes(b.to_vec()),
            Payload::Tuple(t) => vm.new_tuple(t.to_vec()),
            Payload::List(l) => vm.new_list(l.get().clone()),
            // A subclass instance's items in a plain dict (its stored hashes
            // reused, so no Python code runs): a comparison on the copy
            // cannot re-enter the subclass's own `__eq__`.
            Payload::Dict(d) if !o.class().is(&vm.types().dict) => {
                let src = d.get();
                let mut copy = crate::objects::dict::DictData::with_capacity(src.len());
                for e in src.entries().iter().filter(|e| !e.key.is_null()) {
                    copy.insert_new(e.hash, e.key.clone(), e.value.clone());
                }
                Value::Obj(crate::object::ObjRef::new(
                    &vm.types().dict,
                    Payload::Dict(crate::gil_cell::GilCell::new(copy)),
                ))
            }
            _ => v.clone(),
        },
        _ => return None,
    })
}

fn kind_of(v: &Value) -> Option<Kind> {
    Some(match v {
        Value::Int(_) | Value::Bool(_) => Kind::Int,
        Value::Float(_) => Kind::Float,
        Value::Obj(o) => match &o.payload {
            Payload::Int(_) => Kind::Int,
            Payload::Float(_) => Kind::Float,
            Payload::Complex(..) => Kind::Complex,
            Payload::Str(_) => Kind::Str,
            Payload::Bytes(_) | Payload::ByteArray(_) => Kind::Bytes,
            Payload::Tuple(_) => Kind::Tuple,
            Payload::List(_) => Kind::List,
            Payload::Dict(_) => Kind::Dict,
            Payload::Set(_) => Kind::Set,
            _ => return None,
        },
        _ => return None,
    })
}

/// Whether `me`'s type's slot accepts `other` for operator `op`.
fn accepts(me: Kind, other: &Value, op: u32) -> bool {
    let ok = kind_of(other);
    match me {
        Kind::Int => ok == Some(Kind::Int),
        Kind::Float => matches!(ok, Some(Kind::Int | Kind::Float)),
        Kind::Complex => matches!(ok, Some(Kind::Int | Kind::Float | Kind::Complex)),
        Kind::Str | Kind::Bytes | Kind::Tuple | Kind::List => match op {
            nb::MULTIPLY => as_int(other).is_some(),
            nb::REMAINDER => matches!(me, Kind::Str | Kind::Bytes),
            _ => ok == Some(me),
        },
        Kind::Dict => ok == Some(Kind::Dict),
        Kind::Set => ok == Some(Kind::Set),
    }
}

fn binary(vm: &mut Vm, args: Args, me: Kind, op: u32, reflected: bool) -> PyResult<Value> {
    let r = pos(vm, "operator", &args, 1, 1)?;
    let (Some(a), Some(k)) = (plain(vm, this(&args)), kind_of(this(&args))) else {
        return Ok(vm.not_implemented());
    };
    if k != me && !(me == Kind::Float && k == Kind::Int) || !accepts(me, &r[0], op) {
        return Ok(vm.not_implemented());
    }
    let b = plain(vm, &r[0]).unwrap_or_else(|| r[0].clone());
    without_override(|| {
        if reflected {
            vm.binary_op(&b, &a, op)
        } else {
            vm.binary_op(&a, &b, op)
        }
    })
}

fn compare(vm: &mut Vm, args: Args, me: Kind, op: CompareOp) -> PyResult<Value> {
    let r = pos(vm, "comparison", &args, 1, 1)?;
    let comparable = match me {
        Kind::Int => kind_of(&r[0]) == Some(Kind::Int),
        Kind::Float => matches!(kind_of(&r[0]), Some(Kind::Int | Kind::Float)),
        Kind::Complex => {
            matches!(op, CompareOp::Eq | CompareOp::Ne)
                && matches!(
                    kind_of(&r[0]),
                    Some(Kind::Int | Kind::Float | Kind::Complex)
                )
        }
        Kind::Dict => matches!(op, CompareOp::Eq | CompareOp::Ne) && kind_of(&r[0]) == Some(me),
        _ => kind_of(&r[0]) == Some(me),
    };
    let Some(a) = plain(vm, this(&args)) else {
        return Ok(vm.not_implemented());
    };
    if !comparable {
        return Ok(vm.not_implemented());
    }
    let b = plain(vm, &r[0]).unwrap_or_else(|| r[0].clone());
    without_override(|| vm.rich_compare(&a, &b, op))
}

fn unary(vm: &mut Vm, args: Args, which: &str) -> PyResult<Value> {
    pos(vm, which, &args, 0, 0)?;
    let Some(a) = plain(vm, this(&args)) else {
        return Ok(vm.not_implemented());
    };
    without_override(|| match which {
        "__neg__" => vm.neg(&a),
        "__pos__" => vm.pos(&a),
        "__invert__" => vm.invert(&a),
        "__bool__" => vm.is_true(&a).map(Value::Bool),
        _ => vm.repr_string(&a).map(|s| vm.new_str(s)),
    })
}

macro_rules! binops {
    ($kind:expr; $($name:ident = $op:expr, $refl:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            binary(vm, args, $kind, $op, $refl)
        })*
    };
}

macro_rules! cmpops {
    ($kind:expr; $($name:ident = $op:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            compare(vm, args, $kind, $op)
        })*
    };
}

macro_rules! unops {
    ($($name:ident = $which:literal;)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            unary(vm, args, $which)
        })*
    };
}

binops! { Kind::Int;
    int_add = nb::ADD, false; int_radd = nb::ADD, true;
    int_sub = nb::SUBTRACT, false; int_rsub = nb::SUBTRACT, true;
    int_mul = nb::MULTIPLY, false; int_rmul = nb::MULTIPLY, true;
    int_truediv = nb::TRUE_DIVIDE, false; int_rtruediv = nb::TRUE_DIVIDE, true;
    int_floordiv = nb::FLOOR_DIVIDE, false; int_rfloordiv = nb::FLOOR_DIVIDE, true;
    int_mod = nb::REMAINDER, false; int_rmod = nb::REMAINDER, true;
    int_pow = nb::POWER, false; int_rpow = nb::POWER, true;
    int_lshift = nb::LSHIFT, false; int_rlshift = nb::LSHIFT, true;
    int_rshift = nb::RSHIFT, false; int_rrshift = nb::RSHIFT, true;
    int_and = nb::AND, false; int_rand = nb::AND, true;
    int_or = nb::OR, false; int_ror = nb::OR, true;
    int_xor = nb::XOR, false; int_rxor = nb::XOR, true;
}

binops! { Kind::Float;
    float_add = nb::ADD, false; float_radd = nb::ADD, true;
    float_sub = nb::SUBTRACT, false; float_rsub = nb::SUBTRACT, true;
    float_mul = nb::MULTIPLY, false; float_rmul = nb::MULTIPLY, true;
    float_truediv = nb::TRUE_DIVIDE, false; float_rtruediv = nb::TRUE_DIVIDE, true;
    float_floordiv = nb::FLOOR_DIVIDE, false; float_rfloordiv = nb::FLOOR_DIVIDE, true;
    float_mod = nb::REMAINDER, false; float_rmod = nb::REMAINDER, true;
    float_pow = nb::POWER, false; float_rpow = nb::POWER, true;
}

binops! { Kind::Complex;
    complex_add = nb::ADD, false; complex_radd = nb::ADD, true;
    complex_sub = nb::SUBTRACT, false; complex_rsub = nb::SUBTRACT, true;
    complex_mul = nb::MULTIPLY, false; complex_rmul = nb::MULTIPLY, true;
    complex_truediv = nb::TRUE_DIVIDE, false; complex_rtruediv = nb::TRUE_DIVIDE, true;
    complex_pow = nb::POWER, false; complex_rpow = nb::POWER, true;
}

binops! { Kind::Str; str_rmul = nb::MULTIPLY, true; }
binops! { Kind::Bytes; bytes_add = nb::ADD, false; bytes_mul = nb::MULTIPLY, false; bytes_rmul = nb::MULTIPLY, true; bytes_mod = nb::REMAINDER, false; }
binops! { Kind::Set;
    set_or = nb::OR, false; set_ror = nb::OR, true;
    set_and = nb::AND, false; set_rand = nb::AND, true;
    set_sub = nb::SUBTRACT, false; set_rsub = nb::SUBTRACT, true;
    set_xor = nb::XOR, false; set_rxor = nb::XOR, true;
}

cmpops! { Kind::Int; int_eq = CompareOp::Eq; int_ne = CompareOp::Ne; int_lt = CompareOp::Lt; int_le = CompareOp::Le; int_gt = CompareOp::Gt; int_ge = CompareOp::Ge; }
cmpops! { Kind::Float; float_eq = CompareOp::Eq; float_ne = CompareOp::Ne; float_lt = CompareOp::Lt; float_le = CompareOp::Le; float_gt = CompareOp::Gt; float_ge = CompareOp::Ge; }
cmpops! { Kind::Complex; complex_eq = CompareOp::Eq; complex_ne = CompareOp::Ne; }
cmpops! { Kind::Str; str_eq = CompareOp::Eq; str_ne = CompareOp::Ne; str_lt = CompareOp::Lt; str_le = CompareOp::Le; str_gt = CompareOp::Gt; str_ge = CompareOp::Ge; }
cmpops! { Kind::Bytes; bytes_eq = CompareOp::Eq; bytes_ne = CompareOp::Ne; bytes_lt = CompareOp::Lt; bytes_le = CompareOp::Le; bytes_gt = CompareOp::Gt; bytes_ge = CompareOp::Ge; }
cmpops! { Kind::Tuple; tuple_eq = CompareOp::Eq; tuple_ne = CompareOp::Ne; tuple_lt = CompareOp::Lt; tuple_le = CompareOp::Le; tuple_gt = CompareOp::Gt; tuple_ge = CompareOp::Ge; }
cmpops! { Kind::List; list_eq = CompareOp::Eq; list_ne = CompareOp::Ne; list_lt = CompareOp::Lt; list_le = CompareOp::Le; list_gt = CompareOp::Gt; list_ge = CompareOp::Ge; }
cmpops! { Kind::Dict; dict_eq = CompareOp::Eq; dict_ne = CompareOp::Ne; }
cmpops! { Kind::Set; set_eq = CompareOp::Eq; set_ne = CompareOp::Ne; set_lt = CompareOp::Lt; set_le = CompareOp::Le; set_gt = CompareOp::Gt; set_ge = CompareOp::Ge; }

unops! { num_neg = "__neg__"; num_pos = "__pos__"; num_invert = "__invert__"; any_bool = "__bool__"; any_repr = "__repr__"; }

/// `int.__format__`, `float.__format__`, `complex.__format__`: the builtin
/// value formatted with the spec.
fn num_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "__format__", &args, 1, 1)?;
    let spec = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    let Some(a) = plain(vm, this(&args)) else {
        return Ok(vm.not_implemented());
    };
    vm.format(&a, spec)
}

fn num_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, args, false)
}

fn num_rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, args, true)
}

fn divmod_impl(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let r = pos(vm, "__divmod__", &args, 1, 1)?;
    let Some(a) = plain(vm, this(&args)) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(kind_of(&r[0]), Some(Kind::Int | Kind::Float)) {
        return Ok(vm.not_implemented());
    }
    let b = plain(vm, &r[0]).unwrap_or_else(|| r[0].clone());
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    let f = vm.getattr_builtin("divmod")?;
    vm.call(&f, &[x, y])
}

const CMP: usize = 6;

macro_rules! cmp_table {
    ($eq:ident, $ne:ident, $lt:ident, $le:ident, $gt:ident, $ge:ident) => {
        [
            MethodDef::method("__eq__", $eq),
            MethodDef::method("__ne__", $ne),
            MethodDef::method("__lt__", $lt),
            MethodDef::method("__le__", $le),
            MethodDef::method("__gt__", $gt),
            MethodDef::method("__ge__", $ge),
        ]
    };
}

const INT_CMP: [MethodDef; CMP] = cmp_table!(int_eq, int_ne, int_lt, int_le, int_gt, int_ge);
const FLOAT_CMP: [MethodDef; CMP] =
    cmp_table!(float_eq, float_ne, float_lt, float_le, float_gt, float_ge);
const STR_CMP: [MethodDef; CMP] = cmp_table!(str_eq, str_ne, str_lt, str_le, str_gt, str_ge);
const BYTES_CMP: [MethodDef; CMP] =
    cmp_table!(bytes_eq, bytes_ne, bytes_lt, bytes_le, bytes_gt, bytes_ge);
const TUPLE_CMP: [MethodDef; CMP] =
    cmp_table!(tuple_eq, tuple_ne, tuple_lt, tuple_le, tuple_gt, tuple_ge);
const LIST_CMP: [MethodDef; CMP] = cmp_table!(list_eq, list_ne, list_lt, list_le, list_gt, list_ge);
const SET_CMP: [MethodDef; CMP] = cmp_table!(set_eq, set_ne, set_lt, set_le, set_gt, set_ge);

const INT_OPS: &[MethodDef] = &[
    MethodDef::method("__format__", num_format),
    MethodDef::method("__add__", int_add),
    MethodDef::method("__radd__", int_radd),
    MethodDef::method("__sub__", int_sub),
    MethodDef::method("__rsub__", int_rsub),
    MethodDef::method("__mul__", int_mul),
    MethodDef::method("__rmul__", int_rmul),
    MethodDef::method("__truediv__", int_truediv),
    MethodDef::method("__rtruediv__", int_rtruediv),
    MethodDef::method("__floordiv__", int_floordiv),
    MethodDef::method("__rfloordiv__", int_rfloordiv),
    MethodDef::method("__mod__", int_mod),
    MethodDef::method("__rmod__", int_rmod),
    MethodDef::method("__pow__", int_pow),
    MethodDef::method("__rpow__", int_rpow),
    MethodDef::method("__lshift__", int_lshift),
    MethodDef::method("__rlshift__", int_rlshift),
    MethodDef::method("__rshift__", int_rshift),
    MethodDef::method("__rrshift__", int_rrshift),
    MethodDef::method("__and__", int_and),
    MethodDef::method("__rand__", int_rand),
    MethodDef::method("__or__", int_or),
    MethodDef::method("__ror__", int_ror),
    MethodDef::method("__xor__", int_xor),
    MethodDef::method("__rxor__", int_rxor),
    MethodDef::method("__divmod__", num_divmod),
    MethodDef::method("__rdivmod__", num_rdivmod),
    MethodDef::method("__neg__", num_neg),
    MethodDef::method("__pos__", num_pos),
    MethodDef::method("__invert__", num_invert),
    MethodDef::method("__bool__", any_bool),
    MethodDef::method("__repr__", any_repr),
];

const FLOAT_OPS: &[MethodDef] = &[
    MethodDef::method("__format__", num_format),
    MethodDef::method("__add__", float_add),
    MethodDef::method("__radd__", float_radd),
    MethodDef::method("__sub__", float_sub),
    MethodDef::method("__rsub__", float_rsub),
    MethodDef::method("__mul__", float_mul),
    MethodDef::method("__rmul__", float_rmul),
    MethodDef::method("__truediv__", float_truediv),
    MethodDef::method("__rtruediv__", float_rtruediv),
    MethodDef::method("__floordiv__", float_floordiv),
    MethodDef::method("__rfloordiv__", float_rfloordiv),
    MethodDef::method("__mod__", float_mod),
    MethodDef::method("__rmod__", float_rmod),
    MethodDef::method("__pow__", float_pow),
    MethodDef::method("__rpow__", float_rpow),
    MethodDef::method("__divmod__", num_divmod),
    MethodDef::method("__rdivmod__", num_rdivmod),
    MethodDef::method("__neg__", num_neg),
    MethodDef::method("__pos__", num_pos),
    MethodDef::method("__bool__", any_bool),
    MethodDef::method("__repr__", any_repr),
];

const COMPLEX_OPS: &[MethodDef] = &[
    MethodDef::method("__format__", num_format),
    MethodDef::method("__add__", complex_add),
    MethodDef::method("__radd__", complex_radd),
    MethodDef::method("__sub__", complex_sub),
    MethodDef::method("__rsub__", complex_rsub),
    MethodDef::method("__mul__", complex_mul),
    MethodDef::method("__rmul__", complex_rmul),
    MethodDef::method("__truediv__", complex_truediv),
    MethodDef::method("__rtruediv__", complex_rtruediv),
    MethodDef::method("__pow__", complex_pow),
    MethodDef::method("__rpow__", complex_rpow),
    MethodDef::method("__neg__", num_neg),
    MethodDef::method("__pos__", num_pos),
    MethodDef::method("__bool__", any_bool),
    MethodDef::method("__repr__", any_repr),
    MethodDef::method("__eq__", complex_eq),
    MethodDef::method("__ne__", complex_ne),
];

const SEQ_EXTRA: &[MethodDef] = &[MethodDef::method("__repr__", any_repr)];

const STR_EXTRA: &[MethodDef] = &[MethodDef::method("__rmul__", str_rmul)];

const BYTES_OPS: &[MethodDef] = &[
    MethodDef::method("__add__", bytes_add),
    MethodDef::method("__mul__", bytes_mul),
    MethodDef::method("__rmul__", bytes_rmul),
    MethodDef::method("__mod__", bytes_mod),
    MethodDef::method("__len__", bytes_len),
    MethodDef::method("__getitem__", bytes_getitem),
    MethodDef::method("__contains__", bytes_contains),
    MethodDef::method("__iter__", bytes_iter),
    MethodDef::method("__repr__", any_repr),
];

const SET_OPS: &[MethodDef] = &[
    MethodDef::method("__or__", set_or),
    MethodDef::method("__ror__", set_ror),
    MethodDef::method("__and__", set_and),
    MethodDef::method("__rand__", set_rand),
    MethodDef::method("__sub__", set_sub),
    MethodDef::method("__rsub__", set_rsub),
    MethodDef::method("__xor__", set_xor),
    MethodDef::method("__rxor__", set_rxor),
    MethodDef::method("__repr__", any_repr),
];

const DICT_OPS: &[MethodDef] = &[
    MethodDef::method("__eq__", dict_eq),
    MethodDef::method("__ne__", dict_ne),
    MethodDef::method("__repr__", any_repr),
];

fn bytes_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = super::bytes::bytes_like(this(&args)).unwrap_or_default();
    pos(vm, "bytes.__len__", &args, 0, 0)?;
    Ok(Value::Int(b.len() as i64))
}

fn bytes_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "bytes.__getitem__", &args, 1, 1)?;
    let b = plain(vm, this(&args)).unwrap_or(Value::None);
    vm.getitem(&b, &r[0])
}

fn bytes_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "bytes.__contains__", &args, 1, 1)?;
    let b = plain(vm, this(&args)).unwrap_or(Value::None);
    vm.contains(&b, &r[0]).map(Value::Bool)
}

fn bytes_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = plain(vm, this(&args)).unwrap_or(Value::None);
    vm.iter(&b)
}

/// Put the operator dunders into the builtin types' dicts.
pub fn install(types: &crate::runtime::types::Types) {
    use crate::runtime::types::add_methods;
    add_methods(types, &types.int, INT_OPS);
    add_methods(types, &types.int, &INT_CMP);
    add_methods(types, &types.float, FLOAT_OPS);
    add_methods(types, &types.float, &FLOAT_CMP);
    add_methods(types, &types.complex, COMPLEX_OPS);
    add_methods(types, &types.str_, &STR_CMP);
    add_methods(types, &types.str_, STR_EXTRA);
    add_methods(types, &types.bytes, BYTES_OPS);
    add_methods(types, &types.bytes, &BYTES_CMP);
    add_methods(types, &types.tuple, &TUPLE_CMP);
    add_methods(types, &types.tuple, SEQ_EXTRA);
    add_methods(types, &types.list, &LIST_CMP);
    add_methods(types, &types.list, SEQ_EXTRA);
    add_methods(types, &types.set, SET_OPS);
    add_methods(types, &types.set, &SET_CMP);
    add_methods(types, &types.frozenset, SET_OPS);
    add_methods(types, &types.frozenset, &SET_CMP);
    add_methods(types, &types.dict, DICT_OPS);
}
