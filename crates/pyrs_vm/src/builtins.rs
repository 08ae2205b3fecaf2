//! The `builtins` module: its functions (Python/bltinmodule.c) and the names of
//! the builtin types and exceptions.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::int::IntRef;
use crate::objects::module::ModuleData;
use crate::objects::native::{Args, MethodDef, NativeFunction};
use crate::protocol::dict::{dict_set_str_raw, new_dict_raw};
use crate::protocol::object::as_int;
use crate::runtime::types::Types;
use crate::value::Value;
use crate::vm::Vm;
use std::io::Write;

pub(crate) mod more;

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("print", builtin_print),
    MethodDef::method("len", builtin_len),
    MethodDef::method("repr", builtin_repr),
    MethodDef::method("ascii", builtin_ascii),
    MethodDef::method("isinstance", builtin_isinstance),
    MethodDef::method("issubclass", builtin_issubclass),
    MethodDef::method("abs", builtin_abs),
    MethodDef::method("min", builtin_min),
    MethodDef::method("max", builtin_max),
    MethodDef::method("sum", builtin_sum),
    MethodDef::method("hash", builtin_hash),
    MethodDef::method("id", builtin_id),
    MethodDef::method("iter", builtin_iter),
    MethodDef::method("next", builtin_next),
    MethodDef::method("aiter", |vm, a| {
        crate::objects::async_gen::builtin_aiter(vm, fargs(&a))
    }),
    MethodDef::method("anext", |vm, a| {
        crate::objects::async_gen::builtin_anext(vm, fargs(&a))
    }),
    MethodDef::method("getattr", builtin_getattr),
    MethodDef::method("setattr", builtin_setattr),
    MethodDef::method("hasattr", builtin_hasattr),
    MethodDef::method("chr", builtin_chr),
    MethodDef::method("ord", builtin_ord),
    MethodDef::method("divmod", builtin_divmod),
    MethodDef::method("callable", builtin_callable),
    MethodDef::method("globals", builtin_globals),
    MethodDef::method("__import__", builtin_import),
];

/// Make the `builtins` module (its dict is every frame's `f_builtins`).
pub fn make_module(types: &Types) -> (ObjRef, ObjRef) {
    let dict = new_dict_raw(types);
    let module = ObjRef::new(
        &types.module,
        Payload::Module(ModuleData { dict: dict.clone() }),
    );
    let s = |v: &str| crate::objects::code::str_obj(types, v);
    dict_set_str_raw(types, &dict, "__name__", s("builtins"));
    dict_set_str_raw(types, &dict, "__doc__", Value::None);
    for def in FUNCTIONS.iter().chain(more::FUNCTIONS) {
        let f = ObjRef::new(
            &types.builtin_function,
            Payload::NativeFunction(NativeFunction {
                def: *def,
                self_: Some(Value::Obj(module.clone())),
                owner: None,
            }),
        );
        dict_set_str_raw(types, &dict, def.name, Value::Obj(f));
    }
    let type_names: &[(&str, &ObjRef)] = &[
        ("object", &types.object),
        ("type", &types.type_),
        ("int", &types.int),
        ("bool", &types.bool_),
        ("float", &types.float),
        ("str", &types.str_),
        ("bytes", &types.bytes),
        ("tuple", &types.tuple),
        ("list", &types.list),
        ("dict", &types.dict),
        ("range", &types.range),
        ("set", &types.set),
        ("frozenset", &types.frozenset),
        ("bytearray", &types.bytearray),
        ("complex", &types.complex),
        ("slice", &types.slice),
        ("memoryview", &types.memoryview),
        ("enumerate", &types.enumerate),
        ("zip", &types.zip),
        ("map", &types.map),
        ("filter", &types.filter),
        ("reversed", &types.reversed),
    ];
    for &(name, t) in type_names {
        dict_set_str_raw(types, &dict, name, Value::Obj(t.clone()));
    }
    for (name, t) in types.exc.all() {
        dict_set_str_raw(types, &dict, name, Value::Obj(t.clone()));
    }
    // The aliases PEP 3151 kept.
    for alias in ["IOError", "EnvironmentError"] {
        dict_set_str_raw(types, &dict, alias, Value::Obj(types.exc.os_error.clone()));
    }
    dict_set_str_raw(types, &dict, "None", Value::None);
    dict_set_str_raw(types, &dict, "True", Value::Bool(true));
    dict_set_str_raw(types, &dict, "False", Value::Bool(false));
    dict_set_str_raw(
        types,
        &dict,
        "NotImplemented",
        Value::Obj(types.not_implemented_value.clone()),
    );
    dict_set_str_raw(
        types,
        &dict,
        "Ellipsis",
        Value::Obj(types.ellipsis_value.clone()),
    );
    dict_set_str_raw(types, &dict, "__debug__", Value::Bool(true));
    (module, dict)
}

/// Check the positional count of a builtin and reject keywords it does not take.
pub fn check_args(vm: &Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos().len();
    if n < min || n > max {
        return Err(vm.type_error(if min == max {
            if min == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        }));
    }
    Ok(())
}

/// The arguments after the bound module (`args[0]` of a module function).
fn fargs<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    }
}

fn builtin_print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in args.kwargs() {
        match k {
            "sep" | "end" => {
                let s = match v {
                    Value::None => {
                        if k == "sep" {
                            " ".to_string()
                        } else {
                            "\n".to_string()
                        }
                    }
                    _ => match v.as_str() {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(vm.type_error(format!(
                                "{k} must be None or a string, not {}",
                                vm.type_name(v)
                            )))
                        }
                    },
                };
                if k == "sep" {
                    sep = s
                } else {
                    end = s
                }
            }
            "file" => file = v.clone(),
            "flush" => flush = vm.is_true(v)?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let mut out = String::new();
    for (i, a) in args.pos().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_string(a)?);
    }
    out.push_str(&end);
    if matches!(file, Value::None) {
        file = crate::protocol::dict::dict_get_str(&vm.interp.sys_dict, "stdout")
            .unwrap_or(Value::None);
    }
    vm.write_to_file(&file, &out)?;
    if flush {
        vm.flush_file(&file)?;
    }
    Ok(Value::None)
}

fn builtin_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "len", &args, 1, 1)?;
    let n = vm.len(&args.args[0])?;
    Ok(Value::Int(n as i64))
}

fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "repr", &args, 1, 1)?;
    vm.repr(&args.args[0])
}

/// `ascii()`'s escaping of non-ASCII characters in a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn builtin_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "ascii", &args, 1, 1)?;
    let r = vm.repr_string(&args.args[0])?;
    Ok(vm.new_str(ascii_escape(&r)))
}

fn builtin_isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "isinstance", &args, 2, 2)?;
    // With __instancecheck__: builtins_class.rs.
    let r = vm.object_isinstance(&args.args[0], &args.args[1])?;
    Ok(Value::Bool(r))
}

fn builtin_issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "issubclass", &args, 2, 2)?;
    let r = vm.object_issubclass(&args.args[0], &args.args[1])?;
    Ok(Value::Bool(r))
}

fn builtin_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "abs", &args, 1, 1)?;
    let v = &args.args[0];
    if let Some(i) = as_int(v) {
        return Ok(vm.new_int(crate::objects::int::abs(&i)));
    }
    if let Value::Float(f) = v {
        return Ok(Value::Float(f.abs()));
    }
    let ty = vm.type_of(v).clone();
    match vm.lookup_type(&ty, "__abs__") {
        Some(m) => vm.call_method_value(&m, v, &[]),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    }
}

fn min_max(
    vm: &mut Vm,
    args: Args,
    name: &str,
    op: crate::protocol::object::CompareOp,
) -> PyResult<Value> {
    let args = fargs(&args);
    let mut key = Value::None;
    let mut default = None;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    let pos = args.pos();
    let items = match pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iterate(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = if matches!(key, Value::None) {
            item.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&item))?
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let r = vm.rich_compare(&k, bk, op)?;
                vm.is_true(&r)?
            }
        };
        if better {
            best = Some((k, item));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn builtin_min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", crate::protocol::object::CompareOp::Lt)
}

fn builtin_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", crate::protocol::object::CompareOp::Gt)
}

fn builtin_sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    let pos = args.pos();
    let mut start = Value::Int(0);
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    if pos.len() == 2 {
        start = pos[1].clone();
    }
    for (k, v) in args.kwargs() {
        if k == "start" {
            start = v.clone();
        } else {
            return Err(vm.type_error(format!("sum() got an unexpected keyword argument '{k}'")));
        }
    }
    if start.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    match start.payload() {
        Some(Payload::Bytes(_)) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        Some(Payload::ByteArray(_)) => {
            return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = vm.iter(&pos[0])?;
    let mut acc = start;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, pyrs_bytecode::opcode::nb::ADD)?;
    }
    Ok(acc)
}

fn builtin_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "hash", &args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args.args[0])?))
}

fn builtin_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "id", &args, 1, 1)?;
    Ok(match &args.args[0] {
        Value::Obj(o) => Value::Int(o.addr() as i64),
        // Inline values have no address; a stable value-derived id keeps
        // `id(x) == id(x)` true, as for CPython's cached small objects.
        other => Value::Int(vm.hash(other)? & 0x7fff_ffff_ffff),
    })
}

fn builtin_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "iter", &args, 1, 1)?;
    vm.iter(&args.args[0])
}

fn builtin_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "next", &args, 1, 2)?;
    let it = &args.args[0];
    if !matches!(it.payload(), Some(Payload::Iterator(_)))
        && vm
            .lookup_type(&vm.type_of(it).clone(), "__next__")
            .is_none()
    {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if let Some(Payload::Generator(_)) = it.payload() {
        // A generator's return value travels in the StopIteration.
        return match vm.gen_send(it, Value::None, None)? {
            crate::objects::generator::GenResult::Yield(v) => Ok(v),
            crate::objects::generator::GenResult::Return(v) => match args.args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration_with(v)),
            },
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration()),
        },
    }
}

fn builtin_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "getattr", &args, 2, 3)?;
    let name = args.args[1]
        .as_str()
        .ok_or_else(|| vm.type_error("attribute name must be string"))?
        .to_string();
    // A class's own AttributeError (from a property or __getattr__) counts
    // as missing when there is a default.
    let obj = &args.args[0];
    match vm.try_getattr(obj, &name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.attribute_error_context(vm.no_attribute(obj, &name), obj, &name)),
        },
        Err(e) => match args.args.get(2) {
            Some(d) if vm.err_matches(&e, &vm.types().exc.attribute_error) => Ok(d.clone()),
            _ => Err(vm.attribute_error_context(e, obj, &name)),
        },
    }
}

fn builtin_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "setattr", &args, 3, 3)?;
    let name = args.args[1]
        .as_str()
        .ok_or_else(|| vm.type_error("attribute name must be string"))?
        .to_string();
    vm.setattr(&args.args[0], &name, args.args[2].clone())?;
    Ok(Value::None)
}

fn builtin_hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "hasattr", &args, 2, 2)?;
    let name = args.args[1]
        .as_str()
        .ok_or_else(|| vm.type_error("attribute name must be string"))?
        .to_string();
    match vm.try_getattr(&args.args[0], &name) {
        Ok(r) => Ok(Value::Bool(r.is_some())),
        Err(e) if vm.err_matches(&e, &vm.types().exc.attribute_error) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn builtin_chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "chr", &args, 1, 1)?;
    let Some(i) = as_int(&args.args[0]) else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args.args[0])
        )));
    };
    let n = num_traits::ToPrimitive::to_i64(i.to_big().as_ref()).unwrap_or(-1);
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.new_str(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "ord", &args, 1, 1)?;
    let v = &args.args[0];
    match v.payload() {
        Some(Payload::Str(s)) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(s.char_at(0).map_or(0, |c| c as i64)))
        }
        Some(Payload::Bytes(b)) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        _ => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        ))),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "divmod", &args, 2, 2)?;
    let (a, b) = (&args.args[0], &args.args[1]);
    let q = vm.binary_op(a, b, pyrs_bytecode::opcode::nb::FLOOR_DIVIDE)?;
    let r = vm.binary_op(a, b, pyrs_bytecode::opcode::nb::REMAINDER)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn builtin_callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "callable", &args, 1, 1)?;
    Ok(Value::Bool(vm.is_callable(&args.args[0])))
}

impl Vm {
    /// `callable(v)`: a function, method or type, or an instance whose type
    /// has `__call__`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v.payload() {
            Some(
                Payload::Function(_)
                | Payload::NativeFunction(_)
                | Payload::BoundMethod { .. }
                | Payload::Type(_),
            ) => true,
            _ => self
                .lookup_type(&self.type_of(v).clone(), "__call__")
                .is_some(),
        }
    }
}

fn builtin_globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    check_args(vm, "globals", &args, 0, 0)?;
    match vm.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(Value::None),
    }
}

impl Vm {
    /// Write text to a file object: the standard streams directly, anything
    /// else through its `write` method.
    pub fn write_to_file(&mut self, file: &Value, s: &str) -> PyResult<()> {
        if let Some(Payload::Singleton(which)) = file.payload() {
            let r = match *which {
                "<stdout>" | "<stdout.buffer>" => {
                    crate::sysmodule::with_stdout(self.interp.config.unbuffered, |out| {
                        out.write_all(s.as_bytes())
                    })
                }
                "<stderr>" | "<stderr.buffer>" => {
                    self.flush_stdout();
                    std::io::stderr().write_all(s.as_bytes())
                }
                _ => Ok(()),
            };
            return r.map_err(|e| self.os_error_io(&e, None));
        }
        let w = self.getattr_str(file, "write")?;
        let sv = self.new_str(s);
        self.call(&w, &[sv])?;
        Ok(())
    }

    pub fn flush_file(&mut self, file: &Value) -> PyResult<()> {
        if let Some(Payload::Singleton(_)) = file.payload() {
            self.flush_stdout();
            return Ok(());
        }
        let f = self.getattr_str(file, "flush")?;
        self.call(&f, &[])?;
        Ok(())
    }

    pub fn flush_stdout(&self) {
        let _ = crate::sysmodule::with_stdout(false, |out| out.flush());
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        let s = crate::format::format_value(self, v, spec)?;
        Ok(self.new_str(s))
    }

    /// An int argument as i64 (`__index__`).
    pub fn to_i64(&self, v: &Value, what: &str) -> PyResult<i64> {
        match as_int(v) {
            Some(IntRef::Small(i)) => Ok(i),
            // An int subclass instance (an IntEnum member) holds even a
            // small value in the big form.
            Some(IntRef::Big(b)) => num_traits::ToPrimitive::to_i64(b).ok_or_else(|| {
                self.overflow_error(format!("Python int too large to convert to C long{what}"))
            }),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub(crate) fn builtin_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = fargs(&args);
    let names = ["name", "globals", "locals", "fromlist", "level"];
    let mut vals: [Option<Value>; 5] = Default::default();
    for (i, v) in args.pos().iter().enumerate() {
        if i >= 5 {
            return Err(vm.type_error(format!(
                "__import__() takes at most 5 arguments ({} given)",
                args.pos().len()
            )));
        }
        vals[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) => vals[i] = Some(v.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "__import__() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let Some(name) = vals[0].clone() else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(n) = name.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "__import__() argument 1 must be str, not {}",
            vm.type_name(&name)
        )));
    };
    let globals = vals[1].clone().and_then(|g| {
        g.as_obj()
            .filter(|d| matches!(d.payload, Payload::Dict(_)))
            .cloned()
    });
    let fromlist = vals[3].clone().unwrap_or(Value::None);
    let level = match &vals[4] {
        Some(l) => vm.to_i64(l, "")?,
        None => 0,
    };
    vm.import_module_level(&n, globals.as_ref(), &fromlist, level)
}
