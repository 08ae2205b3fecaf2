//! The special methods of `object` and `type` as entries in their dicts
//! (`object.__init__`, `type.__new__`, ...), and the dunder methods of the
//! builtin types that subclasses call (`super().__init__()` of list, dict and
//! exceptions, `int.__add__`, `dict.__setitem__`...).
//! Reference: Objects/typeobject.c (object_new, object_init, object_richcompare,
//! type_new, type_call), and the slot wrappers of Objects/*.c.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::objects::type_::BaseKind;
use crate::protocol::dict::dict_get_str;
use crate::protocol::generic_attr::without_override;
use crate::protocol::object::CompareOp;
use crate::runtime::types::{add_methods, Types};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::opcode::nb;

const OBJECT_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", object_new),
    MethodDef::method("__init__", object_init),
    MethodDef::method("__repr__", object_repr),
    MethodDef::method("__str__", object_str),
    MethodDef::method("__eq__", object_eq),
    MethodDef::method("__ne__", object_ne),
    MethodDef::method("__hash__", object_hash),
    MethodDef::method("__format__", object_format),
    MethodDef::method("__getattribute__", object_getattribute),
    MethodDef::method("__setattr__", object_setattr),
    MethodDef::method("__delattr__", object_delattr),
    MethodDef::classmethod("__init_subclass__", object_init_subclass),
    MethodDef::classmethod("__subclasshook__", object_subclasshook),
    MethodDef::method("__dir__", object_dir),
];

const TYPE_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", type_new_method),
    MethodDef::method("__init__", type_init),
    MethodDef::method("__call__", type_call_method),
    MethodDef::classmethod("__prepare__", type_prepare),
    MethodDef::method("mro", type_mro),
    MethodDef::method("__subclasses__", type_subclasses),
    MethodDef::method("__dir__", type_dir),
    MethodDef::method("__instancecheck__", type_instancecheck),
    MethodDef::method("__subclasscheck__", type_subclasscheck),
];

const EXCEPTION_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", exception_new),
    MethodDef::method("__init__", crate::objects::exception::exc_init),
    MethodDef::method("__str__", exception_str),
    MethodDef::method("with_traceback", exception_with_traceback),
];

const LIST_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", list_new),
    MethodDef::method("__init__", list_init),
    MethodDef::method("__getitem__", container_getitem),
    MethodDef::method("__setitem__", container_setitem),
    MethodDef::method("__delitem__", container_delitem),
    MethodDef::method("__len__", container_len),
    MethodDef::method("__contains__", container_contains),
    MethodDef::method("__iter__", container_iter),
    MethodDef::method("__repr__", value_repr),
    MethodDef::method("__eq__", cmp_eq),
];

const DICT_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", dict_new),
    MethodDef::method("__init__", dict_init),
    MethodDef::method("__getitem__", container_getitem),
    MethodDef::method("__setitem__", container_setitem),
    MethodDef::method("__delitem__", container_delitem),
    MethodDef::method("__len__", container_len),
    MethodDef::method("__contains__", container_contains),
    MethodDef::method("__iter__", container_iter),
    MethodDef::method("__repr__", value_repr),
    MethodDef::method("__eq__", cmp_eq),
];

/// The value-type dunders (int, float, str, tuple): they run on a plain copy
/// of the value, so a subclass's override is never re-entered.
const VALUE_METHODS: &[MethodDef] = &[
    MethodDef::method("__repr__", value_repr),
    MethodDef::method("__str__", value_str),
    MethodDef::method("__hash__", value_hash),
    MethodDef::method("__eq__", cmp_eq),
    MethodDef::method("__ne__", cmp_ne),
    MethodDef::method("__lt__", cmp_lt),
    MethodDef::method("__le__", cmp_le),
    MethodDef::method("__gt__", cmp_gt),
    MethodDef::method("__ge__", cmp_ge),
    MethodDef::method("__format__", value_format),
];

/// The container dunders of str, tuple and bytes.
const SEQUENCE_METHODS: &[MethodDef] = &[
    MethodDef::method("__getitem__", container_getitem),
    MethodDef::method("__len__", container_len),
    MethodDef::method("__contains__", container_contains),
    MethodDef::method("__iter__", container_iter),
];

const NUMBER_METHODS: &[MethodDef] = &[
    MethodDef::method("__add__", num_add),
    MethodDef::method("__radd__", num_radd),
    MethodDef::method("__sub__", num_sub),
    MethodDef::method("__rsub__", num_rsub),
    MethodDef::method("__mul__", num_mul),
    MethodDef::method("__rmul__", num_rmul),
    MethodDef::method("__truediv__", num_truediv),
    MethodDef::method("__floordiv__", num_floordiv),
    MethodDef::method("__mod__", num_mod),
    MethodDef::method("__pow__", num_pow),
    MethodDef::method("__neg__", num_neg),
    MethodDef::method("__index__", int_index),
    MethodDef::method("__int__", int_index),
];

const CONVERSION_METHODS: &[MethodDef] = &[
    MethodDef::method("__float__", value_float),
    MethodDef::method("__int__", value_int),
];

/// Picks one builtin type out of `Types`.
type TypePick = fn(&Types) -> &ObjRef;

const VALUE_NEW: [(TypePick, MethodDef); 5] = [
    (|t| &t.int, MethodDef::staticmethod("__new__", int_new)),
    (|t| &t.float, MethodDef::staticmethod("__new__", float_new)),
    (|t| &t.str_, MethodDef::staticmethod("__new__", str_new)),
    (|t| &t.tuple, MethodDef::staticmethod("__new__", tuple_new)),
    (|t| &t.bytes, MethodDef::staticmethod("__new__", bytes_new)),
];

pub fn install(types: &Types) {
    for (ty, def) in VALUE_NEW {
        add_methods(types, ty(types), &[def]);
    }
    add_methods(types, &types.object, OBJECT_METHODS);
    add_methods(types, &types.object, super::object_reduce::METHODS);
    add_methods(types, &types.set, super::object_reduce::SET_METHODS);
    add_methods(types, &types.frozenset, super::object_reduce::SET_METHODS);
    add_methods(types, &types.type_, TYPE_METHODS);
    add_methods(types, &types.exc.base_exception, EXCEPTION_METHODS);
    add_methods(types, &types.list, LIST_METHODS);
    add_methods(types, &types.dict, DICT_METHODS);
    let (int, float, str_) = (&types.int, &types.float, &types.str_);
    let (tuple, bytes, list) = (&types.tuple, &types.bytes, &types.list);
    for t in [int, float, str_, tuple, bytes] {
        add_methods(types, t, VALUE_METHODS);
    }
    for t in [str_, tuple, bytes] {
        add_methods(types, t, SEQUENCE_METHODS);
    }
    add_methods(types, int, NUMBER_METHODS);
    add_methods(types, int, &CONVERSION_METHODS[..1]);
    add_methods(types, float, CONVERSION_METHODS);
    add_methods(types, float, &NUMBER_METHODS[..11]);
    // Sequences: + (no __radd__), * both ways; str also has %.
    for t in [str_, tuple, bytes, list] {
        add_methods(types, t, &NUMBER_METHODS[..1]);
        add_methods(types, t, &NUMBER_METHODS[4..6]);
    }
    add_methods(types, str_, &NUMBER_METHODS[8..9]);
    add_methods(types, bytes, &NUMBER_METHODS[8..9]);
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Value> {
    args.args
        .first()
        .ok_or_else(|| vm.type_error("descriptor needs an argument"))
}

fn no_kwargs(vm: &Vm, name: &str, args: &Args) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn arg_type(vm: &Vm, v: &Value, what: &str) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(o) if matches!(o.payload, Payload::Type(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "{what}(X): X is not a type object ({})",
            vm.type_name(v)
        ))),
    }
}

/// Whether `ty`'s `name` is the one `object` itself defines.
fn is_object_slot(vm: &Vm, ty: &ObjRef, name: &str) -> bool {
    let mine = dict_get_str(&vm.types().object.payload_type().dict, name);
    match (vm.lookup_type(ty, name), mine) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

// ----- object -----

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(first) = args.args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let cls = arg_type(vm, first, "object.__new__")?;
    let excess = args.args.len() > 1;
    if excess {
        if !is_object_slot(vm, &cls, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if is_object_slot(vm, &cls, "__init__") {
            return Err(vm.type_error(format!(
                "{}() takes no arguments",
                cls.payload_type().name.get()
            )));
        }
    }
    if cls.payload_type().heap_type && vm.class_cache(&cls).abstract_ {
        return Err(vm.abstract_instantiation_error(&cls));
    }
    let t = cls.payload_type();
    if t.base_kind != BaseKind::Object {
        let base = t
            .mro
            .get()
            .iter()
            .find(|b| !b.payload_type().heap_type)
            .map(|b| b.payload_type().name.cloned())
            .unwrap_or_default();
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {base}.__new__()",
            t.name.get()
        )));
    }
    Ok(vm.new_object_instance(&cls))
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    if args.args.len() > 1 {
        let ty = vm.type_of(me).clone();
        if !is_object_slot(vm, &ty, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if is_object_slot(vm, &ty, "__new__") {
            return Err(vm.type_error(format!(
                "{}() takes no arguments",
                ty.payload_type().name.get()
            )));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let ty = vm.type_of(me).clone();
    let q = ty.payload_type().qualname.cloned();
    let addr = me.as_obj().map_or(0, |o| o.addr());
    let s = match vm.type_module_name(&ty).as_deref() {
        Some("builtins") | None => format!("<{q} object at {addr:#x}>"),
        Some(m) => format!("<{m}.{q} object at {addr:#x}>"),
    };
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    vm.repr(&me)
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos() {
        [a, b] => Ok(if a.is(b) {
            Value::Bool(true)
        } else {
            vm.not_implemented()
        }),
        _ => Err(vm.type_error("expected 1 argument")),
    }
}

/// `object.__ne__`: the inverse of `__eq__` unless that is NotImplemented.
fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let ty = vm.type_of(a).clone();
    let r = match vm.lookup_type(&ty, "__eq__") {
        Some(eq) => vm.call_method_value(&eq, a, std::slice::from_ref(b))?,
        None => vm.not_implemented(),
    };
    if vm.is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.is_true(&r)?))
}

fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let a = me.as_obj().map_or(0, |o| o.addr());
    Ok(Value::Int(a.rotate_right(4) as i64))
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me, spec] = args.pos() else {
        return Err(vm.type_error("__format__() takes exactly one argument"));
    };
    let Some(s) = spec.as_str() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if !s.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(me)
        )));
    }
    let me = me.clone();
    vm.to_str(&me)
}

fn name_arg(vm: &Vm, v: &Value) -> PyResult<String> {
    v.as_str().map(str::to_string).ok_or_else(|| {
        vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me, name] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let n = name_arg(vm, name)?;
    let me = me.clone();
    match vm.object_generic_getattr(&me, &n)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&me, &n)),
    }
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me, name, value] = args.pos() else {
        return Err(vm.type_error("expected 2 arguments"));
    };
    let n = name_arg(vm, name)?;
    let me = me.clone();
    vm.generic_setattr(&me, &n, Some(value.clone()))?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me, name] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let n = name_arg(vm, name)?;
    let me = me.clone();
    vm.generic_setattr(&me, &n, None)?;
    Ok(Value::None)
}

fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() || args.pos().len() > 1 {
        let cls = this(vm, &args)?;
        let name = match cls.payload() {
            Some(Payload::Type(t)) => t.name.cloned(),
            _ => "object".into(),
        };
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

fn object_subclasshook(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

/// Names of `d`'s str keys, appended to `out` unless already there.
/// The names of a type's computed attributes (getset and member
/// descriptors), which live outside the type dicts.
fn merge_getsets(
    vm: &Vm,
    t: &ObjRef,
    out: &mut Vec<Value>,
    seen: &mut std::collections::HashSet<String>,
) {
    for name in crate::builtins::more::getset_names(vm, t) {
        if seen.insert(name.to_string()) {
            out.push(vm.new_str(*name));
        }
    }
}

fn merge_keys(d: &ObjRef, out: &mut Vec<Value>, seen: &mut std::collections::HashSet<String>) {
    for (k, _) in Vm::dict_items(d) {
        if let Some(s) = k.as_str() {
            if seen.insert(s.to_string()) {
                out.push(k.clone());
            }
        }
    }
}

/// `object.__dir__`: the instance dict, then the attributes of its class
/// and the class's bases.
fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if let Some(o) = me.as_obj() {
        match &o.payload {
            Payload::Module(m) => merge_keys(&m.dict, &mut out, &mut seen),
            _ => {
                if let Some(d) = o.dict.get().clone() {
                    if !matches!(o.payload, Payload::Slots(_))
                        || vm.type_has_instance_dict(o.class())
                    {
                        merge_keys(&d, &mut out, &mut seen);
                    }
                }
            }
        }
    }
    if !matches!(me.payload(), Some(Payload::Module(_))) {
        for t in vm.type_of(me).payload_type().mro.get().clone().iter() {
            merge_keys(&t.payload_type().dict, &mut out, &mut seen);
            merge_getsets(vm, t, &mut out, &mut seen);
        }
    }
    Ok(vm.new_list(out))
}

// ----- type -----

/// `type.__dir__`: the attributes of the class and its bases (not of the
/// metaclass).
fn type_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = arg_type(vm, this(vm, &args)?, "type.__dir__")?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for t in cls.payload_type().mro.get().clone().iter() {
        merge_keys(&t.payload_type().dict, &mut out, &mut seen);
        merge_getsets(vm, t, &mut out, &mut seen);
    }
    Ok(vm.new_list(out))
}

fn type_new_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(first) = args.args.first() else {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    };
    let meta = arg_type(vm, first, "type.__new__")?;
    if !crate::vm::is_subtype(&meta, &vm.types().type_) {
        return Err(vm.type_error(format!(
            "type.__new__({}): {} is not a subtype of type",
            meta.payload_type().name.get(),
            meta.payload_type().name.get()
        )));
    }
    vm.type_new(
        &meta,
        Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
    )
}

fn type_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.pos().len();
    if n != 2 && n != 4 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

fn type_call_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = arg_type(vm, this(vm, &args)?, "type.__call__")?;
    let rest = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    if cls.payload_type().heap_type || cls.is(&vm.types().type_) {
        return vm.type_call(&cls, rest);
    }
    crate::builtins_types::call_type(vm, &cls, rest)
}

fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict()))
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = arg_type(vm, this(vm, &args)?, "type.mro")?;
    let items = cls
        .payload_type()
        .mro
        .get()
        .iter()
        .map(|t| Value::Obj(t.clone()))
        .collect();
    Ok(vm.new_list(items))
}

fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = arg_type(vm, this(vm, &args)?, "type.__subclasses__")?;
    if args.pos().len() > 1 {
        return Err(vm.type_error(format!(
            "{}.__subclasses__() takes no arguments ({} given)",
            cls.payload_type().name.get(),
            args.pos().len() - 1
        )));
    }
    let items = crate::runtime::gc::subclasses_of(&cls)
        .into_iter()
        .map(Value::Obj)
        .collect();
    Ok(vm.new_list(items))
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, inst] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let cls = arg_type(vm, cls, "__instancecheck__")?;
    Ok(Value::Bool(crate::vm::is_subtype(vm.type_of(inst), &cls)))
}

fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, sub] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let cls = arg_type(vm, cls, "__subclasscheck__")?;
    let sub = match sub.as_obj() {
        Some(o) if matches!(o.payload, Payload::Type(_)) => o.clone(),
        _ => return Err(vm.type_error("issubclass() arg 1 must be a class")),
    };
    Ok(Value::Bool(crate::vm::is_subtype(&sub, &cls)))
}

// ----- builtin types, for their subclasses -----

/// `int.__new__(cls, ...)`, `list.__new__(cls)`, ...: the solid base's new.
fn builtin_new_method(vm: &mut Vm, args: Args, owner: TypePick) -> PyResult<Value> {
    let owner = owner(vm.types());
    let oname = owner.payload_type().name.cloned();
    let Some(first) = args.args.first() else {
        return Err(vm.type_error(format!("{oname}.__new__(): not enough arguments")));
    };
    let cls = arg_type(vm, first, &format!("{oname}.__new__"))?;
    if !crate::vm::is_subtype(&cls, owner) {
        let cn = cls.payload_type().name.cloned();
        return Err(vm.type_error(format!(
            "{oname}.__new__({cn}): {cn} is not a subtype of {oname}"
        )));
    }
    vm.builtin_new(
        &cls,
        Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
    )
}

fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.int)
}
fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.float)
}
fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.str_)
}
fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.tuple)
}
fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.bytes)
}
fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.list)
}
fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.dict)
}
fn exception_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    builtin_new_method(vm, args, |t| &t.exc.base_exception)
}

fn exception_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some(o) = me
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Exception(_)))
    else {
        return Err(vm.type_error("descriptor '__str__' requires a 'BaseException' object"));
    };
    let o = o.clone();
    let s = crate::objects::exception::exception_str(vm, &o)?;
    Ok(vm.new_str(s))
}

fn exception_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me, tb] = args.pos() else {
        return Err(vm.type_error("with_traceback() takes exactly one argument"));
    };
    if let Some(Payload::Exception(e)) = me.payload() {
        drop(e.traceback.replace(tb.clone()));
    }
    Ok(me.clone())
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    no_kwargs(vm, "list", &args)?;
    let Some(Payload::List(l)) = me.payload() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'list' object"));
    };
    let items = match &args.pos()[1..] {
        [] => Vec::new(),
        [src] => vm.iterate(src)?,
        more => {
            return Err(vm.type_error(format!(
                "list expected at most 1 argument, got {}",
                more.len()
            )))
        }
    };
    let old = l.replace(items);
    drop(old);
    Ok(Value::None)
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let Some(d) = me
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)))
        .cloned()
    else {
        return Err(vm.type_error("descriptor '__init__' requires a 'dict' object"));
    };
    // dict.update does the work; look it up on dict itself so a subclass's
    // own `update` is not called.
    let update = dict_get_str(&vm.types().dict.payload_type().dict, "update")
        .ok_or_else(|| vm.system_error("dict.update missing"))?;
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let _ = d;
    vm.call_args(&update, args)?;
    Ok(Value::None)
}

/// A plain builtin value with the same contents as `v` (an instance of a
/// subclass of int, float, str, tuple, bytes, list or dict).
fn plain(vm: &Vm, v: &Value) -> Value {
    let Some(o) = v.as_obj() else {
        return v.clone();
    };
    if !o.class().payload_type().heap_type {
        return v.clone();
    }
    match &o.payload {
        Payload::Int(b) => vm.new_bigint(b.clone()),
        Payload::Float(f) => Value::Float(*f),
        Payload::Str(s) => vm.new_str(s.as_str()),
        Payload::Tuple(t) => vm.new_tuple(t.clone()),
        Payload::Bytes(b) => vm.new_bytes(b.clone()),
        Payload::List(l) => vm.new_list(l.get().clone()),
        _ => v.clone(),
    }
}

fn mutable(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::List(_) | Payload::Dict(_)))
}

fn two<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    match args.pos() {
        [a, b] => Ok((a, b)),
        _ => Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            args.pos().len().saturating_sub(1)
        ))),
    }
}

fn container_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, k) = two(vm, &args)?;
    if mutable(me) {
        return without_override(|| vm.getitem(me, k));
    }
    let p = plain(vm, me);
    vm.getitem(&p, k)
}

fn container_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me, k, v] = args.pos() else {
        return Err(vm.type_error("expected 2 arguments"));
    };
    without_override(|| vm.setitem(me, k, v.clone()))?;
    Ok(Value::None)
}

fn container_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, k) = two(vm, &args)?;
    without_override(|| vm.delitem(me, k))?;
    Ok(Value::None)
}

fn container_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let n = if mutable(me) {
        without_override(|| vm.len(me))?
    } else {
        let p = plain(vm, me);
        vm.len(&p)?
    };
    Ok(Value::Int(n as i64))
}

fn container_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, k) = two(vm, &args)?;
    let r = if mutable(me) {
        without_override(|| vm.contains(me, k))?
    } else {
        let p = plain(vm, me);
        vm.contains(&p, k)?
    };
    Ok(Value::Bool(r))
}

fn container_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    if mutable(me) {
        return without_override(|| vm.iter(me));
    }
    let p = plain(vm, me);
    vm.iter(&p)
}

fn value_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    if matches!(me.payload(), Some(Payload::Dict(_))) {
        return without_override(|| vm.repr(me));
    }
    let p = plain(vm, me);
    vm.repr(&p)
}

fn value_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let p = plain(vm, me);
    vm.to_str(&p)
}

fn value_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, spec) = two(vm, &args)?;
    let Some(spec) = spec.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        )));
    };
    let p = plain(vm, me);
    let s = crate::format::format_value(vm, &p, &spec)?;
    Ok(vm.new_str(s))
}

fn value_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let p = plain(vm, me);
    let h = vm.hash(&p)?;
    Ok(Value::Int(h))
}

fn compare(vm: &mut Vm, args: Args, op: CompareOp) -> PyResult<Value> {
    let (me, other) = two(vm, &args)?;
    let a = plain(vm, me);
    if matches!(me.payload(), Some(Payload::Dict(_))) {
        return without_override(|| vm.rich_compare(me, other, op));
    }
    let b = plain(vm, other);
    let same_kind = std::mem::discriminant(&a) == std::mem::discriminant(&b)
        && match (a.payload(), b.payload()) {
            (Some(x), Some(y)) => std::mem::discriminant(x) == std::mem::discriminant(y),
            _ => true,
        };
    let numeric = |v: &Value| {
        matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_))
            || matches!(v.payload(), Some(Payload::Int(_)))
    };
    let comparable = same_kind || (numeric(&a) && numeric(&b));
    if !comparable {
        return Ok(vm.not_implemented());
    }
    vm.rich_compare(&a, &b, op)
}

fn cmp_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Eq)
}
fn cmp_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ne)
}
fn cmp_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Lt)
}
fn cmp_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Le)
}
fn cmp_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Gt)
}
fn cmp_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ge)
}

/// `int.__add__(self, other)` and friends: the builtin operation on plain
/// values, NotImplemented when the builtin does not apply.
fn arith(vm: &mut Vm, args: Args, op: u32, reflected: bool) -> PyResult<Value> {
    let (me, other) = two(vm, &args)?;
    let (a, b) = (plain(vm, me), plain(vm, other));
    let other_heap = other.as_obj().is_some_and(|o| {
        o.class().payload_type().heap_type
            && matches!(o.payload, Payload::Instance | Payload::Slots(_))
    });
    if other_heap {
        return Ok(vm.not_implemented());
    }
    let r = if reflected {
        vm.binary_op(&b, &a, op)
    } else {
        vm.binary_op(&a, &b, op)
    };
    match r {
        Err(e)
            if vm.err_matches(&e, &vm.types().exc.type_error)
                && (std::mem::discriminant(&a) != std::mem::discriminant(&b)
                    || a.payload().map(std::mem::discriminant)
                        != b.payload().map(std::mem::discriminant)) =>
        {
            Ok(vm.not_implemented())
        }
        r => r,
    }
}

fn num_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::ADD, false)
}
fn num_radd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::ADD, true)
}
fn num_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::SUBTRACT, false)
}
fn num_rsub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::SUBTRACT, true)
}
fn num_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::MULTIPLY, false)
}
fn num_rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::MULTIPLY, true)
}
fn num_truediv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::TRUE_DIVIDE, false)
}
fn num_floordiv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::FLOOR_DIVIDE, false)
}
fn num_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::REMAINDER, false)
}
fn num_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arith(vm, args, nb::POWER, false)
}

fn num_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let p = plain(vm, me);
    vm.neg(&p)
}

fn value_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let p = plain(vm, me);
    let float = vm.types().float.clone();
    crate::builtins_types::call_type(vm, &float, Args::positional(&[p]))
}

fn value_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let p = plain(vm, me);
    let int = vm.types().int.clone();
    crate::builtins_types::call_type(vm, &int, Args::positional(&[p]))
}

fn int_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    Ok(plain(vm, me))
}
