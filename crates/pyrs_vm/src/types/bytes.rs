//! `bytes` and `bytearray` (Objects/bytesobject.c, Objects/bytearrayobject.c,
//! Objects/bytes_methods.c). The searching, splitting and padding methods
//! reuse the `str` implementations on a Latin-1 view of the bytes (one char
//! per byte, so indexes and results map back exactly); case mapping, the
//! `is*` predicates and default whitespace are ASCII-only here, as in CPython.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef, NativeFn};
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;
use num_traits::ToPrimitive;

macro_rules! via_str {
    ($($name:ident => $f:path,)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            call_as_str(vm, args, $f)
        })*
    };
}

via_str! {
    b_center => str_m::str_center,
    b_count => str_m::str_count,
    b_endswith => str_m::str_endswith,
    b_expandtabs => str_m::str_expandtabs,
    b_ljust => str_m::str_ljust,
    b_partition => str_m::str_partition,
    b_removeprefix => str_m::str_removeprefix,
    b_removesuffix => str_m::str_removesuffix,
    b_replace => str_m::str_replace,
    b_rfind => str_m::str_rfind,
    b_rindex => str_m::str_rindex,
    b_rjust => str_m::str_rjust,
    b_rpartition => str_m::str_rpartition,
    b_startswith => str_m::str_startswith,
    b_splitlines => str_m::str_splitlines,
    b_zfill => str_m::str_zfill,
}

use super::str_methods as str_m;

const COMMON: &[MethodDef] = &[
    MethodDef::method("center", b_center),
    MethodDef::method("count", b_count),
    MethodDef::method("decode", bytes_decode),
    MethodDef::method("endswith", b_endswith),
    MethodDef::method("expandtabs", b_expandtabs),
    MethodDef::method("find", b_find),
    MethodDef::method("hex", bytes_hex),
    MethodDef::method("index", b_index),
    MethodDef::method("isalnum", b_isalnum),
    MethodDef::method("isalpha", b_isalpha),
    MethodDef::method("isascii", b_isascii),
    MethodDef::method("isdigit", b_isdigit),
    MethodDef::method("islower", b_islower),
    MethodDef::method("isspace", b_isspace),
    MethodDef::method("istitle", b_istitle),
    MethodDef::method("isupper", b_isupper),
    MethodDef::method("join", bytes_join),
    MethodDef::method("ljust", b_ljust),
    MethodDef::method("lower", b_lower),
    MethodDef::method("lstrip", b_lstrip),
    MethodDef::method("partition", b_partition),
    MethodDef::method("removeprefix", b_removeprefix),
    MethodDef::method("removesuffix", b_removesuffix),
    MethodDef::method("replace", b_replace),
    MethodDef::method("rfind", b_rfind),
    MethodDef::method("rindex", b_rindex),
    MethodDef::method("rjust", b_rjust),
    MethodDef::method("rpartition", b_rpartition),
    MethodDef::method("rsplit", b_rsplit),
    MethodDef::method("rstrip", b_rstrip),
    MethodDef::method("split", b_split),
    MethodDef::method("splitlines", b_splitlines),
    MethodDef::method("startswith", b_startswith),
    MethodDef::method("strip", b_strip),
    MethodDef::method("swapcase", b_swapcase),
    MethodDef::method("title", b_title),
    MethodDef::method("capitalize", b_capitalize),
    MethodDef::method("upper", b_upper),
    MethodDef::method("zfill", b_zfill),
    MethodDef::classmethod("fromhex", bytes_fromhex),
    MethodDef::staticmethod("maketrans", bytes_maketrans),
    MethodDef::method("translate", bytes_translate),
];

const BYTEARRAY_ONLY: &[MethodDef] = &[
    MethodDef::method("append", ba_append),
    MethodDef::method("clear", ba_clear),
    MethodDef::method("copy", ba_copy),
    MethodDef::method("extend", ba_extend),
    MethodDef::method("insert", ba_insert),
    MethodDef::method("pop", ba_pop),
    MethodDef::method("remove", ba_remove),
    MethodDef::method("reverse", ba_reverse),
];

pub fn install(types: &crate::runtime::types::Types) {
    crate::runtime::types::add_methods(types, &types.bytes, COMMON);
    crate::runtime::types::add_methods(types, &types.bytearray, COMMON);
    crate::runtime::types::add_methods(types, &types.bytearray, BYTEARRAY_ONLY);
}

/// The bytes of a bytes-like object (bytes or bytearray), copied.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.get().clone()),
        Some(Payload::MemoryView(m)) => Some(super::memoryview::view_bytes(m)),
        _ => None,
    }
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&x| x as char).collect()
}

fn unlatin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

fn is_bytearray(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::ByteArray(_)))
}

/// A bytes-like result of the same kind as `like`.
fn make_like(vm: &Vm, like: &Value, b: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(vm, b)
    } else {
        vm.new_bytes(b)
    }
}

pub fn new_bytearray(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(
        &vm.types().bytearray,
        Payload::ByteArray(GilCell::new(b)),
    ))
}

/// `find` and `index` searched in place when the arguments are the common
/// ones (a bytes-like or int needle, int or None bounds, no keywords): the
/// Latin-1 detour copies the whole haystack per call, which made a buffered
/// reader's `readline` cost a copy of its buffer per line. Anything else
/// takes that detour, which owns the error messages.
fn find_in_place(args: &Args) -> Option<i64> {
    if args.has_kwargs() || !(2..=4).contains(&args.args.len()) {
        return None;
    }
    let hay_cell;
    let hay: &[u8] = match this(args).payload() {
        Some(Payload::Bytes(b)) => b,
        Some(Payload::ByteArray(b)) => {
            hay_cell = b.get();
            hay_cell
        }
        _ => return None,
    };
    let byte;
    let needle_cell;
    let needle: &[u8] = match &args.args[1] {
        Value::Int(n) => {
            byte = [u8::try_from(*n).ok()?];
            &byte
        }
        v => match v.payload() {
            Some(Payload::Bytes(b)) => b,
            Some(Payload::ByteArray(b)) => {
                needle_cell = b.get();
                needle_cell
            }
            _ => return None,
        },
    };
    let len = hay.len() as i64;
    // ADJUST_INDICES: negative bounds count from the end; only the end is
    // clamped to the length (a start past it finds nothing, not even b'').
    let bound = |v: Option<&Value>, default: i64| -> Option<i64> {
        match v {
            None | Some(Value::None) => Some(default),
            Some(Value::Int(n)) if *n < 0 => Some((n + len).max(0)),
            Some(Value::Int(n)) => Some(*n),
            Some(_) => None,
        }
    };
    let start = bound(args.args.get(2), 0)?;
    let end = bound(args.args.get(3), len)?.min(len);
    let n = needle.len() as i64;
    if end - start < n {
        return Some(-1);
    }
    if n == 0 {
        return Some(start);
    }
    let window = &hay[start as usize..end as usize];
    let found = if needle.len() == 1 {
        window.iter().position(|&c| c == needle[0])
    } else {
        window.windows(needle.len()).position(|w| w == needle)
    };
    Some(found.map_or(-1, |i| start + i as i64))
}

/// The needle of the search methods: an int (one byte) or bytes-like.
fn check_needle(vm: &Vm, args: &Args) -> PyResult<()> {
    match args.args.get(1) {
        Some(v) if as_int(v).is_none() && bytes_like(v).is_none() => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        ))),
        _ => Ok(()),
    }
}

fn b_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_needle(vm, &args)?;
    match find_in_place(&args) {
        Some(i) => Ok(Value::Int(i)),
        None => call_as_str(vm, args, str_m::str_find),
    }
}

fn b_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_needle(vm, &args)?;
    match find_in_place(&args) {
        Some(-1) => Err(vm.value_error("subsection not found")),
        Some(i) => Ok(Value::Int(i)),
        // find's detour, so that the miss says "subsection" as bytes do.
        None => match call_as_str(vm, args, str_m::str_find)? {
            Value::Int(-1) => Err(vm.value_error("subsection not found")),
            i => Ok(i),
        },
    }
}

fn self_bytes(vm: &Vm, args: &Args) -> PyResult<Vec<u8>> {
    bytes_like(this(args)).ok_or_else(|| vm.type_error("descriptor requires a 'bytes' object"))
}

/// Call a str method on the Latin-1 view of `self` and of bytes arguments,
/// and map str results back to bytes (of self's kind).
fn call_as_str(vm: &mut Vm, args: Args, f: NativeFn) -> PyResult<Value> {
    let me = this(&args).clone();
    let b = self_bytes(vm, &args)?;
    let mut conv: Vec<Value> = Vec::with_capacity(args.args.len());
    conv.push(vm.new_str(latin1(&b)));
    // The search methods take an int as a single byte to look for.
    let search = [
        str_m::str_find as NativeFn,
        str_m::str_rfind,
        str_m::str_index,
        str_m::str_rindex,
        str_m::str_count,
    ]
    .iter()
    .any(|g| std::ptr::fn_addr_eq(*g, f));
    for (k, a) in args.args[1..].iter().enumerate() {
        match as_int(a) {
            Some(n) if search && k == 0 => {
                let x = byte_value(vm, a)?;
                let _ = n;
                conv.push(vm.new_str((x as char).to_string()));
            }
            _ => conv.push(arg_to_str(vm, a)?),
        }
    }
    let r = f(
        vm,
        Args {
            args: &conv,
            kwnames: args.kwnames,
        },
    )?;
    Ok(back(vm, &me, r))
}

fn arg_to_str(vm: &Vm, a: &Value) -> PyResult<Value> {
    if let Some(b) = bytes_like(a) {
        return Ok(vm.new_str(latin1(&b)));
    }
    if let Some(t) = a.as_tuple() {
        let items: PyResult<Vec<Value>> = t.iter().map(|x| arg_to_str(vm, x)).collect();
        return Ok(vm.new_tuple(items?));
    }
    if a.as_str().is_some() {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(a)
        )));
    }
    Ok(a.clone())
}

fn back(vm: &Vm, like: &Value, r: Value) -> Value {
    if let Some(s) = r.as_str() {
        return make_like(vm, like, unlatin1(s));
    }
    match r.payload() {
        Some(Payload::List(l)) => {
            let items: Vec<Value> = l.get().iter().map(|x| back(vm, like, x.clone())).collect();
            vm.new_list(items)
        }
        Some(Payload::Tuple(t)) => {
            let items: Vec<Value> = t.iter().map(|x| back(vm, like, x.clone())).collect();
            vm.new_tuple(items)
        }
        _ => r,
    }
}

fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split_impl(vm: &mut Vm, args: Args, reverse: bool) -> PyResult<Value> {
    let name = if reverse { "rsplit" } else { "split" };
    let [sep, maxsplit] = super::args::kw(vm, name, &args, ["sep", "maxsplit"], 0, 0)?;
    if super::args::opt(&sep).is_some() {
        return call_as_str(
            vm,
            args,
            if reverse {
                str_m::str_rsplit
            } else {
                str_m::str_split
            },
        );
    }
    let b = self_bytes(vm, &args)?;
    let maxsplit = match &maxsplit {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    if !reverse {
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && is_ascii_space(b[i]) {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                // The remainder keeps its trailing whitespace, as in CPython.
                parts.push(b[i..].to_vec());
                break;
            }
            let s = i;
            while i < b.len() && !is_ascii_space(b[i]) {
                i += 1;
            }
            parts.push(b[s..i].to_vec());
        }
    } else {
        let mut j = b.len();
        while j > 0 {
            while j > 0 && is_ascii_space(b[j - 1]) {
                j -= 1;
            }
            if j == 0 {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(b[..j].to_vec());
                break;
            }
            let e = j;
            while j > 0 && !is_ascii_space(b[j - 1]) {
                j -= 1;
            }
            parts.push(b[j..e].to_vec());
        }
        parts.reverse();
    }
    let me = this(&args).clone();
    let items: Vec<Value> = parts.into_iter().map(|p| make_like(vm, &me, p)).collect();
    Ok(vm.new_list(items))
}

fn b_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}

fn b_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool) -> PyResult<Value> {
    let b = self_bytes(vm, &args)?;
    let r = pos(vm, "strip", &args, 0, 1)?;
    let chars: Option<Vec<u8>> = match r.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_like(v).ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(v)
            ))
        })?),
    };
    let keep = |c: u8| match &chars {
        None => is_ascii_space(c),
        Some(cs) => cs.contains(&c),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && keep(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && keep(b[e - 1]) {
            e -= 1;
        }
    }
    Ok(make_like(vm, this(&args), b[s..e].to_vec()))
}

fn b_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
fn b_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
fn b_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

fn map_bytes(vm: &mut Vm, args: Args, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let b = self_bytes(vm, &args)?;
    pos(vm, "bytes method", &args, 0, 0)?;
    Ok(make_like(vm, this(&args), f(&b)))
}

fn b_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_lowercase())
}
fn b_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_uppercase())
}
fn b_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
fn b_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn b_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        let mut prev = false;
        b.iter()
            .map(|&c| {
                let r = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, args: Args, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let b = self_bytes(vm, &args)?;
    pos(vm, "bytes method", &args, 0, 0)?;
    Ok(Value::Bool(f(&b)))
}

fn b_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
    })
}
fn b_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
    })
}
fn b_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| b.is_ascii())
}
fn b_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_digit)
    })
}
fn b_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(|&c| is_ascii_space(c))
    })
}
fn b_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}
fn b_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}
fn b_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| {
        let mut cased = false;
        let mut prev = false;
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_bytes(vm, &args)?;
    let [encoding, errors] = super::args::kw(vm, "decode", &args, ["encoding", "errors"], 0, 0)?;
    let enc = match &encoding {
        Some(v) => v.as_str().unwrap_or("utf-8").to_string(),
        None => "utf-8".into(),
    };
    let errors = match &errors {
        Some(v) => v.as_str().unwrap_or("strict").to_string(),
        None => "strict".into(),
    };
    let s = super::codecs::decode_text(vm, &b, &enc, &errors)?;
    Ok(vm.new_str(s))
}

fn bytes_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_bytes(vm, &args)?;
    let [sep, per] = super::args::kw(vm, "hex", &args, ["sep", "bytes_per_sep"], 0, 0)?;
    let hex: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep else {
        return Ok(vm.new_str(hex.concat()));
    };
    let sep = match sep.as_str() {
        Some(s) => s.to_string(),
        None => bytes_like(&sep).map(|b| latin1(&b)).unwrap_or_default(),
    };
    let per = match &per {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    if per == 0 {
        return Ok(vm.new_str(hex.concat()));
    }
    let n = per.unsigned_abs() as usize;
    let groups: Vec<String> = if per > 0 {
        // Groups are counted from the right.
        let first = hex.len() % n;
        let mut g = Vec::new();
        if first > 0 {
            g.push(hex[..first].concat());
        }
        g.extend(hex[first..].chunks(n).map(|c| c.concat()));
        g
    } else {
        hex.chunks(n).map(|c| c.concat()).collect()
    };
    Ok(vm.new_str(groups.join(&sep)))
}

fn bytes_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "fromhex", &args, 1, 1)?;
    let s = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    let cls = this(&args).clone();
    if cls.as_obj().is_some_and(|c| c.is(&vm.types().bytearray)) {
        Ok(new_bytearray(vm, out))
    } else {
        Ok(vm.new_bytes(out))
    }
}

fn bytes_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = self_bytes(vm, &args)?;
    let r = pos(vm, "bytes.join", &args, 1, 1)?;
    let items = vm.iterate(&r[0])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_like(it) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(make_like(vm, this(&args), out))
}

fn bytes_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.pos();
    if p.len() != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", p.len())));
    }
    let (Some(a), Some(b)) = (bytes_like(&p[0]), bytes_like(&p[1])) else {
        return Err(vm.type_error("a bytes-like object is required"));
    };
    if a.len() != b.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (x, y) in a.iter().zip(b.iter()) {
        table[*x as usize] = *y;
    }
    Ok(vm.new_bytes(table))
}

fn bytes_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_bytes(vm, &args)?;
    let [table, delete] = super::args::kw(vm, "translate", &args, ["table", "delete"], 1, 1)?;
    let table = match super::args::opt(&table) {
        None => None,
        Some(t) => {
            let t =
                bytes_like(t).ok_or_else(|| vm.type_error("a bytes-like object is required"))?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = delete.as_ref().and_then(bytes_like).unwrap_or_default();
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(make_like(vm, this(&args), out))
}

// ----- bytearray mutation -----

fn self_ba<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a GilCell<Vec<u8>>> {
    match this(args).payload() {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn byte_value(vm: &Vm, v: &Value) -> PyResult<u8> {
    match as_int(v) {
        Some(i) => i
            .to_big()
            .to_u8()
            .ok_or_else(|| vm.value_error("byte must be in range(0, 256)")),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    let r = pos(vm, "bytearray.append", &args, 1, 1)?;
    let x = byte_value(vm, &r[0])?;
    b.get_mut().push(x);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    let r = pos(vm, "bytearray.extend", &args, 1, 1)?;
    let items = match bytes_like(&r[0]) {
        Some(x) => x,
        None => {
            let mut out = Vec::new();
            for v in vm.iterate(&r[0])? {
                out.push(byte_value(vm, &v)?);
            }
            out
        }
    };
    b.get_mut().extend(items);
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    let r = pos(vm, "bytearray.insert", &args, 2, 2)?;
    let i = vm.index_i64(&r[0])?;
    let x = byte_value(vm, &r[1])?;
    let n = b.get().len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.get_mut().insert(i as usize, x);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    let r = pos(vm, "bytearray.pop", &args, 0, 1)?;
    let i = match r.first() {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let n = b.get().len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(b.get_mut().remove(i as usize) as i64))
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    let r = pos(vm, "bytearray.remove", &args, 1, 1)?;
    let x = byte_value(vm, &r[0])?;
    match b.get().iter().position(|&c| c == x) {
        Some(i) => {
            b.get_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    b.get_mut().reverse();
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    b.get_mut().clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = self_ba(vm, &args)?;
    let v = b.get().clone();
    Ok(new_bytearray(vm, v))
}

/// `bytes(x)`/`bytearray(x)`: from an int size, a str with an encoding, a
/// bytes-like object, an object with `__bytes__`, or an iterable of ints.
pub fn construct(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let is_ba = crate::vm::is_subtype(cls, &vm.types().bytearray);
    let name = if is_ba { "bytearray" } else { "bytes" };
    let [source, encoding, errors] =
        super::args::bind(vm, name, &args, ["source", "encoding", "errors"], 0, 0)?;
    let data: Vec<u8> = match (&source, &encoding) {
        (None, None) => Vec::new(),
        (None, Some(_)) => return Err(vm.type_error("encoding without a string argument")),
        (Some(s), Some(e)) => {
            let text = s
                .as_str()
                .ok_or_else(|| vm.type_error("encoding without a string argument"))?;
            let enc = e.as_str().unwrap_or("utf-8").to_string();
            let errs = errors
                .as_ref()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| "strict".into());
            super::codecs::encode_text(vm, text, &enc, &errs)?
        }
        (Some(s), None) => {
            if s.as_str().is_some() {
                return Err(vm.type_error("string argument without an encoding"));
            }
            if let Some(b) = bytes_like(s) {
                b
            } else if let Some(n) = as_int(s) {
                let n = n.to_big().to_i64().unwrap_or(i64::MAX);
                if n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                crate::protocol::number::check_alloc(vm, n as usize)?;
                vec![0; n as usize]
            } else {
                let ty = vm.type_of(s).clone();
                let m = vm.lookup_type(&ty, "__bytes__");
                if let Some(m) = m.filter(|_| !is_ba) {
                    let r = vm.call_method_value(&m, s, &[])?;
                    bytes_like(&r).ok_or_else(|| {
                        vm.type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            vm.type_name(&r)
                        ))
                    })?
                } else {
                    let items = vm.iterate(s).map_err(|e| {
                        if vm.err_matches(&e, &vm.types().exc.type_error) {
                            vm.type_error(format!(
                                "cannot convert '{}' object to {name}",
                                vm.type_name(s)
                            ))
                        } else {
                            e
                        }
                    })?;
                    let mut out = Vec::with_capacity(items.len());
                    for x in items {
                        let b = byte_value(vm, &x).map_err(|e| {
                            if vm.err_matches(&e, &vm.types().exc.value_error) {
                                vm.value_error("bytes must be in range(0, 256)")
                            } else {
                                e
                            }
                        })?;
                        out.push(b);
                    }
                    out
                }
            }
        }
    };
    Ok(if is_ba {
        Value::Obj(ObjRef::new(cls, Payload::ByteArray(GilCell::new(data))))
    } else if cls.is(&vm.types().bytes) {
        vm.new_bytes(data)
    } else {
        Value::Obj(ObjRef::new(cls, Payload::Bytes(data.into())))
    })
}

/// `repr(bytearray)`.
pub fn bytearray_repr(vm: &Vm, o: &ObjRef) -> String {
    let v = Value::Obj(o.clone());
    let b = bytes_like(&v).unwrap_or_default();
    // bytearray_repr picks its quote as bytes does but always escapes a single
    // quote (and never a double one).
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    for &c in &b {
        match c {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    format!("{}(b{quote}{out}{quote})", vm.type_name(&v))
}

/// `bytes % args`.
pub fn percent(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let f = bytes_like(fmt).unwrap_or_default();
    let s = super::str_format::percent_core(vm, &latin1(&f), args, true)?;
    if s.chars().any(|c| c as u32 > 0xff) {
        return Err(vm.value_error("bytes formatting produced non-Latin-1 text"));
    }
    Ok(make_like(vm, fmt, unlatin1(&s)))
}
