//! `_ast` (Python/Python-ast.c): the AST node classes that Lib/ast.py
//! re-exports, declared once in the generated table `nodes.rs`, with
//! `AST.__init__` (positional fields, keywords) and `__reduce__` as CPython
//! defines them. Their `__module__` is `ast`, as in CPython.

mod nodes;

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::native::{Args, MethodDef};
use crate::objects::type_::BaseKind;
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::runtime::types::new_module_class;
use crate::value::Value;
use crate::vm::Vm;
use nodes::NODES;

/// The compile() flags ast.py passes (Include/cpython/compile.h).
pub const PY_CF_ONLY_AST: i64 = 0x400;
pub const PY_CF_TYPE_COMMENTS: i64 = 0x1000;
pub const PY_CF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

const AST_METHODS: &[MethodDef] = &[
    MethodDef::method("__init__", ast_init),
    MethodDef::method("__reduce__", ast_reduce),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let types = vm.types();
    let str_tuple = |items: &[&str]| {
        let v: Vec<Value> = items.iter().map(|s| vm.new_str(*s)).collect();
        vm.new_tuple(v)
    };
    let mut made: Vec<(&'static str, ObjRef)> = Vec::with_capacity(NODES.len());
    for node in NODES {
        let base = node
            .base
            .and_then(|b| made.iter().find(|(n, _)| *n == b).map(|(_, c)| c.clone()));
        let methods = if node.base.is_none() {
            AST_METHODS
        } else {
            &[]
        };
        let cls = new_module_class(
            types,
            "ast",
            node.name,
            base.as_ref(),
            BaseKind::Object,
            methods,
        );
        let d = &cls.payload_type().dict;
        dict_set_str_raw(types, d, "_fields", str_tuple(node.fields));
        dict_set_str_raw(types, d, "__match_args__", str_tuple(node.fields));
        let inherited = base
            .as_ref()
            .and_then(|b| dict_get_str(&b.payload_type().dict, "_attributes"))
            .and_then(|a| a.as_tuple().map(|t| t.len()))
            .unwrap_or(0);
        if node.base.is_none() || !node.attributes.is_empty() && inherited == 0 {
            dict_set_str_raw(types, d, "_attributes", str_tuple(node.attributes));
            for a in node.attributes.iter().filter(|a| a.starts_with("end_")) {
                dict_set_str_raw(types, d, a, Value::None);
            }
        }
        for f in node.optional {
            dict_set_str_raw(types, d, f, Value::None);
        }
        let doc = node.doc.map_or(Value::None, |s| vm.new_str(s));
        dict_set_str_raw(types, d, "__doc__", doc);
        super::set_attr(vm, module, node.name, Value::Obj(cls.clone()));
        made.push((node.name, cls));
    }
    for (name, flag) in [
        ("PyCF_ONLY_AST", PY_CF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PY_CF_TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PY_CF_ALLOW_TOP_LEVEL_AWAIT),
    ] {
        super::set_attr(vm, module, name, Value::Int(flag));
    }
    Ok(())
}

/// `AST.__init__(*args, **kwargs)`: positional arguments fill `_fields` in
/// order, keywords set any attribute.
fn ast_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(me) = args.args.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'AST' object needs an argument"));
    };
    let pos = &args.pos()[1..];
    let cls = vm.type_of(&me).clone();
    let name = cls.payload_type().name.get().clone();
    let fields = vm.getattr_str(&Value::Obj(cls), "_fields")?;
    let fields = vm.iterate(&fields)?;
    if pos.len() > fields.len() {
        let s = if fields.len() == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{name} constructor takes at most {} positional argument{s}",
            fields.len()
        )));
    }
    let mut given = Vec::with_capacity(pos.len());
    for (field, value) in fields.iter().zip(pos) {
        let Some(f) = field.as_str().map(str::to_string) else {
            return Err(vm.type_error("_fields must hold str"));
        };
        vm.setattr(&me, &f, value.clone())?;
        given.push(f);
    }
    for (key, value) in args.kwargs() {
        if given.iter().any(|g| g == key) {
            return Err(vm.type_error(format!("{name} got multiple values for argument '{key}'")));
        }
        vm.setattr(&me, key, value.clone())?;
    }
    Ok(Value::None)
}

/// `(type(self), (), self.__dict__)`.
fn ast_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(me) = args.args.first().cloned() else {
        return Err(vm.type_error("descriptor '__reduce__' of 'AST' object needs an argument"));
    };
    let cls = Value::Obj(vm.type_of(&me).clone());
    let dict = match me.as_obj().map(|o| o.dict.get().clone()) {
        Some(Some(d)) => Value::Obj(d),
        _ => Value::Obj(vm.new_dict()),
    };
    let empty = vm.new_tuple(Vec::new());
    Ok(vm.new_tuple(vec![cls, empty, dict]))
}
