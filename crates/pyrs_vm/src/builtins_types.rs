//! Constructors and method tables of the builtin types (the `tp_new` and
//! `tp_methods` of Objects/*.c): each type's methods are one readable table.

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::dict::DictData;
use crate::objects::native::{Args, MethodDef};
use crate::objects::range::RangeData;
use crate::objects::type_::BaseKind;
use crate::protocol::object::as_int;
use crate::runtime::types::{add_methods, Types};
use crate::value::Value;
use crate::vm::Vm;

const STR_METHODS: &[MethodDef] = &[
    MethodDef::method("join", str_join),
    MethodDef::method("split", str_split),
    MethodDef::method("strip", str_strip),
    MethodDef::method("lstrip", str_lstrip),
    MethodDef::method("rstrip", str_rstrip),
    MethodDef::method("upper", str_upper),
    MethodDef::method("lower", str_lower),
    MethodDef::method("startswith", str_startswith),
    MethodDef::method("endswith", str_endswith),
    MethodDef::method("replace", str_replace),
    MethodDef::method("find", str_find),
    MethodDef::method("count", str_count),
    MethodDef::method("isdigit", str_isdigit),
    MethodDef::method("isalpha", str_isalpha),
    MethodDef::method("format", str_format),
];

const LIST_METHODS: &[MethodDef] = &[
    MethodDef::method("append", list_append),
    MethodDef::method("pop", list_pop),
    MethodDef::method("insert", list_insert),
    MethodDef::method("extend", list_extend),
    MethodDef::method("reverse", list_reverse),
    MethodDef::method("index", seq_index),
    MethodDef::method("count", seq_count),
    MethodDef::method("copy", list_copy),
    MethodDef::method("clear", list_clear),
    MethodDef::method("remove", list_remove),
    MethodDef::method("sort", list_sort),
];

const TUPLE_METHODS: &[MethodDef] = &[
    MethodDef::method("index", seq_index),
    MethodDef::method("count", seq_count),
];

const DICT_METHODS: &[MethodDef] = &[
    MethodDef::method("get", dict_get),
    MethodDef::method("keys", dict_keys),
    MethodDef::method("values", dict_values),
    MethodDef::method("items", dict_items),
    MethodDef::method("pop", dict_pop),
    MethodDef::method("setdefault", dict_setdefault),
    MethodDef::method("update", dict_update),
    MethodDef::method("copy", dict_copy),
    MethodDef::method("clear", dict_clear),
];

pub fn install_methods(types: &Types) {
    add_methods(types, &types.str_, STR_METHODS);
    add_methods(types, &types.list, LIST_METHODS);
    add_methods(types, &types.tuple, TUPLE_METHODS);
    add_methods(types, &types.dict, DICT_METHODS);
}

// ----- shared argument helpers -----

fn this<'a>(args: &Args<'a>) -> &'a Value {
    &args.args[0]
}

/// Positional arguments after self, with keywords rejected.
fn rest<'a>(vm: &Vm, name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let r = &args.pos()[1..];
    if r.len() < min || r.len() > max {
        return Err(vm.type_error(if min == max && min == 0 {
            format!("{name}() takes no arguments ({} given)", r.len())
        } else if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({} given)", r.len())
        } else if r.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                r.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                r.len()
            )
        }));
    }
    Ok(r)
}

fn self_str<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a str> {
    this(args)
        .as_str()
        .ok_or_else(|| vm.type_error("descriptor requires a 'str' object"))
}

fn arg_str<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    v.as_str()
        .ok_or_else(|| vm.type_error(format!("{what} must be str, not {}", vm.type_name(v))))
}

// ----- str -----

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = self_str(vm, &args)?.to_string();
    let r = rest(vm, "join", &args, 1, 1)?;
    let items = vm.iterate(&r[0])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.as_str() {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(vm.new_str(out))
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let mut sep = Value::None;
    let mut maxsplit = -1i64;
    let pos = &args.pos()[1..];
    if let Some(v) = pos.first() {
        sep = v.clone();
    }
    if let Some(v) = pos.get(1) {
        maxsplit = vm.to_i64(v, "")?;
    }
    for (k, v) in args.kwargs() {
        match k {
            "sep" => sep = v.clone(),
            "maxsplit" => maxsplit = vm.to_i64(v, "")?,
            _ => {
                return Err(
                    vm.type_error(format!("split() got an unexpected keyword argument '{k}'"))
                )
            }
        }
    }
    let parts: Vec<String> = match &sep {
        Value::None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            out
        }
        v => {
            let sep = arg_str(vm, v, "must be str or None")?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if maxsplit < 0 {
                s.split(sep).map(str::to_string).collect()
            } else {
                s.splitn(maxsplit as usize + 1, sep)
                    .map(str::to_string)
                    .collect()
            }
        }
    };
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

fn strip_with(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = rest(vm, name, &args, 0, 1)?;
    let chars: Option<Vec<char>> = match r.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_str(vm, v, "strip arg")?.chars().collect()),
    };
    let pred = |c: char| match &chars {
        None => c.is_whitespace(),
        Some(cs) => cs.contains(&c),
    };
    let mut t = s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    Ok(vm.new_str(t))
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "strip", true, true)
}
fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "lstrip", true, false)
}
fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "rstrip", false, true)
}

fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    rest(vm, "upper", &args, 0, 0)?;
    Ok(vm.new_str(s.to_uppercase()))
}

fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    rest(vm, "lower", &args, 0, 0)?;
    Ok(vm.new_str(s.to_lowercase()))
}

fn affix(vm: &mut Vm, args: Args, name: &str, start: bool) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = rest(vm, name, &args, 1, 1)?;
    let cands: Vec<Value> = match r[0].as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![r[0].clone()],
    };
    for c in &cands {
        let Some(p) = c.as_str() else {
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(c)
            )));
        };
        if (start && s.starts_with(p)) || (!start && s.ends_with(p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}
fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = rest(vm, "replace", &args, 2, 3)?;
    let old = arg_str(vm, &r[0], "replace() argument 1")?;
    let new = arg_str(vm, &r[1], "replace() argument 2")?;
    let count = match r.get(2) {
        Some(c) => vm.to_i64(c, "")?,
        None => -1,
    };
    let out = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(vm.new_str(out))
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = rest(vm, "find", &args, 1, 1)?;
    let sub = arg_str(vm, &r[0], "must be str")?;
    Ok(Value::Int(match s.find(sub) {
        Some(b) => s[..b].chars().count() as i64,
        None => -1,
    }))
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = rest(vm, "count", &args, 1, 1)?;
    let sub = arg_str(vm, &r[0], "must be str")?;
    let n = if sub.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn str_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(|c| c.is_numeric()),
    ))
}

fn str_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(char::is_alphabetic),
    ))
}

/// `str.format`: positional `{}`/`{0}`, keyword `{name}`, conversions and specs.
fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.to_string();
    let pos = args.pos()[1..].to_vec();
    let kw: Vec<(String, Value)> = args
        .kwargs()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    field.push(c);
                }
                let (name_conv, spec) = field
                    .split_once(':')
                    .map_or((field.as_str(), ""), |(a, b)| (a, b));
                let (name, conv) = name_conv
                    .split_once('!')
                    .map_or((name_conv, None), |(a, b)| (a, Some(b)));
                let v = if name.is_empty() {
                    auto += 1;
                    pos.get(auto - 1).cloned().ok_or_else(|| {
                        vm.index_error(format!(
                            "Replacement index {} out of range for positional args tuple",
                            auto - 1
                        ))
                    })?
                } else if let Ok(i) = name.parse::<usize>() {
                    pos.get(i).cloned().ok_or_else(|| {
                        vm.index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        ))
                    })?
                } else {
                    match kw.iter().find(|(k, _)| k == name) {
                        Some((_, v)) => v.clone(),
                        None => return Err(vm.key_error(vm.new_str(name))),
                    }
                };
                let v = match conv {
                    Some("r") => vm.repr(&v)?,
                    Some("s") => vm.to_str(&v)?,
                    _ => v,
                };
                out.push_str(&crate::format::format_value(vm, &v, spec)?);
            }
            '}' => return Err(vm.value_error("Single '}' encountered in format string")),
            c => out.push(c),
        }
    }
    Ok(vm.new_str(out))
}

/// `str % args`: the printf-style conversions d, i, s, r, f, x, with width and precision.
pub fn str_percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let f = fmt.as_str().unwrap_or("").to_string();
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let mut it = items.into_iter();
    let mut out = String::new();
    let mut chars = f.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        let conv = loop {
            match chars.next() {
                Some(ch) if "-+ #0123456789.".contains(ch) => spec.push(ch),
                Some(ch) => break ch,
                None => return Err(vm.value_error("incomplete format")),
            }
        };
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = it
            .next()
            .ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
        let (flags, rest_spec): (String, String) = spec.chars().partition(|c| "-+ #0".contains(*c));
        let align = if flags.contains('-') { "<" } else { "" };
        let zero = if flags.contains('0') && !flags.contains('-') {
            "0"
        } else {
            ""
        };
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let text = match conv {
            's' => {
                let s = vm.str_string(&v)?;
                crate::format::format_value(vm, &vm.new_str(s), &format!("{align}{rest_spec}"))?
            }
            'r' => {
                let s = vm.repr_string(&v)?;
                crate::format::format_value(vm, &vm.new_str(s), &format!("{align}{rest_spec}"))?
            }
            'd' | 'i' | 'u' => {
                let iv = match &v {
                    Value::Float(x) => {
                        vm.new_bigint(crate::protocol::object::float_to_bigint(x.trunc()))
                    }
                    _ if as_int(&v).is_some() => v.clone(),
                    _ => {
                        return Err(vm.type_error(format!(
                            "%{conv} format: a real number is required, not {}",
                            vm.type_name(&v)
                        )))
                    }
                };
                crate::format::format_value(vm, &iv, &format!("{align}{sign}{zero}{rest_spec}d"))?
            }
            'x' | 'X' | 'o' => crate::format::format_value(
                vm,
                &v,
                &format!("{align}{sign}{zero}{rest_spec}{conv}"),
            )?,
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let fv = match &v {
                    Value::Float(_) => v.clone(),
                    _ => match as_int(&v) {
                        Some(i) => {
                            Value::Float(crate::objects::int::to_f64(&i).unwrap_or(f64::INFINITY))
                        }
                        None => {
                            return Err(vm.type_error(format!(
                                "must be real number, not {}",
                                vm.type_name(&v)
                            )))
                        }
                    },
                };
                let rs = if rest_spec.contains('.') {
                    rest_spec.clone()
                } else {
                    format!("{rest_spec}.6")
                };
                crate::format::format_value(vm, &fv, &format!("{align}{sign}{zero}{rs}{conv}"))?
            }
            c => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{c}' (0x{:x})",
                    c as u32
                )))
            }
        };
        out.push_str(&text);
    }
    if it.next().is_some() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_str(out))
}

// ----- list and tuple -----

fn self_list<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a GilCell<Vec<Value>>> {
    match this(args).payload() {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = rest(vm, "append", &args, 1, 1)?;
    l.get_mut().push(r[0].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = rest(vm, "pop", &args, 0, 1)?;
    let n = l.get().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match r.first() {
        Some(v) => vm.to_i64(v, "")?,
        None => -1,
    };
    let i = if i < 0 { i + n as i64 } else { i };
    if i < 0 || i as usize >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.get_mut().remove(i as usize))
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = rest(vm, "insert", &args, 2, 2)?;
    let n = l.get().len() as i64;
    let i = vm.to_i64(&r[0], "")?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.get_mut().insert(i as usize, r[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = rest(vm, "extend", &args, 1, 1)?;
    let items = vm.iterate(&r[0])?;
    l.get_mut().extend(items);
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    rest(vm, "reverse", &args, 0, 0)?;
    l.get_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    rest(vm, "copy", &args, 0, 0)?;
    let items = l.get().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    rest(vm, "clear", &args, 0, 0)?;
    let old = l.replace(Vec::new());
    drop(old);
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    let r = rest(vm, "remove", &args, 1, 1)?;
    let mut i = 0;
    while let Some(x) = l.get().get(i).cloned() {
        if vm.eq(&x, &r[0])? {
            let old = l.get_mut().remove(i);
            drop(old);
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

/// `list.sort(*, key=None, reverse=False)`: a stable merge sort that asks
/// `<` of the items (or keys), stopping at the first error.
fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = self_list(vm, &args)?;
    if args.pos().len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.is_true(v)?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for sort()"))
                )
            }
        }
    }
    // Sort a copy, as CPython empties the list while sorting.
    let items = l.replace(Vec::new());
    let keys: Vec<Value> = if matches!(key, Value::None) {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for it in &items {
            match vm.call(&key, std::slice::from_ref(it)) {
                Ok(k) => ks.push(k),
                Err(e) => {
                    *l.get_mut() = items;
                    return Err(e);
                }
            }
        }
        ks
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let err = merge_sort(vm, &keys, &mut idx).err();
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    let _ = l.replace(if err.is_some() { items } else { sorted });
    match err {
        Some(e) => Err(e),
        None => Ok(Value::None),
    }
}

/// A stable bottom-up merge sort of `idx` by `keys[i] < keys[j]`, asking only
/// `<` (an item moves before an earlier one only when strictly less).
// CPython's list.sort is Timsort, whose comparison order is visible through
// `__lt__` side effects; this keeps its results, not yet its comparison order.
fn merge_sort(vm: &mut Vm, keys: &[Value], idx: &mut Vec<usize>) -> PyResult<()> {
    let n = idx.len();
    let mut width = 1;
    let mut buf = Vec::with_capacity(n);
    while width < n {
        buf.clear();
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                let r = vm.rich_compare(
                    &keys[idx[j]],
                    &keys[idx[i]],
                    crate::protocol::object::CompareOp::Lt,
                )?;
                if vm.is_true(&r)? {
                    buf.push(idx[j]);
                    j += 1;
                } else {
                    buf.push(idx[i]);
                    i += 1;
                }
            }
            buf.extend_from_slice(&idx[i..mid]);
            buf.extend_from_slice(&idx[j..hi]);
            lo = hi;
        }
        std::mem::swap(idx, &mut buf);
        width *= 2;
    }
    Ok(())
}

fn seq_items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::List(l)) => Ok(l.get().clone()),
        Some(Payload::Tuple(t)) => Ok(t.to_vec()),
        _ => Err(vm.type_error("descriptor requires a sequence")),
    }
}

fn seq_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = seq_items(vm, this(&args))?;
    let r = rest(vm, "index", &args, 1, 3)?;
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &r[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let msg = match this(&args).payload() {
        Some(Payload::Tuple(_)) => "tuple.index(x): x not in tuple".to_string(),
        _ => format!("{} is not in list", vm.repr_string(&r[0])?),
    };
    Err(vm.value_error(msg))
}

fn seq_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = seq_items(vm, this(&args))?;
    let r = rest(vm, "count", &args, 1, 1)?;
    let mut n = 0;
    for x in &items {
        if vm.eq(x, &r[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

// ----- dict -----

fn self_dict(vm: &Vm, args: &Args) -> PyResult<ObjRef> {
    match this(args).as_obj() {
        Some(o) if matches!(o.payload, Payload::Dict(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = rest(vm, "get", &args, 1, 2)?;
    Ok(vm
        .dict_get(&d, &r[0])?
        .unwrap_or_else(|| r.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_view(vm: &mut Vm, args: Args, kind: crate::objects::iter::DictIterKind) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    // Views are lists until the view types land (issue 4); iteration order,
    // len and `in` agree with CPython, the repr does not yet.
    let items = Vm::dict_items(&d);
    let out: Vec<Value> = items
        .into_iter()
        .map(|(k, v)| match kind {
            crate::objects::iter::DictIterKind::Keys => k,
            crate::objects::iter::DictIterKind::Values => v,
            crate::objects::iter::DictIterKind::Items => vm.new_tuple(vec![k, v]),
        })
        .collect();
    Ok(vm.new_list(out))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, args, crate::objects::iter::DictIterKind::Keys)
}
fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, args, crate::objects::iter::DictIterKind::Values)
}
fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, args, crate::objects::iter::DictIterKind::Items)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = rest(vm, "pop", &args, 1, 2)?;
    match vm.dict_del(&d, &r[0])? {
        Some(v) => Ok(v),
        None => r.get(1).cloned().ok_or_else(|| vm.key_error(r[0].clone())),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let r = rest(vm, "setdefault", &args, 1, 2)?;
    if let Some(v) = vm.dict_get(&d, &r[0])? {
        return Ok(v);
    }
    let dv = r.get(1).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, r[0].clone(), dv.clone())?;
    Ok(dv)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let pos = &args.pos()[1..];
    if let Some(src) = pos.first() {
        fill_dict(vm, &d, src)?;
    }
    for (k, v) in args.kwargs() {
        let kv = vm.new_str(k);
        vm.dict_set(&d, kv, v.clone())?;
    }
    Ok(Value::None)
}

fn fill_dict(vm: &mut Vm, d: &ObjRef, src: &Value) -> PyResult<()> {
    if let Some(s) = src
        .as_obj()
        .filter(|s| matches!(s.payload, Payload::Dict(_)))
    {
        for (k, v) in Vm::dict_items(s) {
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    for (i, item) in vm.iterate(src)?.into_iter().enumerate() {
        let kv = vm.iterate(&item)?;
        if kv.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut kv = kv.into_iter();
        if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
            vm.dict_set(d, k, v)?;
        }
    }
    Ok(())
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let n = vm.new_dict();
    for (k, v) in Vm::dict_items(&d) {
        vm.dict_set(&n, k, v)?;
    }
    Ok(Value::Obj(n))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = self_dict(vm, &args)?;
    let old = crate::protocol::dict::table(&d).get_mut().clear();
    drop(old);
    Ok(Value::None)
}

// ----- constructors: calling a type -----

/// `cls(*args, **kwargs)` for the builtin types.
pub fn call_type(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let t = vm.types();
    let pos = args.pos();
    if cls.is(&t.type_) && pos.len() == 1 && !args.has_kwargs() {
        return Ok(Value::Obj(vm.type_of(&pos[0]).clone()));
    }
    let name = cls.payload_type().name.get().clone();
    let base_kind = cls.payload_type().base_kind;
    if cls.is(&t.weakref) {
        let pos = args.pos();
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
            Err(vm.type_error(format!("{name}() takes no keyword arguments")))
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
        return match pos {
            [] => Ok(vm.new_str("")),
            [v] if !args.has_kwargs() => vm.to_str(v),
            _ => Err(vm.type_error("str() with encoding arguments is not supported yet")),
        };
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
        let d = ObjRef::new(&t.dict, Payload::Dict(GilCell::new(DictData::new())));
        if pos.len() > 1 {
            return Err(vm.type_error(format!(
                "dict expected at most 1 argument, got {}",
                pos.len()
            )));
        }
        if let Some(src) = pos.first() {
            fill_dict(vm, &d, src)?;
        }
        for (k, v) in args.kwargs() {
            let kv = vm.new_str(k);
            vm.dict_set(&d, kv, v.clone())?;
        }
        return Ok(Value::Obj(d));
    }
    if cls.is(&t.range) {
        no_kw(vm)?;
        return range_new(vm, pos);
    }
    if cls.is(&t.object) {
        if !pos.is_empty() || args.has_kwargs() {
            return Err(vm.type_error("object() takes no arguments"));
        }
        return Ok(Value::Obj(ObjRef::new(cls, Payload::Instance)));
    }
    if let Some(new) = crate::protocol::dict::dict_get_str(&cls.payload_type().dict, "__new__") {
        return native_type_call(vm, cls, &new, args);
    }
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

/// Calling a native type declared outside this file (a stdlib module's, such
/// as `_random.Random`): its own `__new__`, then its `__init__` if the result
/// is an instance, as `type.__call__` does.
fn native_type_call(vm: &mut Vm, cls: &ObjRef, new: &Value, args: Args) -> PyResult<Value> {
    let mut all = Vec::with_capacity(args.args.len() + 1);
    all.push(Value::Obj(cls.clone()));
    all.extend_from_slice(args.args);
    let obj = vm.call_args(
        new,
        Args {
            args: &all,
            kwnames: args.kwnames,
        },
    )?;
    if !crate::vm::is_subtype(vm.type_of(&obj), cls) {
        return Ok(obj);
    }
    if let Some(init) = crate::protocol::dict::dict_get_str(&cls.payload_type().dict, "__init__") {
        all[0] = obj.clone();
        vm.call_args(
            &init,
            Args {
                args: &all,
                kwnames: args.kwnames,
            },
        )?;
    }
    Ok(obj)
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
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = vm.to_i64(&b, "")?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let Some(s) = x.as_str() else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return match crate::objects::int::parse(s, b as u32) {
            Some(v) => Ok(vm.new_bigint(v)),
            None => {
                let r = vm.repr_string(x)?;
                Err(vm.value_error(format!("invalid literal for int() with base {b}: {r}")))
            }
        };
    }
    if let Some(i) = as_int(x) {
        return Ok(match i {
            crate::objects::int::IntRef::Small(v) => Value::Int(v),
            crate::objects::int::IntRef::Big(b) => vm.new_bigint(b.clone()),
        });
    }
    match x {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(vm.new_bigint(crate::protocol::object::float_to_bigint(f.trunc())))
        }
        _ => match x.as_str() {
            Some(s) => match crate::objects::int::parse(s, 10) {
                Some(v) => Ok(vm.new_bigint(v)),
                None => {
                    let r = vm.repr_string(x)?;
                    Err(vm.value_error(format!("invalid literal for int() with base 10: {r}")))
                }
            },
            None => {
                let ty = vm.type_of(x).clone();
                for name in ["__int__", "__index__"] {
                    if let Some(m) = vm.lookup_type(&ty, name) {
                        return vm.call_method_value(&m, x, &[]);
                    }
                }
                Err(vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_name(x))))
            }
        },
    }
}

fn float_new(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Value::Float(_) = v {
        return Ok(v.clone());
    }
    if let Some(i) = as_int(v) {
        return crate::objects::int::to_f64(&i)
            .map(Value::Float)
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    if let Some(s) = v.as_str() {
        return crate::objects::float::parse(s)
            .map(Value::Float)
            .ok_or_else(|| {
                vm.value_error(format!(
                    "could not convert string to float: {}",
                    crate::objects::str::repr(s)
                ))
            });
    }
    let ty = vm.type_of(v).clone();
    if let Some(m) = vm.lookup_type(&ty, "__float__") {
        return vm.call_method_value(&m, v, &[]);
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(v)
    )))
}

fn range_new(vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
    let check = |vm: &Vm, v: &Value| -> PyResult<Value> {
        match as_int(v) {
            Some(crate::objects::int::IntRef::Small(i)) => Ok(Value::Int(i)),
            Some(crate::objects::int::IntRef::Big(b)) => Ok(vm.new_bigint(b.clone())),
            None => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
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
