//! Struct sequences (Objects/structseq.c): tuples whose items also have names,
//! such as `sys.version_info`, `sys.flags`, `os.stat_result` and
//! `time.struct_time`. A type is declared once with a `StructSeqDesc`; the
//! first `n_sequence` fields are the tuple's items, the others are attributes
//! only (kept in the instance's dict, which nothing else writes).

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::descriptor::{MemberDescr, MemberKind};
use crate::objects::native::{Args, MethodDef};
use crate::objects::type_::BaseKind;
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::runtime::types::{add_methods, new_type, Types};
use crate::types::args::{kw, this};
use crate::value::Value;
use crate::vm::Vm;

/// A struct sequence type's shape.
pub struct StructSeqDesc {
    /// CPython's tp_name: `module.name` (the repr's prefix).
    pub name: &'static str,
    pub doc: &'static str,
    pub fields: &'static [&'static str],
    /// How many leading fields are tuple items.
    pub n_sequence: usize,
}

const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", structseq_new),
    MethodDef::method("__repr__", structseq_repr),
    MethodDef::method("__reduce__", structseq_reduce),
];

/// Make the type `desc` describes: a tuple subtype with one read-only member
/// descriptor per field.
pub fn new_type_from(types: &Types, desc: &'static StructSeqDesc) -> ObjRef {
    let (module, short) = desc
        .name
        .rsplit_once('.')
        .unwrap_or(("builtins", desc.name));
    let ty = new_type(
        &types.type_,
        &types.dict,
        short,
        Some(&types.tuple),
        BaseKind::Tuple,
        false,
    );
    add_methods(types, &ty, METHODS);
    let d = &ty.payload_type().dict;
    let s = |v: &str| crate::objects::code::str_obj(types, v);
    dict_set_str_raw(types, d, "__module__", s(module));
    dict_set_str_raw(types, d, "__doc__", s(desc.doc));
    let n = |v: usize| Value::Int(v as i64);
    dict_set_str_raw(types, d, "n_sequence_fields", n(desc.n_sequence));
    dict_set_str_raw(types, d, "n_fields", n(desc.fields.len()));
    dict_set_str_raw(types, d, "n_unnamed_fields", n(0));
    let match_args: Vec<Value> = desc.fields[..desc.n_sequence]
        .iter()
        .map(|f| s(f))
        .collect();
    let match_args = Value::Obj(ObjRef::new(&types.tuple, Payload::Tuple(match_args.into())));
    dict_set_str_raw(types, d, "__match_args__", match_args);
    for (i, field) in desc.fields.iter().enumerate() {
        let m = MemberDescr {
            name: (*field).to_string(),
            owner: ty.clone(),
            kind: MemberKind::Field(i),
        };
        let descr = ObjRef::new(
            &types.class.member_descriptor,
            Payload::MemberDescr(Box::new(m)),
        );
        dict_set_str_raw(types, d, field, Value::Obj(descr));
    }
    // The shape, for __new__, __repr__ and __reduce__ to find from the type.
    // Struct sequence types are made once and never freed, so the address
    // identifies the type for the life of the process.
    if let Ok(mut v) = STRUCTSEQ_DESCS.lock() {
        v.push((ty.addr(), desc));
    }
    ty
}

static STRUCTSEQ_DESCS: std::sync::Mutex<Vec<(usize, &'static StructSeqDesc)>> =
    std::sync::Mutex::new(Vec::new());

/// The description of `ty` (or of its nearest struct sequence base).
fn desc_of(ty: &ObjRef) -> Option<&'static StructSeqDesc> {
    let mro = ty.payload_type().mro.get().clone();
    let v = STRUCTSEQ_DESCS.lock().ok()?;
    mro.iter()
        .find_map(|t| v.iter().find(|(a, _)| *a == t.addr()).map(|(_, d)| *d))
}

/// A struct sequence of type `ty` from all its field values (missing trailing
/// non-sequence fields are None).
pub fn new_structseq(vm: &Vm, ty: &ObjRef, values: Vec<Value>) -> Value {
    new_structseq_in(vm.types(), ty, values)
}

/// `new_structseq` before a `Vm` exists (the `sys` module's facts).
pub fn new_structseq_in(types: &Types, ty: &ObjRef, mut values: Vec<Value>) -> Value {
    let Some(desc) = desc_of(ty) else {
        return Value::Obj(ObjRef::new(&types.tuple, Payload::Tuple(values.into())));
    };
    values.resize(desc.fields.len().max(values.len()), Value::None);
    let extra = values.split_off(desc.n_sequence.min(values.len()));
    let obj = ObjRef::new(ty, Payload::Tuple(values.into()));
    if !extra.is_empty() {
        let d = crate::protocol::dict::new_dict_raw(types);
        for (name, v) in desc.fields[desc.n_sequence..].iter().zip(extra) {
            dict_set_str_raw(types, &d, name, v);
        }
        *obj.dict.get_mut() = Some(d);
    }
    Value::Obj(obj)
}

/// A field's value: a tuple item, or an attribute-only field.
pub fn field(o: &ObjRef, index: usize, name: &str) -> Option<Value> {
    if let Payload::Tuple(items) = &o.payload {
        if let Some(v) = items.get(index) {
            return Some(v.clone());
        }
    }
    o.dict.get().as_ref().and_then(|d| dict_get_str(d, name))
}

/// `structseq(sequence, dict=None)`: `n_sequence` to `n_fields` items, the
/// missing attribute-only fields taken from `dict`.
fn structseq_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first().cloned() else {
        return Err(vm.type_error("structseq.__new__(X): X is not a type object"));
    };
    let Some(desc) = desc_of(&cls) else {
        return Err(vm.type_error("structseq.__new__(X): X is not a struct sequence type"));
    };
    let [seq, dict] = kw(vm, desc.name, &args, ["sequence", "dict"], 1, 0)?;
    let seq = seq.unwrap_or(Value::None);
    let items = vm.iterate(&seq)?;
    let (min, max, len) = (desc.n_sequence, desc.fields.len(), items.len());
    if len < min {
        let what = if min == max { "" } else { "at least " };
        return Err(vm.type_error(format!(
            "{}() takes {what}a {min}-sequence ({len}-sequence given)",
            desc.name
        )));
    }
    if len > max {
        let what = if min == max { "" } else { "at most " };
        return Err(vm.type_error(format!(
            "{}() takes {what}a {max}-sequence ({len}-sequence given)",
            desc.name
        )));
    }
    let mut values = items;
    for name in &desc.fields[len..] {
        let v = match &dict {
            Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => {
                dict_get_str(d, name).unwrap_or(Value::None)
            }
            _ => Value::None,
        };
        values.push(v);
    }
    Ok(new_structseq(vm, &cls, values))
}

/// Whether `ty` is a struct sequence type or derives from one.
pub fn is_structseq(ty: &ObjRef) -> bool {
    !ty.payload_type().heap_type && desc_of(ty).is_some()
}

fn structseq_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args).clone();
    let Some(o) = me.as_obj() else {
        return Err(vm.type_error("descriptor '__repr__' requires a struct sequence"));
    };
    let s = repr(vm, o)?;
    Ok(vm.new_str(s))
}

/// `name(field=repr, ...)` over the sequence fields.
pub fn repr(vm: &mut Vm, o: &ObjRef) -> PyResult<String> {
    let desc = desc_of(o.class());
    let items: Vec<Value> = match &o.payload {
        Payload::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    };
    let name = desc.map_or("structseq", |d| d.name);
    let mut out = format!("{name}(");
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let field = desc.and_then(|d| d.fields.get(i)).copied().unwrap_or("?");
        out.push_str(field);
        out.push('=');
        out.push_str(&vm.repr_string(v)?);
    }
    out.push(')');
    Ok(out)
}

/// `(type, (tuple, {attribute-only fields}))`, so copy and pickle rebuild it.
fn structseq_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args).clone();
    let Some(o) = me.as_obj() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a struct sequence"));
    };
    let desc = desc_of(o.class());
    let items: Vec<Value> = match &o.payload {
        Payload::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    };
    let d = vm.new_dict();
    if let Some(desc) = desc {
        for (i, name) in desc.fields.iter().enumerate().skip(desc.n_sequence) {
            let v = field(o, i, name).unwrap_or(Value::None);
            dict_set_str_raw(vm.types(), &d, name, v);
        }
    }
    let t = vm.new_tuple(items);
    let inner = vm.new_tuple(vec![t, Value::Obj(d)]);
    Ok(vm.new_tuple(vec![Value::Obj(o.class().clone()), inner]))
}
