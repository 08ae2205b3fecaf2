//! The builtin types' Python-visible behaviour, one file per type: method
//! tables (`tp_methods`), constructors (`tp_new`), and the hooks through which
//! the abstract protocol in `protocol/` reaches the types it has no fast path
//! for (sets, bytearrays, complex numbers, dict views). Reference: Objects/*.c.

pub mod args;
pub mod builtin_function;
pub mod bytes;
pub mod code;
pub mod codecs;
pub mod complex;
pub mod dict_methods;
pub mod dunders;
pub mod file;
pub mod generic_alias;
pub mod hash;
pub mod iterators;
pub mod list_methods;
pub mod mappingproxy;
pub mod memoryview;
pub mod namespace;
pub mod numbers;
pub mod range;
pub mod set;
pub mod sort;
pub mod stdio;
pub mod str_format;
pub mod str_methods;
pub mod union;

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::iter::DictIterKind;
use crate::objects::native::Args;
use crate::objects::range::RangeData;
use crate::objects::type_::BaseKind;
use crate::protocol::object::{as_int, CompareOp};
use crate::runtime::types::{add_methods, Types};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::opcode::nb;

pub fn install_methods(types: &Types) {
    add_methods(types, &types.str_, str_methods::METHODS);
    add_methods(types, &types.list, list_methods::LIST_METHODS);
    add_methods(types, &types.tuple, list_methods::TUPLE_METHODS);
    add_methods(types, &types.dict, dict_methods::METHODS);
    add_methods(types, &types.mappingproxy, mappingproxy::METHODS);
    add_methods(types, &types.builtin_function, builtin_function::METHODS);
    for t in [&types.dict_keys, &types.dict_values, &types.dict_items] {
        add_methods(types, t, dict_methods::VIEW_METHODS);
    }
    add_methods(types, &types.set, set::SET_METHODS);
    add_methods(types, &types.frozenset, set::FROZENSET_METHODS);
    add_methods(types, &types.int, numbers::INT_METHODS);
    add_methods(types, &types.float, numbers::FLOAT_METHODS);
    add_methods(types, &types.complex, complex::METHODS);
    add_methods(types, &types.range, range::RANGE_METHODS);
    add_methods(types, &types.slice, range::SLICE_METHODS);
    bytes::install(types);
    dunders::install(types);
    for t in [
        &types.list_iterator,
        &types.tuple_iterator,
        &types.str_iterator,
        &types.str_unicode_iterator,
        &types.range_iterator,
        &types.longrange_iterator,
        &types.dict_keyiterator,
        &types.dict_valueiterator,
        &types.dict_itemiterator,
        &types.set_iterator,
        &types.enumerate,
        &types.zip,
        &types.map,
        &types.filter,
        &types.reversed,
        &types.callable_iterator,
        &types.seq_iterator,
        &types.list_reverseiterator,
        &types.bytes_iterator,
        &types.bytearray_iterator,
    ] {
        add_methods(types, t, iterators::ITER_METHODS);
    }
    for t in [
        &types.list,
        &types.dict,
        &types.tuple,
        &types.set,
        &types.frozenset,
        &types.type_,
        &types.enumerate,
    ] {
        add_methods(types, t, generic_alias::CLASS_GETITEM);
    }
    add_methods(types, &types.memoryview, memoryview::METHODS);
    add_methods(types, &types.code, code::METHODS);
    add_methods(types, &types.union_type, union::METHODS);
    add_methods(types, &types.generic_alias, generic_alias::METHODS);
    add_methods(types, &types.simple_namespace, namespace::METHODS);
    add_methods(types, &types.module, namespace::MODULE_METHODS);
    add_methods(types, &types.method, namespace::METHOD_METHODS);
    for t in [
        &types.union_type,
        &types.generic_alias,
        &types.simple_namespace,
    ] {
        let types_module = ObjRef::new(
            &types.str_,
            Payload::Str(crate::objects::str::PyStr::new("types")),
        );
        crate::protocol::dict_set_str_raw(
            types,
            &t.payload_type().dict,
            "__module__",
            Value::Obj(types_module),
        );
    }
    for t in [
        &types.text_io_wrapper,
        &types.buffered_reader,
        &types.buffered_writer,
    ] {
        add_methods(types, t, file::METHODS);
    }
    for t in [&types.buffered_reader, &types.buffered_writer] {
        add_methods(types, t, file::BINARY_METHODS);
    }
}

// ----- constructors: calling a builtin type -----

/// `cls(*args, **kwargs)` for the builtin types.
pub fn call_type(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    // Classes, metaclasses and the descriptor types: objects/class.rs.
    if let Some(r) = vm.call_type_hook(cls, args) {
        return r;
    }
    let t = vm.types();
    let pos = args.pos();
    if cls.is(&t.type_) && pos.len() == 1 && !args.has_kwargs() {
        return Ok(Value::Obj(vm.type_of(&pos[0]).clone()));
    }
    // `str(x)` is the commonest type call in loops: no argument parsing.
    if cls.is(&t.str_) && args.args.len() == 1 && args.kwnames.is_empty() {
        return vm.to_str(&args.args[0]);
    }
    // Only messages need the name: cloned when one is made.
    let name = || cls.payload_type().name.get().clone();
    let base_kind = cls.payload_type().base_kind;
    if cls.is(&t.weakref) {
        if pos.is_empty() || pos.len() > 2 {
            return Err(vm.type_error(format!(
                "__new__ expected at most 2 arguments, got {}",
                pos.len()
            )));
        }
        let cb = pos.get(1).cloned().unwrap_or(Value::None);
        return crate::modules::weakref::new_weakref(vm, cls, &pos[0], cb, false);
    }
    if base_kind == BaseKind::Exception {
        return crate::objects::exception::exception_new(vm, cls, args);
    }
    let no_kw = |vm: &Vm| {
        if args.has_kwargs() {
            Err(vm.type_error(format!("{}() takes no keyword arguments", name())))
        } else {
            Ok(())
        }
    };
    if cls.is(&t.int) {
        return int_new(vm, args);
    }
    if cls.is(&t.bool_) {
        no_kw(vm)?;
        return match pos {
            [] => Ok(Value::Bool(false)),
            [v] => Ok(Value::Bool(vm.is_true(v)?)),
            _ => Err(vm.type_error(format!(
                "bool expected at most 1 argument, got {}",
                pos.len()
            ))),
        };
    }
    if cls.is(&t.float) {
        no_kw(vm)?;
        return match pos {
            [] => Ok(Value::Float(0.0)),
            [v] => float_new(vm, v),
            _ => Err(vm.type_error(format!(
                "float expected at most 1 argument, got {}",
                pos.len()
            ))),
        };
    }
    if cls.is(&t.str_) {
        return str_new(vm, args);
    }
    if cls.is(&t.list) {
        no_kw(vm)?;
        return match pos {
            [] => Ok(vm.new_list(Vec::new())),
            [v] => {
                let items = vm.iterate(v)?;
                Ok(vm.new_list(items))
            }
            _ => Err(vm.type_error(format!(
                "list expected at most 1 argument, got {}",
                pos.len()
            ))),
        };
    }
    if cls.is(&t.tuple) {
        no_kw(vm)?;
        return match pos {
            [] => Ok(vm.new_tuple(Vec::new())),
            [v] if v.as_tuple().is_some() && v.as_obj().is_some_and(|o| o.class().is(&t.tuple)) => {
                Ok(v.clone())
            }
            [v] => {
                let items = vm.iterate(v)?;
                Ok(vm.new_tuple(items))
            }
            _ => Err(vm.type_error(format!(
                "tuple expected at most 1 argument, got {}",
                pos.len()
            ))),
        };
    }
    if cls.is(&t.dict) {
        let d = dict_methods::new_dict_object(&t.dict);
        if pos.len() > 1 {
            return Err(vm.type_error(format!(
                "dict expected at most 1 argument, got {}",
                pos.len()
            )));
        }
        if let Some(src) = pos.first() {
            dict_methods::fill_dict(vm, &d, src)?;
        }
        for (k, v) in args.kwargs() {
            let kv = vm.new_str(k);
            vm.dict_set(&d, kv, v.clone())?;
        }
        return Ok(Value::Obj(d));
    }
    if cls.is(&t.set) || cls.is(&t.frozenset) {
        return set::construct(vm, cls, args);
    }
    if cls.is(&t.bytes) || cls.is(&t.bytearray) {
        return bytes::construct(vm, cls, args);
    }
    if cls.is(&t.complex) {
        return complex::construct(vm, cls, args);
    }
    if cls.is(&t.memoryview) {
        return memoryview::construct(vm, args);
    }
    if cls.is(&t.range) {
        no_kw(vm)?;
        return range_new(vm, pos);
    }
    if cls.is(&t.slice) {
        no_kw(vm)?;
        let (a, b, c) = match pos {
            [stop] => (Value::None, stop.clone(), Value::None),
            [a, b] => (a.clone(), b.clone(), Value::None),
            [a, b, c] => (a.clone(), b.clone(), c.clone()),
            _ => {
                return Err(vm.type_error(format!(
                    "slice expected at {} {} argument{}, got {}",
                    if pos.is_empty() { "least" } else { "most" },
                    if pos.is_empty() { 1 } else { 3 },
                    if pos.is_empty() { "" } else { "s" },
                    pos.len()
                )))
            }
        };
        return Ok(Value::Obj(ObjRef::new(
            &t.slice,
            Payload::Slice(Box::new([a, b, c])),
        )));
    }
    if cls.is(&t.enumerate) {
        return iterators::enumerate_new(vm, cls, args);
    }
    if cls.is(&t.zip) {
        return iterators::zip_new(vm, cls, args);
    }
    if cls.is(&t.map) {
        return iterators::map_new(vm, cls, args);
    }
    if cls.is(&t.filter) {
        return iterators::filter_new(vm, cls, args);
    }
    if cls.is(&t.reversed) {
        return iterators::reversed_new(vm, cls, args);
    }
    if cls.is(&t.module) {
        return module_new(vm, &args);
    }
    if cls.is(&t.object) {
        if !pos.is_empty() || args.has_kwargs() {
            return Err(vm.type_error("object() takes no arguments"));
        }
        return Ok(Value::Obj(ObjRef::new(cls, Payload::Instance)));
    }
    // A native type declared by a module (`_random.Random`): its own
    // `__new__`, then `__init__`, as `type.__call__` does.
    if crate::protocol::dict::dict_get_str(&cls.payload_type().dict, "__new__").is_some() {
        return vm.type_call(cls, args);
    }
    Err(vm.type_error(format!("cannot create '{}' instances", name())))
}

/// `module(name, doc=None)` (`types.ModuleType`), as importlib's
/// `_new_module` makes modules: the five attributes every module has.
fn module_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let [name, doc] = args::bind(vm, "module", args, ["name", "doc"], 1, 0)?;
    let name = name.unwrap_or(Value::None);
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "module() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    }
    let dict = vm.new_dict();
    let t = vm.types();
    let set = |k: &str, v: Value| crate::protocol::dict::dict_set_str_raw(t, &dict, k, v);
    set("__name__", name);
    set("__doc__", doc.unwrap_or(Value::None));
    set("__package__", Value::None);
    set("__loader__", Value::None);
    set("__spec__", Value::None);
    Ok(Value::Obj(ObjRef::new(
        &t.module,
        Payload::Module(crate::objects::module::ModuleData { dict }),
    )))
}

fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [object, encoding, errors] =
        args::bind(vm, "str", &args, ["object", "encoding", "errors"], 0, 0)?;
    let Some(object) = object else {
        if encoding.is_some() || errors.is_some() {
            return Ok(vm.new_str(""));
        }
        return Ok(vm.new_str(""));
    };
    if encoding.is_none() && errors.is_none() {
        return vm.to_str(&object);
    }
    let Some(b) = bytes::bytes_like(&object) else {
        return Err(vm.type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(&object)
        )));
    };
    let enc = match &encoding {
        Some(e) => e
            .as_str()
            .ok_or_else(|| {
                vm.type_error(format!(
                    "str() argument 'encoding' must be str, not {}",
                    vm.type_name(e)
                ))
            })?
            .to_string(),
        None => "utf-8".into(),
    };
    let errs = match &errors {
        Some(e) => e.as_str().unwrap_or("strict").to_string(),
        None => "strict".into(),
    };
    let s = codecs::decode_text(vm, &b, &enc, &errs)?;
    Ok(vm.new_str(s))
}

fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let mut base: Option<Value> = pos.get(1).cloned();
    for (k, v) in args.kwargs() {
        if k == "base" {
            base = Some(v.clone());
        } else {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for int()")));
        }
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let Some(x) = pos.first() else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let text_of = |v: &Value| -> Option<String> {
        match v.payload() {
            Some(Payload::Str(s)) => Some(s.as_str().to_string()),
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                bytes::bytes_like(v).map(|b| b.iter().map(|&c| c as char).collect())
            }
            _ => None,
        }
    };
    if let Some(b) = base {
        let b = vm.index_i64(&b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let Some(s) = text_of(x) else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(vm, x, &s, b as u32);
    }
    if let Some(i) = as_int(x) {
        return Ok(match i {
            crate::objects::int::IntRef::Small(v) => Value::Int(v),
            crate::objects::int::IntRef::Big(b) => vm.new_bigint(b.clone()),
        });
    }
    if let Some(f) = numbers::float_of(x) {
        return numbers::float_to_int(vm, f);
    }
    if let Some(s) = text_of(x) {
        return parse_int(vm, x, &s, 10);
    }
    let ty = vm.type_of(x).clone();
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(m) = vm.lookup_type(&ty, name) {
            let r = vm.call_method_value(&m, x, &[])?;
            if as_int(&r).is_none() {
                return Err(vm.type_error(format!(
                    "{name} returned non-int (type {})",
                    vm.type_name(&r)
                )));
            }
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn parse_int(vm: &mut Vm, x: &Value, s: &str, base: u32) -> PyResult<Value> {
    let body = s.trim().trim_start_matches(['+', '-']);
    let prefixed = base == 0
        && body.len() > 1
        && body.starts_with('0')
        && matches!(body.as_bytes()[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B');
    let limit = vm.interp.int_max_str_digits.get();
    if limit != 0 && s.len() > limit && !base.is_power_of_two() && !prefixed {
        let digits = body.chars().filter(|&c| c != '_').count();
        if digits > limit {
            return Err(vm.value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
    }
    match crate::objects::int::parse(s, base) {
        Some(v) => Ok(vm.new_bigint(v)),
        None => {
            let r = vm.repr_string(x)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

fn float_new(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(f) = numbers::float_of(v) {
        return Ok(Value::Float(f));
    }
    if let Some(i) = as_int(v) {
        return crate::objects::int::to_f64(&i)
            .map(Value::Float)
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    let text = match v.payload() {
        Some(Payload::Str(s)) => Some(s.as_str().to_string()),
        Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
            bytes::bytes_like(v).map(|b| b.iter().map(|&c| c as char).collect::<String>())
        }
        _ => None,
    };
    if let Some(s) = text {
        // As _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode decimal
        // digits and spaces count as their ASCII forms.
        let orig = s.clone();
        let s: String = s
            .chars()
            .map(|c| {
                if let Some(d) = crate::objects::int::unicode_decimal(c) {
                    char::from_digit(d, 10).unwrap_or(c)
                } else if c.is_whitespace() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        return crate::objects::float::parse(&s)
            .map(Value::Float)
            .ok_or_else(|| {
                let shown = match v.payload() {
                    Some(Payload::Str(_)) => crate::objects::str::repr(&orig),
                    _ => vm.repr_string(v).unwrap_or_default(),
                };
                vm.value_error(format!("could not convert string to float: {shown}"))
            });
    }
    let ty = vm.type_of(v).clone();
    for name in ["__float__", "__index__"] {
        if let Some(m) = vm.lookup_type(&ty, name) {
            let r = vm.call_method_value(&m, v, &[])?;
            if name == "__index__" {
                if let Some(i) = as_int(&r) {
                    return crate::objects::int::to_f64(&i)
                        .map(Value::Float)
                        .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
                }
            }
            return match numbers::float_of(&r) {
                Some(f) => Ok(Value::Float(f)),
                None => Err(vm.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(v),
                    vm.type_name(&r)
                ))),
            };
        }
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(v)
    )))
}

fn range_new(vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
    let check = |vm: &mut Vm, v: &Value| -> PyResult<Value> {
        match as_int(v) {
            Some(crate::objects::int::IntRef::Small(i)) => Ok(Value::Int(i)),
            Some(crate::objects::int::IntRef::Big(b)) => Ok(vm.new_bigint(b.clone())),
            None => {
                let ty = vm.type_of(v).clone();
                if let Some(m) = vm.lookup_type(&ty, "__index__") {
                    return vm.call_method_value(&m, v, &[]);
                }
                Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        }
    };
    let (start, stop, step) = match pos {
        [stop] => (Value::Int(0), check(vm, stop)?, Value::Int(1)),
        [a, b] => (check(vm, a)?, check(vm, b)?, Value::Int(1)),
        [a, b, c] => (check(vm, a)?, check(vm, b)?, check(vm, c)?),
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(format!(
                "range expected at most 3 arguments, got {}",
                pos.len()
            )))
        }
    };
    if matches!(step, Value::Int(0)) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(ObjRef::new(
        &vm.types().range,
        Payload::Range(RangeData { start, stop, step }),
    )))
}

// ----- exceptions and bytes -----

/// The message (first argument) of an error, for rewording it.
pub fn exception_message(e: &crate::error::PyErr) -> String {
    match &e.0.payload {
        Payload::Exception(d) => d
            .args
            .get()
            .as_tuple()
            .and_then(|t| t.first())
            .and_then(|m| m.as_str().map(str::to_string))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A SyntaxError attribute from its args `(msg, (filename, lineno, offset,
/// text, end_lineno, end_offset))`.
pub fn syntax_error_field(args: &Value, name: &str) -> Value {
    let t = args.as_tuple().unwrap_or(&[]);
    if name == "msg" {
        return t.first().cloned().unwrap_or(Value::None);
    }
    let idx = match name {
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        _ => 5,
    };
    t.get(1)
        .and_then(|d| d.as_tuple())
        .and_then(|d| d.get(idx).cloned())
        .unwrap_or(Value::None)
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

// ----- protocol hooks: the payloads `protocol/` has no fast path for -----

/// `repr()` of sets, bytearrays, complex numbers and dict views.
pub fn repr_extra(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    Ok(Some(match &o.payload {
        Payload::Set(_) => set::repr(vm, o)?,
        Payload::ByteArray(_) => bytes::bytearray_repr(vm, o),
        Payload::Complex(re, im) => complex::repr(*re, *im),
        Payload::DictView { .. } => dict_methods::view_repr(vm, o)?,
        Payload::File(_) => file::repr(vm, o)?,
        Payload::GenericAlias { origin, args } => {
            let (origin, args) = (origin.clone(), args.clone());
            generic_alias::repr(vm, &origin, &args)?
        }
        Payload::Union(args) => {
            let args = args.clone();
            union::repr(vm, &args)?
        }
        Payload::MemoryView(m) => {
            if m.released.get() {
                format!("<released memory at {:#x}>", o.addr())
            } else {
                format!("<memory at {:#x}>", o.addr())
            }
        }
        _ => return Ok(None),
    }))
}

/// Comparisons that involve sets, dict views, bytearrays or complex numbers.
pub fn compare_extra(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if let Some(r) = complex::compare(vm, a, b, op)? {
        return Ok(Some(r));
    }
    if let Some(r) = generic_alias::compare(vm, a, b, op)? {
        return Ok(Some(r));
    }
    if let Some(r) = union::compare(vm, a, b, op)? {
        return Ok(Some(r));
    }
    if let Some(r) = namespace::compare(vm, a, b, op)? {
        return Ok(Some(r));
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Set(_)), Some(Payload::Set(_))) => set::compare(vm, a, b, op),
        (Some(Payload::DictView { kind: ka, .. }), Some(Payload::DictView { kind: kb, .. }))
            if *ka == DictIterKind::Values || *kb == DictIterKind::Values =>
        {
            Ok(None)
        }
        (Some(Payload::DictView { .. }), _) | (_, Some(Payload::DictView { .. })) => {
            dict_methods::view_compare(vm, a, b, op)
        }
        (Some(Payload::MemoryView(_)), _) | (_, Some(Payload::MemoryView(_)))
            if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
        {
            match (bytes::bytes_like(a), bytes::bytes_like(b)) {
                (Some(x), Some(y)) => Ok(Some(Value::Bool((x == y) == (op == CompareOp::Eq)))),
                _ => Ok(None),
            }
        }
        (Some(Payload::Slice(x)), Some(Payload::Slice(y))) => {
            let (x, y) = (vm.new_tuple(x.to_vec()), vm.new_tuple(y.to_vec()));
            vm.rich_compare(&x, &y, op).map(Some)
        }
        (
            Some(Payload::Bytes(_) | Payload::ByteArray(_)),
            Some(Payload::Bytes(_) | Payload::ByteArray(_)),
        ) => {
            let (x, y) = (
                bytes::bytes_like(a).unwrap_or_default(),
                bytes::bytes_like(b).unwrap_or_default(),
            );
            Ok(Some(Value::Bool(op.test(x.cmp(&y)))))
        }
        _ => Ok(None),
    }
}

/// Binary operators of the types without a fast path: set algebra, dict `|`,
/// dict-view set operations, complex arithmetic, bytearray concatenation and
/// `bytes % args`.
pub fn binary_extra(vm: &mut Vm, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
    if let Some(r) = complex::binary(vm, a, b, base)? {
        return Ok(Some(r));
    }
    if base == nb::OR {
        if let Some(r) = union::union_or_values(vm, a, b)? {
            return Ok(Some(r));
        }
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Set(_)), Some(Payload::Set(_))) => set::binary(vm, a, b, base),
        (Some(Payload::Dict(_)), Some(Payload::Dict(_))) if base == nb::OR => {
            dict_methods::dict_or_values(vm, a, b).map(Some)
        }
        (Some(Payload::DictView { .. }), _) | (_, Some(Payload::DictView { .. })) => {
            dict_methods::view_binary(vm, a, b, base)
        }
        (
            Some(Payload::Bytes(_) | Payload::ByteArray(_)),
            Some(Payload::Bytes(_) | Payload::ByteArray(_)),
        ) if base == nb::ADD => {
            let mut x = bytes::bytes_like(a).unwrap_or_default();
            x.extend(bytes::bytes_like(b).unwrap_or_default());
            Ok(Some(
                if matches!(a.payload(), Some(Payload::ByteArray(_))) {
                    bytes::new_bytearray(vm, x)
                } else {
                    vm.new_bytes(x)
                },
            ))
        }
        (Some(Payload::Bytes(_) | Payload::ByteArray(_)), _)
            if base == nb::ADD
                && !b
                    .as_obj()
                    .is_some_and(|o| o.class().payload_type().heap_type) =>
        {
            let kind = if matches!(a.payload(), Some(Payload::ByteArray(_))) {
                "bytearray"
            } else {
                "bytes"
            };
            Err(vm.type_error(format!("can't concat {} to {kind}", vm.type_name(b))))
        }
        (Some(Payload::ByteArray(_)), _) if base == nb::MULTIPLY => match as_int(b) {
            Some(n) => {
                let n = num_traits::ToPrimitive::to_i64(n.to_big().as_ref())
                    .unwrap_or(0)
                    .max(0) as usize;
                let x = bytes::bytes_like(a).unwrap_or_default();
                crate::protocol::number::check_alloc(vm, x.len().saturating_mul(n))?;
                Ok(Some(bytes::new_bytearray(vm, x.repeat(n))))
            }
            None => Ok(None),
        },
        (Some(Payload::Bytes(_) | Payload::ByteArray(_)), _) if base == nb::REMAINDER => {
            bytes::percent(vm, a, b).map(Some)
        }
        _ => Ok(None),
    }
}

/// In-place operators that mutate: `set |= s`, `dict |= d`, `bytearray += b`.
pub fn inplace_extra(vm: &mut Vm, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
    match a.payload() {
        Some(Payload::Set(_)) => set::inplace(vm, a, b, base),
        Some(Payload::Dict(_)) if base == nb::OR => {
            let Some(d) = a.as_obj() else { return Ok(None) };
            dict_methods::fill_dict(vm, d, b)?;
            Ok(Some(a.clone()))
        }
        Some(Payload::ByteArray(ba)) if base == nb::ADD => match bytes::bytes_like(b) {
            Some(x) => {
                ba.get_mut().extend(x);
                Ok(Some(a.clone()))
            }
            None => Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(b)))),
        },
        _ => Ok(None),
    }
}

/// `len()` of the payloads without a fast path.
pub fn len_extra(vm: &mut Vm, v: &Value) -> Option<usize> {
    match v.payload() {
        Some(Payload::Set(s)) => Some(s.get().len()),
        Some(Payload::ByteArray(b)) => Some(b.get().len()),
        Some(Payload::DictView { dict, .. }) => Some(Vm::dict_len(dict)),
        Some(Payload::MemoryView(m)) => Some(if m.released.get() {
            0
        } else {
            memoryview::item_count(m)
        }),
        _ => {
            let _ = vm;
            None
        }
    }
}

/// Truth of the payloads without a fast path.
pub fn truth_extra(v: &Value) -> Option<bool> {
    match v.payload() {
        Some(Payload::Set(s)) => Some(!s.get().is_empty()),
        Some(Payload::ByteArray(b)) => Some(!b.get().is_empty()),
        Some(Payload::DictView { dict, .. }) => Some(Vm::dict_len(dict) != 0),
        Some(Payload::Complex(re, im)) => Some(*re != 0.0 || *im != 0.0),
        Some(Payload::MemoryView(m)) => Some(m.len != 0),
        _ => None,
    }
}

/// `iter()` of the payloads without a fast path.
pub fn iter_extra(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    Ok(match v.payload() {
        Some(Payload::Set(_)) => Some(set::iter_of(vm, v)),
        Some(Payload::File(_)) => Some(v.clone()),
        // sys.stdin is its own iterator (stdio.rs's __next__).
        Some(Payload::Singleton(w)) if w.starts_with("<stdin") => Some(v.clone()),
        Some(Payload::DictView { dict, kind }) => {
            Some(dict_methods::view_iterator(vm, dict, *kind))
        }
        Some(Payload::MemoryView(m)) => {
            let items = memoryview::items(vm, m);
            let l = vm.new_list(items);
            Some(vm.iter(&l)?)
        }
        Some(Payload::ByteArray(b)) => {
            let items = b.get().clone();
            let t = vm.new_bytes(items);
            Some(Value::Obj(ObjRef::new(
                &vm.types().bytearray_iterator,
                Payload::Iterator(GilCell::new(crate::objects::iter::IterState::Seq {
                    seq: t,
                    index: 0,
                })),
            )))
        }
        _ => None,
    })
}

/// `x in v` for the payloads without a fast path.
pub fn contains_extra(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<Option<bool>> {
    match v.payload() {
        Some(Payload::Set(s)) => set::contains_key(vm, s, x).map(Some),
        Some(Payload::DictView { .. }) => dict_methods::view_has(vm, v, x).map(Some),
        Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
            let hay = bytes::bytes_like(v).unwrap_or_default();
            if let Some(i) = as_int(x) {
                let n = num_traits::ToPrimitive::to_i64(i.to_big().as_ref()).unwrap_or(-1);
                if !(0..256).contains(&n) {
                    return Err(vm.value_error("byte must be in range(0, 256)"));
                }
                return Ok(Some(hay.contains(&(n as u8))));
            }
            match bytes::bytes_like(x) {
                Some(needle) => Ok(Some(
                    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice()),
                )),
                None => Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(x)
                ))),
            }
        }
        _ => Ok(None),
    }
}

/// `v[key]` for bytearrays and range slices.
pub fn getitem_extra(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Option<Value>> {
    match v.payload() {
        Some(Payload::MemoryView(_)) => memoryview::getitem(vm, v, key).map(Some),
        Some(Payload::ByteArray(b)) => {
            let data = b.get().clone();
            let tmp = vm.new_bytes(data);
            let r = vm.getitem(&tmp, key)?;
            Ok(Some(match r.payload() {
                Some(Payload::Bytes(x)) => bytes::new_bytearray(vm, x.to_vec()),
                _ => r,
            }))
        }
        Some(Payload::Range(_)) => match key.payload() {
            Some(Payload::Slice(s)) => {
                let s = (**s).clone();
                range::range_slice(vm, v, &s).map(Some)
            }
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// `v[key] = value` for bytearrays.
pub fn setitem_extra(vm: &mut Vm, v: &Value, key: &Value, value: &Value) -> PyResult<bool> {
    if let Some(Payload::MemoryView(_)) = v.payload() {
        memoryview::setitem(vm, v, key, value)?;
        return Ok(true);
    }
    let Some(Payload::ByteArray(b)) = v.payload() else {
        return Ok(false);
    };
    let n = b.get().len();
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let items = match bytes::bytes_like(value) {
            Some(x) => x,
            None => {
                let mut out = Vec::new();
                for x in vm.iterate(value)? {
                    out.push(byte_of(vm, &x)?);
                }
                out
            }
        };
        let si = vm.slice_indices(&s, n)?;
        if si.step == 1 {
            let start = si.start.clamp(0, n as isize) as usize;
            let end = (start + si.len).min(n);
            b.get_mut().splice(start..end, items);
            return Ok(true);
        }
        if items.len() != si.len {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                items.len(),
                si.len
            )));
        }
        let idx: Vec<usize> = si.indices().collect();
        for (i, x) in idx.into_iter().zip(items) {
            b.get_mut()[i] = x;
        }
        return Ok(true);
    }
    let i = vm.index_value(key, "bytearray")?;
    let i = if i < 0 { i + n as isize } else { i };
    if i < 0 || i as usize >= n {
        return Err(vm.index_error("bytearray index out of range"));
    }
    let x = byte_of(vm, value)?;
    b.get_mut()[i as usize] = x;
    Ok(true)
}

fn byte_of(vm: &Vm, v: &Value) -> PyResult<u8> {
    match as_int(v) {
        Some(i) => num_traits::ToPrimitive::to_u8(i.to_big().as_ref())
            .ok_or_else(|| vm.value_error("byte must be in range(0, 256)")),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// `hash()` of the payloads without a fast path; None for "not mine".
pub fn hash_extra(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    Ok(Some(match v.payload() {
        Some(Payload::Set(_)) => set::hash(vm, v)?,
        Some(Payload::Complex(re, im)) => hash::hash_complex(*re, *im),
        Some(Payload::Range(_)) => range::range_hash(vm, v)?,
        Some(Payload::MemoryView(_)) => memoryview::hash(vm, v)?,
        Some(Payload::GenericAlias { origin, args }) => {
            let (origin, args) = (origin.clone(), args.clone());
            generic_alias::hash(vm, &origin, &args)?
        }
        Some(Payload::Union(args)) => {
            let args = args.clone();
            union::hash(vm, &args)?
        }
        Some(Payload::ByteArray(_) | Payload::DictView { .. } | Payload::Slice(_)) => {
            return Err(vm.type_error(format!("unhashable type: '{}'", vm.type_name(v))))
        }
        _ => return Ok(None),
    }))
}
