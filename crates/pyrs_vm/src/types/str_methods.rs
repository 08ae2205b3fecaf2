//! The methods of `str` (the `unicode_methods` table of Objects/unicodeobject.c):
//! searching, splitting, padding, case mapping and the `is*` predicates.
//! Formatting (`format`, `format_map`, `%`) is in `str_format.rs`.
//!
//! Indexes are code points, as Python sees them; the payload is UTF-8, so a
//! start/end pair is turned into a byte range once, and results back.

use super::args::{kw, opt, pos, start_end, this};
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::objects::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("capitalize", str_capitalize),
    MethodDef::method("casefold", str_casefold),
    MethodDef::method("center", str_center),
    MethodDef::method("count", str_count),
    MethodDef::method("encode", str_encode),
    MethodDef::method("endswith", str_endswith),
    MethodDef::method("expandtabs", str_expandtabs),
    MethodDef::method("find", str_find),
    MethodDef::method("format", super::str_format::str_format),
    MethodDef::method("format_map", super::str_format::str_format_map),
    MethodDef::method("index", str_index),
    MethodDef::method("isalnum", str_isalnum),
    MethodDef::method("isalpha", str_isalpha),
    MethodDef::method("isascii", str_isascii),
    MethodDef::method("isdecimal", str_isdecimal),
    MethodDef::method("isdigit", str_isdigit),
    MethodDef::method("isidentifier", str_isidentifier),
    MethodDef::method("islower", str_islower),
    MethodDef::method("isnumeric", str_isnumeric),
    MethodDef::method("isprintable", str_isprintable),
    MethodDef::method("isspace", str_isspace),
    MethodDef::method("istitle", str_istitle),
    MethodDef::method("isupper", str_isupper),
    MethodDef::method("join", str_join),
    MethodDef::method("ljust", str_ljust),
    MethodDef::method("lower", str_lower),
    MethodDef::method("lstrip", str_lstrip),
    MethodDef::staticmethod("maketrans", str_maketrans),
    MethodDef::method("partition", str_partition),
    MethodDef::method("removeprefix", str_removeprefix),
    MethodDef::method("removesuffix", str_removesuffix),
    MethodDef::method("replace", str_replace),
    MethodDef::method("rfind", str_rfind),
    MethodDef::method("rindex", str_rindex),
    MethodDef::method("rjust", str_rjust),
    MethodDef::method("rpartition", str_rpartition),
    MethodDef::method("rsplit", str_rsplit),
    MethodDef::method("rstrip", str_rstrip),
    MethodDef::method("split", str_split),
    MethodDef::method("splitlines", str_splitlines),
    MethodDef::method("startswith", str_startswith),
    MethodDef::method("strip", str_strip),
    MethodDef::method("swapcase", str_swapcase),
    MethodDef::method("title", str_title),
    MethodDef::method("translate", str_translate),
    MethodDef::method("upper", str_upper),
    MethodDef::method("zfill", str_zfill),
    MethodDef::method("__len__", str_len),
    MethodDef::method("__contains__", str_contains),
    MethodDef::method("__getitem__", str_getitem),
    MethodDef::method("__iter__", str_iter),
    MethodDef::method("__add__", str_add),
    MethodDef::method("__mul__", str_mul),
    MethodDef::method("__mod__", str_mod),
    MethodDef::method("__hash__", str_hash),
    MethodDef::method("__str__", str_str),
    MethodDef::method("__repr__", str_repr),
    MethodDef::method("__format__", str_dunder_format),
    MethodDef::method("__getnewargs__", str_getnewargs),
];

// ----- helpers -----

fn payload<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyStr> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn self_str<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyStr> {
    payload(vm, this(args))
}

/// An argument that must be a str, with CPython's "must be str, not X".
fn arg_str<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    v.as_str()
        .ok_or_else(|| vm.type_error(format!("must be str, not {}", vm.type_name(v))))
}

/// CPython's `Py_UNICODE_ISSPACE`: Unicode White_Space plus the ASCII
/// information separators \x1c-\x1f.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The byte offset of code point index `i` (clamped to the end).
fn byte_at(s: &PyStr, i: usize) -> usize {
    s.byte_range(i, i).0
}

// ----- searching -----

/// `find`/`rfind`/`index`/`rindex`/`count`'s shared argument handling.
fn search_args<'a>(vm: &Vm, name: &str, args: &Args<'a>) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let r = &args.pos()[1..];
    if r.is_empty() {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if r.len() > 3 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            r.len()
        )));
    }
    Ok(r)
}

fn find_impl(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> PyResult<i64> {
    let s = self_str(vm, args)?;
    let r = search_args(vm, name, args)?;
    let sub = arg_str(vm, &r[0])?;
    let (a, b) = start_end(vm, r.get(1), r.get(2), s.char_len())?;
    if a > s.char_len() || a > b {
        return Ok(-1);
    }
    let (b0, b1) = s.byte_range(a, b);
    let hay = &s.as_str()[b0..b1];
    // A one-character needle is searched as a char, which std does with
    // memchr; a &str needle always takes the two-way searcher.
    let mut one = sub.chars();
    let found = match (one.next(), one.next(), reverse) {
        (Some(c), None, false) => hay.find(c),
        (Some(c), None, true) => hay.rfind(c),
        (_, _, false) => hay.find(sub),
        (_, _, true) => hay.rfind(sub),
    };
    // Counted from the window's start, whose code point index is `a`: a
    // search from `start` costs what it scans, not the whole string (the
    // ASCII test is PyStr's, O(1)).
    Ok(match found {
        Some(off) if s.is_ascii() => (b0 + off) as i64,
        Some(off) => (a + hay[..off].chars().count()) as i64,
        None => -1,
    })
}

pub(super) fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "find", false).map(Value::Int)
}

pub(super) fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "rfind", true).map(Value::Int)
}

pub(super) fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = search_args(vm, "count", &args)?;
    let sub = arg_str(vm, &r[0])?;
    let (a, b) = start_end(vm, r.get(1), r.get(2), s.char_len())?;
    if a > s.char_len() || a > b {
        return Ok(Value::Int(0));
    }
    let (b0, b1) = s.byte_range(a, b);
    let hay = &s.as_str()[b0..b1];
    let n = if sub.is_empty() {
        b - a + 1
    } else {
        hay.matches(sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: Args, name: &str, start: bool) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = pos(vm, name, &args, 1, 3)?;
    let cands: Vec<Value> = match r[0].as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![r[0].clone()],
    };
    let (a, b) = start_end(vm, r.get(1), r.get(2), s.char_len())?;
    for c in &cands {
        let Some(p) = c.as_str() else {
            return Err(vm.type_error(if r[0].as_tuple().is_some() {
                format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(c)
                )
            } else {
                format!(
                    "{name} first arg must be str or a tuple of str, not {}",
                    vm.type_name(c)
                )
            }));
        };
        if a > s.char_len() || (a > b) {
            continue;
        }
        let (b0, b1) = s.byte_range(a, b);
        let hay = &s.as_str()[b0..b1];
        if (start && hay.starts_with(p)) || (!start && hay.ends_with(p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

pub(super) fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

pub(super) fn str_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "str.__contains__", &args, 1, 1)?;
    let v = this(&args).clone();
    vm.contains(&v, &r[0]).map(Value::Bool)
}

// ----- splitting and joining -----

pub(super) fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = self_str(vm, &args)?.as_str().to_string();
    let r = pos(vm, "str.join", &args, 1, 1)?;
    let items = vm.iterate(&r[0]).map_err(|e| {
        if vm.err_matches(&e, &vm.types().exc.type_error) {
            vm.type_error("can only join an iterable")
        } else {
            e
        }
    })?;
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

fn split_args(vm: &mut Vm, name: &str, args: &Args) -> PyResult<(Option<String>, i64)> {
    let [sep, maxsplit] = kw(vm, name, args, ["sep", "maxsplit"], 0, 0)?;
    let sep = match opt(&sep) {
        None => None,
        Some(v) => {
            let s = v.as_str().ok_or_else(|| {
                vm.type_error(format!("must be str or None, not {}", vm.type_name(v)))
            })?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s.to_string())
        }
    };
    let maxsplit = match &maxsplit {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

/// Split on runs of whitespace, at most `maxsplit` times (negative: no limit).
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
    }
    out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest);
            break;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|(_, c)| is_space(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(is_space);
    }
    out.reverse();
    out
}

pub(super) fn str_list(vm: &Vm, parts: Vec<&str>) -> Value {
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    vm.new_list(items)
}

pub(super) fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let (sep, maxsplit) = split_args(vm, "split", &args)?;
    let parts: Vec<&str> = match &sep {
        None => split_whitespace(s, maxsplit),
        Some(sep) if maxsplit < 0 => s.split(sep.as_str()).collect(),
        Some(sep) => s.splitn(maxsplit as usize + 1, sep.as_str()).collect(),
    };
    Ok(str_list(vm, parts))
}

pub(super) fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let (sep, maxsplit) = split_args(vm, "rsplit", &args)?;
    let parts: Vec<&str> = match &sep {
        None => rsplit_whitespace(s, maxsplit),
        Some(sep) => {
            let mut v: Vec<&str> = if maxsplit < 0 {
                s.rsplit(sep.as_str()).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep.as_str()).collect()
            };
            v.reverse();
            v
        }
    };
    Ok(str_list(vm, parts))
}

/// The line boundaries of `str.splitlines` (Py_UNICODE_ISLINEBREAK).
fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub(super) fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let [keepends] = kw(vm, "splitlines", &args, ["keepends"], 0, 0)?;
    let keep = match &keepends {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keep { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    Ok(str_list(vm, out))
}

fn partition_impl(vm: &mut Vm, args: Args, reverse: bool) -> PyResult<Value> {
    let name = if reverse {
        "str.rpartition"
    } else {
        "str.partition"
    };
    let s = self_str(vm, &args)?.as_str();
    let r = pos(vm, name, &args, 1, 1)?;
    let sep = arg_str(vm, &r[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(b) => [&s[..b], sep, &s[b + sep.len()..]],
        None if reverse => ["", "", s],
        None => [s, "", ""],
    };
    let items: Vec<Value> = parts.iter().map(|p| vm.new_str(*p)).collect();
    Ok(vm.new_tuple(items))
}

pub(super) fn str_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

pub(super) fn str_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

// ----- stripping, padding, replacing -----

fn strip_with(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let r = pos(vm, name, &args, 0, 1)?;
    let chars: Option<Vec<char>> = match r.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(
            v.as_str()
                .ok_or_else(|| {
                    vm.type_error(format!(
                        "{} arg must be None or str",
                        name.rsplit('.').next().unwrap_or(name)
                    ))
                })?
                .chars()
                .collect(),
        ),
    };
    let pred = |c: char| match &chars {
        None => is_space(c),
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

pub(super) fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "str.strip", true, true)
}

pub(super) fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "str.lstrip", true, false)
}

pub(super) fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "str.rstrip", false, true)
}

/// `center`/`ljust`/`rjust`: the width and the one-character fill.
fn pad_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, char)> {
    let r = pos(vm, name, args, 1, 2)?;
    let width = vm.index_i64(&r[0])?.max(0) as usize;
    let fill = match r.get(1) {
        None => ' ',
        Some(v) => {
            let f = v.as_str().ok_or_else(|| {
                vm.type_error(format!(
                    "{}() argument 2 must be str, not {}",
                    name.rsplit('.').next().unwrap_or(name),
                    vm.type_name(v)
                ))
            })?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
    };
    crate::protocol::number::check_alloc(vm, width.saturating_mul(4))?;
    Ok((width, fill))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

pub(super) fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let (width, fill) = pad_args(vm, &args, "str.center")?;
    let n = s.char_len();
    if width <= n {
        return Ok(this(&args).clone());
    }
    let marg = width - n;
    // CPython's rounding: the extra fill goes left when both are odd.
    let left = marg / 2 + (marg & width & 1);
    Ok(vm.new_str(pad(s.as_str(), left, marg - left, fill)))
}

pub(super) fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let (width, fill) = pad_args(vm, &args, "str.ljust")?;
    let n = s.char_len();
    if width <= n {
        return Ok(this(&args).clone());
    }
    Ok(vm.new_str(pad(s.as_str(), 0, width - n, fill)))
}

pub(super) fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let (width, fill) = pad_args(vm, &args, "str.rjust")?;
    let n = s.char_len();
    if width <= n {
        return Ok(this(&args).clone());
    }
    Ok(vm.new_str(pad(s.as_str(), width - n, 0, fill)))
}

pub(super) fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = pos(vm, "str.zfill", &args, 1, 1)?;
    let width = vm.index_i64(&r[0])?.max(0) as usize;
    let n = s.char_len();
    if width <= n {
        return Ok(this(&args).clone());
    }
    crate::protocol::number::check_alloc(vm, width)?;
    let text = s.as_str();
    let (sign, body) = match text.as_bytes().first() {
        Some(b'+' | b'-') => text.split_at(1),
        _ => ("", text),
    };
    Ok(vm.new_str(format!("{sign}{}{body}", "0".repeat(width - n))))
}

pub(super) fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let [tabsize] = kw(vm, "expandtabs", &args, ["tabsize"], 0, 0)?;
    let tab = match &tabsize {
        Some(v) => vm.index_i64(v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    crate::protocol::number::check_alloc(vm, out.len() + n as usize)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_str(out))
}

pub(super) fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let r = pos(vm, "str.replace", &args, 2, 3)?;
    let old = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "replace() argument 1 must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    let new = r[1].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "replace() argument 2 must be str, not {}",
            vm.type_name(&r[1])
        ))
    })?;
    let count = match r.get(2) {
        Some(c) => vm.index_i64(c)?,
        None => -1,
    };
    let out = if old.is_empty() {
        // Insert `new` between characters (and at both ends), up to count times.
        let mut out = String::new();
        let mut done = 0i64;
        for c in s.chars() {
            if count < 0 || done < count {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if count < 0 || done < count {
            out.push_str(new);
        }
        out
    } else if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(vm.new_str(out))
}

pub(super) fn str_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let r = pos(vm, "str.removeprefix", &args, 1, 1)?;
    let p = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "removeprefix() argument must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    Ok(match s.strip_prefix(p) {
        Some(rest) if !p.is_empty() => vm.new_str(rest),
        _ => this(&args).clone(),
    })
}

pub(super) fn str_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str();
    let r = pos(vm, "str.removesuffix", &args, 1, 1)?;
    let p = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "removesuffix() argument must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    Ok(match s.strip_suffix(p) {
        Some(rest) if !p.is_empty() => vm.new_str(rest),
        _ => this(&args).clone(),
    })
}

// ----- case -----

fn no_args<'a>(vm: &Vm, args: &Args<'a>, qual: &str) -> PyResult<&'a str> {
    let s = self_str(vm, args)?;
    pos(vm, qual, args, 0, 0)?;
    Ok(s.as_str())
}

pub(super) fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.upper")?;
    Ok(vm.new_str(s.to_uppercase()))
}

pub(super) fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.lower")?;
    Ok(vm.new_str(s.to_lowercase()))
}

pub(super) fn str_casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.casefold")?;
    // Full case folding is per character (no final-sigma rule) and differs
    // from lowercasing only for a few characters; the sharp s is the common one.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            c => out.extend(c.to_lowercase()),
        }
    }
    Ok(vm.new_str(out))
}

pub(super) fn str_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.swapcase")?;
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            lower_at(&chars, i, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(vm.new_str(out))
}

/// Titlecase of one character: uppercase except the digraphs that have a
/// distinct titlecase form.
fn to_title(c: char, out: &mut String) {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => out.push('ǅ'),
        'Ǉ' | 'ǈ' | 'ǉ' => out.push('ǈ'),
        'Ǌ' | 'ǋ' | 'ǌ' => out.push('ǋ'),
        'Ǳ' | 'ǲ' | 'ǳ' => out.push('ǲ'),
        'ß' => out.push_str("Ss"),
        'ﬀ' => out.push_str("Ff"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        'ﬃ' => out.push_str("Ffi"),
        'ﬄ' => out.push_str("Ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("St"),
        c => out.extend(c.to_uppercase()),
    }
}

/// Lowercase `chars[i]`, applying the final-sigma rule of Unicode's
/// SpecialCasing as CPython's `lower_ucs4` does.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == 'Σ' {
        let before = chars[..i].iter().rev().find(|&&x| !is_case_ignorable(x));
        let after = chars[i + 1..].iter().find(|&&x| !is_case_ignorable(x));
        if before.is_some_and(|&b| is_cased(b)) && !after.is_some_and(|&a| is_cased(a)) {
            out.push('ς');
            return;
        }
    }
    out.extend(c.to_lowercase());
}

fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}'
    ) || matches!(c as u32, 0x300..=0x36f)
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

pub(super) fn str_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.title")?;
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            to_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    Ok(vm.new_str(out))
}

pub(super) fn str_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.capitalize")?;
    let mut out = String::with_capacity(s.len());
    let mut cs = s.chars();
    if let Some(c) = cs.next() {
        to_title(c, &mut out);
    }
    out.push_str(&cs.as_str().to_lowercase());
    Ok(vm.new_str(out))
}

// ----- predicates -----

fn predicate(vm: &mut Vm, args: &Args, qual: &str, f: impl Fn(char) -> bool) -> PyResult<Value> {
    let s = no_args(vm, args, qual)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

/// Unicode decimal digits (category Nd).
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || crate::objects::int::unicode_decimal(c).is_some()
}

/// Digits (Numeric_Type Decimal or Digit): decimals plus superscripts and the
/// circled and parenthesised digits.
fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32,
            0xb2 | 0xb3 | 0xb9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
            | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea
            | 0x24f5..=0x24fd | 0x24ff | 0x2776..=0x277e | 0x2780..=0x2788
            | 0x278a..=0x2792 | 0x1369..=0x1371 | 0x19da)
}

fn is_alpha(c: char) -> bool {
    // Letters (categories L*): Rust's Alphabetic also takes in combining marks
    // and letter numbers, which CPython's isalpha rejects.
    c.is_alphabetic() && !c.is_numeric() && !matches!(c as u32, 0x300..=0x36f)
}

pub(super) fn str_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "str.isalpha", is_alpha)
}

pub(super) fn str_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "str.isalnum", |c| is_alpha(c) || c.is_numeric())
}

pub(super) fn str_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}

pub(super) fn str_isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "str.isdecimal", is_decimal)
}

pub(super) fn str_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "str.isdigit", is_digit)
}

/// CJK ideographs with a numeric value (Numeric_Type=Numeric, category Lo).
fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c as u32,
        0x3007
            | 0x4e00
            | 0x4e8c
            | 0x4e09
            | 0x56db
            | 0x4e94
            | 0x516d
            | 0x4e03
            | 0x516b
            | 0x4e5d
            | 0x5341
            | 0x767e
            | 0x5343
            | 0x4e07
            | 0x5104
            | 0x5146
            | 0x96f6
            | 0x58f9
            | 0x8d30
            | 0x53c1
            | 0x8086
            | 0x4f0d
            | 0x9646
            | 0x67d2
            | 0x634c
            | 0x7396
            | 0x62fe
            | 0x4f70
            | 0x4edf
            | 0x5eff
            | 0x5345
            | 0x5169
            | 0x8cb3
            | 0x53c3
            | 0x9678
            | 0x4e24
    )
}

pub(super) fn str_isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "str.isnumeric", |c| {
        c.is_numeric() || is_digit(c) || is_cjk_numeral(c)
    })
}

pub(super) fn str_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "str.isspace", is_space)
}

pub(super) fn str_isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.isprintable")?;
    Ok(Value::Bool(
        s.chars().all(crate::objects::str::is_printable),
    ))
}

pub(super) fn str_isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.isidentifier")?;
    Ok(Value::Bool(is_identifier(s)))
}

/// Whether `s` is a Python identifier (XID_Start then XID_Continue, roughly).
pub fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || is_alpha(c) => {}
        _ => return false,
    }
    cs.all(|c| c == '_' || is_alpha(c) || c.is_numeric() || matches!(c as u32, 0x300..=0x36f))
}

pub(super) fn str_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.islower")?;
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ') {
            return Ok(Value::Bool(false));
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

pub(super) fn str_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.isupper")?;
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ') {
            return Ok(Value::Bool(false));
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

pub(super) fn str_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.istitle")?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        let title = matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ');
        if c.is_uppercase() || title {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ----- translate and encode -----

pub(super) fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    let r = args.pos();
    if r.is_empty() || r.len() > 3 {
        return Err(vm.type_error(format!(
            "maketrans expected at {} {} argument{}, got {}",
            if r.is_empty() { "least" } else { "most" },
            if r.is_empty() { 1 } else { 3 },
            if r.is_empty() { "" } else { "s" },
            r.len()
        )));
    }
    let d = vm.new_dict();
    if r.len() == 1 {
        let Some(src) = r[0]
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Dict(_)))
        else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for (k, v) in Vm::dict_items(src) {
            let key = match k.as_str() {
                Some(s) if s.chars().count() == 1 => {
                    Value::Int(s.chars().next().map_or(0, |c| c as i64))
                }
                Some(_) => {
                    return Err(vm.value_error("string keys in translate table must be of length 1"))
                }
                None if crate::protocol::object::as_int(&k).is_some() => k,
                None => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Obj(d));
    }
    let x = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "maketrans() argument 1 must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    let y = r[1].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "maketrans() argument 2 must be str, not {}",
            vm.type_name(&r[1])
        ))
    })?;
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        vm.dict_set(&d, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(z) = r.get(2) {
        let z = z.as_str().ok_or_else(|| {
            vm.type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                vm.type_name(z)
            ))
        })?;
        for c in z.chars() {
            vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(d))
}

pub(super) fn str_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str().to_string();
    let r = pos(vm, "str.translate", &args, 1, 1)?;
    let table = r[0].clone();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(v) => {
                if let Some(t) = v.as_str() {
                    out.push_str(t);
                } else if let Some(i) = crate::protocol::object::as_int(&v) {
                    let n = num_traits::ToPrimitive::to_i64(i.to_big().as_ref()).unwrap_or(-1);
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            return Err(
                                vm.value_error("character mapping must be in range(0x110000)")
                            )
                        }
                    }
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if vm.err_matches(&e, &vm.types().exc.lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_str(out))
}

pub(super) fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?.as_str().to_string();
    let [encoding, errors] = kw(vm, "encode", &args, ["encoding", "errors"], 0, 0)?;
    let enc = match &encoding {
        Some(v) => arg_str(vm, v)?.to_string(),
        None => "utf-8".into(),
    };
    let errors = match &errors {
        Some(v) => arg_str(vm, v)?.to_string(),
        None => "strict".into(),
    };
    let b = super::codecs::encode_text(vm, &s, &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

// ----- dunders, for subclasses that call them explicitly -----

pub(super) fn str_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.__len__")?;
    Ok(Value::Int(s.chars().count() as i64))
}

pub(super) fn str_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = pos(vm, "str.__getitem__", &args, 1, 1)?;
    let plain = vm.new_str(s.as_str());
    vm.getitem(&plain, &r[0])
}

pub(super) fn str_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.__iter__")?;
    let plain = vm.new_str(s);
    vm.iter(&plain)
}

pub(super) fn str_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = pos(vm, "str.__add__", &args, 1, 1)?;
    match r[0].as_str() {
        Some(t) => Ok(vm.new_str(format!("{}{}", s.as_str(), t))),
        None => Ok(vm.not_implemented()),
    }
}

pub(super) fn str_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = pos(vm, "str.__mul__", &args, 1, 1)?;
    let plain = vm.new_str(s.as_str());
    vm.binary_op(&plain, &r[0], pyrs_bytecode::opcode::nb::MULTIPLY)
}

pub(super) fn str_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_str(vm, &args)?;
    let r = pos(vm, "str.__mod__", &args, 1, 1)?;
    super::str_format::percent_format(vm, this(&args), &r[0])
}

pub(super) fn str_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    pos(vm, "str.__hash__", &args, 0, 0)?;
    Ok(Value::Int(s.hash()))
}

pub(super) fn str_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.__str__")?;
    Ok(vm.new_str(s))
}

pub(super) fn str_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.__repr__")?;
    Ok(vm.new_str(crate::objects::str::repr(s)))
}

pub(super) fn str_dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_str(vm, &args)?;
    let r = pos(vm, "str.__format__", &args, 1, 1)?;
    let spec = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    let plain = vm.new_str(s.as_str());
    vm.format(&plain, spec)
}

pub(super) fn str_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(vm, &args, "str.__getnewargs__")?;
    let v = vm.new_str(s);
    Ok(vm.new_tuple(vec![v]))
}

/// Code point index helpers shared with other str code.
pub fn byte_offset(s: &PyStr, i: usize) -> usize {
    byte_at(s, i)
}
