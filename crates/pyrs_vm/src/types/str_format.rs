//! String formatting: `str.format`/`format_map` (the replacement-field
//! grammar of Objects/stringlib/unicode_format.h) and printf-style `%`
//! formatting (`PyUnicode_Format` in Objects/unicodeobject.c), shared with
//! `bytes % args` through a byte-agnostic core.

use super::args::this;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::Args;
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::Signed;

/// Where `{}` fields get their values.
struct FormatArgs<'a> {
    pos: &'a [Value],
    /// Keyword arguments (`format`) or the mapping (`format_map`).
    kw: Kw<'a>,
    auto: Option<usize>,
    manual: bool,
}

enum Kw<'a> {
    Pairs(Vec<(&'a str, Value)>),
    Mapping(Value),
}

pub fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = this(&args)
        .as_str()
        .ok_or_else(|| vm.type_error("descriptor 'format' requires a 'str' object"))?
        .to_string();
    let pos = &args.pos()[1..];
    let mut fa = FormatArgs {
        pos,
        kw: Kw::Pairs(args.kwargs().map(|(k, v)| (k, v.clone())).collect()),
        auto: None,
        manual: false,
    };
    let out = vformat(vm, &fmt, &mut fa, 2)?;
    Ok(vm.new_str(out))
}

pub fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = this(&args)
        .as_str()
        .ok_or_else(|| vm.type_error("descriptor 'format_map' requires a 'str' object"))?
        .to_string();
    let r = super::args::pos(vm, "str.format_map", &args, 1, 1)?;
    let mut fa = FormatArgs {
        pos: &[],
        kw: Kw::Mapping(r[0].clone()),
        auto: None,
        manual: false,
    };
    let out = vformat(vm, &fmt, &mut fa, 2)?;
    Ok(vm.new_str(out))
}

fn vformat(vm: &mut Vm, fmt: &str, fa: &mut FormatArgs, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            if i + 1 == chars.len() {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            // Find the matching '}' with nesting.
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    // A key in brackets may hold braces (MarkupIterator).
                    '[' if level == 1 => {
                        while j < chars.len() && chars[j] != ']' {
                            j += 1;
                        }
                        if j >= chars.len() {
                            break;
                        }
                    }
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.value_error(if level > 1 {
                    "unmatched '{' in format spec"
                } else {
                    "expected '}' before end of string"
                }));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&render_field(vm, &field, fa, depth)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(vm: &mut Vm, field: &str, fa: &mut FormatArgs, depth: u32) -> PyResult<String> {
    // Split "name!conv:spec": the name ends at the first '!' or ':' outside brackets.
    let mut name_end = field.len();
    let mut in_bracket = false;
    for (k, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                name_end = k;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let mut rest = &field[name_end..];
    let mut conv = None;
    if let Some(r) = rest.strip_prefix('!') {
        let mut cs = r.chars();
        let c = cs.next();
        let after = cs.as_str();
        if !(after.is_empty() || after.starts_with(':')) {
            return Err(vm.value_error("expected ':' after conversion specifier"));
        }
        match c {
            Some(c) => conv = Some(c),
            None => {
                return Err(vm.value_error("end of string while looking for conversion specifier"))
            }
        }
        rest = after;
    }
    let spec_raw = rest.strip_prefix(':').unwrap_or("");
    let spec = if spec_raw.contains('{') {
        vformat(vm, spec_raw, fa, depth - 1)?
    } else {
        spec_raw.to_string()
    };
    let v = resolve_field(vm, name, fa)?;
    let v = match conv {
        None => v,
        Some('r') => vm.repr(&v)?,
        Some('s') => vm.to_str(&v)?,
        Some('a') => {
            let r = vm.repr_string(&v)?;
            vm.new_str(crate::builtins::ascii_escape(&r))
        }
        Some(c) => {
            return Err(vm.value_error(format!("Unknown conversion specifier {c}")));
        }
    };
    crate::format::format_value(vm, &v, &spec)
}

fn resolve_field(vm: &mut Vm, name: &str, fa: &mut FormatArgs) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut v = if first.is_empty() || first.chars().all(|c| c.is_ascii_digit()) {
        let idx = if first.is_empty() {
            if fa.manual {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let n = fa.auto.unwrap_or(0);
            fa.auto = Some(n + 1);
            n
        } else {
            if fa.auto.is_some() {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            fa.manual = true;
            first
                .parse::<usize>()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?
        };
        match fa.pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {idx} out of range for positional args tuple"
                )))
            }
        }
    } else {
        match &fa.kw {
            Kw::Pairs(p) => match p.iter().find(|(k, _)| *k == first) {
                Some((_, v)) => v.clone(),
                None => return Err(vm.key_error(vm.new_str(first))),
            },
            Kw::Mapping(m) => {
                let m = m.clone();
                let k = vm.new_str(first);
                vm.getitem(&m, &k)?
            }
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            v = vm.getattr_str(&v, attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let k = match key.parse::<i64>() {
                Ok(n) if key.chars().all(|c| c.is_ascii_digit()) => Value::Int(n),
                _ => vm.new_str(key),
            };
            v = vm.getitem(&v, &k)?;
            rest = &r[end + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        } else {
            break;
        }
    }
    Ok(v)
}

// ----- printf-style formatting -----

/// One parsed `%` conversion.
#[derive(Default)]
struct Conv {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alt: bool,
    width: usize,
    prec: Option<usize>,
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let f = fmt.as_str().unwrap_or("").to_string();
    let out = percent_core(vm, &f, args, false)?;
    Ok(vm.new_str(out))
}

/// The shared engine; `bytes_mode` formats `%s` with `__bytes__`/buffer
/// semantics for `bytes % args` (the caller converts the result back).
pub fn percent_core(vm: &mut Vm, f: &str, args: &Value, bytes_mode: bool) -> PyResult<String> {
    let tuple: Option<Vec<Value>> = args.as_tuple().map(|t| t.to_vec());
    let is_mapping = tuple.is_none()
        && args.as_str().is_none()
        && !matches!(args.payload(), Some(Payload::Bytes(_)))
        && (matches!(args.payload(), Some(Payload::Dict(_)))
            || args.as_obj().is_some_and(|o| {
                o.class().payload_type().heap_type
                    && vm.lookup_type(o.class(), "__getitem__").is_some()
            }));
    let items: Vec<Value> = tuple.clone().unwrap_or_else(|| vec![args.clone()]);
    let arglen: isize = if tuple.is_some() {
        items.len() as isize
    } else {
        -1
    };
    let mut argidx = 0usize;
    let mut used_dict = false;
    let chars: Vec<char> = f.chars().collect();
    let mut out = String::with_capacity(f.len());
    let mut i = 0;
    let next_arg = |vm: &Vm, argidx: &mut usize| -> PyResult<Value> {
        if *argidx < items.len() {
            *argidx += 1;
            Ok(items[*argidx - 1].clone())
        } else {
            Err(vm.type_error("not enough arguments for format string"))
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut key_value: Option<Value> = None;
        if chars.get(i) == Some(&'(') {
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let mut level = 1;
            let ks = i + 1;
            i += 1;
            while i < chars.len() && level > 0 {
                match chars[i] {
                    '(' => level += 1,
                    ')' => level -= 1,
                    _ => {}
                }
                i += 1;
            }
            if level > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[ks..i - 1].iter().collect();
            let k = if bytes_mode {
                vm.new_bytes(key.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>())
            } else {
                vm.new_str(key)
            };
            key_value = Some(vm.getitem(args, &k)?);
            used_dict = true;
        }
        let mut cv = Conv::default();
        while let Some(&fc) = chars.get(i) {
            match fc {
                '-' => cv.left = true,
                '+' => cv.plus = true,
                ' ' => cv.space = true,
                '#' => cv.alt = true,
                '0' => cv.zero = true,
                _ => break,
            }
            i += 1;
        }
        if chars.get(i) == Some(&'*') {
            i += 1;
            let w = next_arg(vm, &mut argidx)?;
            let Some(n) = as_int(&w) else {
                return Err(vm.type_error("* wants int"));
            };
            let n = num_traits::ToPrimitive::to_i64(n.to_big().as_ref()).unwrap_or(0);
            if n < 0 {
                cv.left = true;
            }
            cv.width = n.unsigned_abs() as usize;
        } else {
            let mut w = 0usize;
            while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                w = w.saturating_mul(10).saturating_add(d as usize);
                i += 1;
            }
            cv.width = w;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                i += 1;
                let p = next_arg(vm, &mut argidx)?;
                let Some(n) = as_int(&p) else {
                    return Err(vm.type_error("* wants int"));
                };
                let n = num_traits::ToPrimitive::to_i64(n.to_big().as_ref()).unwrap_or(0);
                cv.prec = Some(n.max(0) as usize);
            } else {
                let mut p = 0usize;
                while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                    p = p.saturating_mul(10).saturating_add(d as usize);
                    i += 1;
                }
                cv.prec = Some(p);
            }
        }
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(vm.value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match key_value.take() {
            Some(v) => v,
            None => next_arg(vm, &mut argidx)?,
        };
        let text = convert(vm, &cv, conv, &v, bytes_mode, i - 1)?;
        out.push_str(&text);
    }
    if arglen >= 0 && (argidx as isize) < arglen && !used_dict {
        return Err(vm.type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    if arglen < 0 && argidx == 0 && !used_dict && !is_mapping {
        return Err(vm.type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn pad_text(cv: &Conv, sign: &str, body: &str, numeric: bool) -> String {
    let len = sign.chars().count() + body.chars().count();
    if len >= cv.width {
        return format!("{sign}{body}");
    }
    let n = cv.width - len;
    if cv.left {
        format!("{sign}{body}{}", " ".repeat(n))
    } else if cv.zero && numeric {
        format!("{sign}{}{body}", "0".repeat(n))
    } else {
        format!("{}{sign}{body}", " ".repeat(n))
    }
}

fn sign_of(cv: &Conv, neg: bool) -> &'static str {
    if neg {
        "-"
    } else if cv.plus {
        "+"
    } else if cv.space {
        " "
    } else {
        ""
    }
}

/// An int for `%d`/`%x`...: ints as they are, floats truncated (for `%d`
/// only), else `__index__`/`__int__` of classes.
fn int_operand(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big().into_owned());
    }
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    if let Value::Float(f) = v {
        if decimal {
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    vm.value_error("cannot convert float NaN to integer")
                } else {
                    vm.overflow_error("cannot convert float infinity to integer")
                });
            }
            return Ok(crate::protocol::object::float_to_bigint(f.trunc()));
        }
    }
    let ty = vm.type_of(v).clone();
    let names: &[&str] = if decimal {
        &["__index__", "__int__"]
    } else {
        &["__index__"]
    };
    if ty.payload_type().heap_type {
        for n in names {
            if let Some(m) = vm.lookup_type(&ty, n) {
                let r = vm.call_method_value(&m, v, &[])?;
                if let Some(i) = as_int(&r) {
                    return Ok(i.to_big().into_owned());
                }
            }
        }
    }
    Err(vm.type_error(if decimal {
        format!(
            "%{conv} format: a real number is required, not {}",
            vm.type_name(v)
        )
    } else {
        format!(
            "%{conv} format: an integer is required, not {}",
            vm.type_name(v)
        )
    }))
}

fn convert(
    vm: &mut Vm,
    cv: &Conv,
    conv: char,
    v: &Value,
    bytes_mode: bool,
    at: usize,
) -> PyResult<String> {
    Ok(match conv {
        's' | 'r' | 'a' | 'b' => {
            let mut s = match conv {
                's' if bytes_mode => bytes_operand(vm, v)?,
                'b' if bytes_mode => bytes_operand(vm, v)?,
                's' => vm.str_string(v)?,
                'r' if bytes_mode => {
                    let r = vm.repr_string(v)?;
                    crate::builtins::ascii_escape(&r)
                }
                'r' => vm.repr_string(v)?,
                'a' => {
                    let r = vm.repr_string(v)?;
                    crate::builtins::ascii_escape(&r)
                }
                _ => {
                    return Err(vm.value_error(format!(
                        "unsupported format character '{conv}' (0x{:x}) at index {at}",
                        conv as u32
                    )))
                }
            };
            if let Some(p) = cv.prec {
                s = s.chars().take(p).collect();
            }
            pad_text(cv, "", &s, false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_operand(vm, v, conv)?;
            let mag = n.abs();
            let mut digits = match conv {
                'o' => mag.to_str_radix(8),
                'x' => mag.to_str_radix(16),
                'X' => mag.to_str_radix(16).to_uppercase(),
                _ => mag.to_string(),
            };
            if let Some(p) = cv.prec {
                if digits.len() < p {
                    digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                }
            }
            let prefix = match conv {
                'o' if cv.alt => "0o",
                'x' if cv.alt => "0x",
                'X' if cv.alt => "0X",
                _ => "",
            };
            let sign = format!("{}{prefix}", sign_of(cv, n.is_negative()));
            pad_text(cv, &sign, &digits, true)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match v {
                Value::Float(f) => *f,
                _ => match as_int(v) {
                    Some(i) => crate::objects::int::to_f64(&i)
                        .ok_or_else(|| vm.overflow_error("int too large to convert to float"))?,
                    None => {
                        let ty = vm.type_of(v).clone();
                        let m = if ty.payload_type().heap_type {
                            vm.lookup_type(&ty, "__float__")
                        } else {
                            None
                        };
                        match m {
                            Some(m) => match vm.call_method_value(&m, v, &[])? {
                                Value::Float(f) => f,
                                _ => return Err(vm.type_error("__float__ returned non-float")),
                            },
                            None => {
                                return Err(vm.type_error(format!(
                                    "must be real number, not {}",
                                    vm.type_name(v)
                                )))
                            }
                        }
                    }
                },
            };
            let prec = cv.prec.unwrap_or(6);
            let spec = format!("{}.{prec}{conv}", if cv.alt { "#" } else { "" });
            let body = crate::format::format_value(vm, &Value::Float(x.abs()), &spec)?;
            let neg = x.is_sign_negative() && !x.is_nan();
            pad_text(cv, sign_of(cv, neg), &body, x.is_finite())
        }
        'c' => {
            let ch = if let Some(s) = v.as_str().filter(|_| !bytes_mode) {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => return Err(vm.type_error("%c requires int or char")),
                }
            } else if let Some(Payload::Bytes(b)) = v.payload() {
                if bytes_mode && b.len() == 1 {
                    b[0] as char
                } else {
                    return Err(
                        vm.type_error("%c requires an integer in range(256) or a single byte")
                    );
                }
            } else if let Some(i) = as_int(v) {
                let n = num_traits::ToPrimitive::to_i64(i.to_big().as_ref()).unwrap_or(-1);
                let limit = if bytes_mode { 256 } else { 0x110000 };
                match u32::try_from(n)
                    .ok()
                    .filter(|&n| n < limit)
                    .and_then(char::from_u32)
                {
                    Some(c) => c,
                    None => {
                        return Err(if bytes_mode {
                            vm.overflow_error("%c arg not in range(256)")
                        } else {
                            vm.overflow_error("%c arg not in range(0x110000)")
                        })
                    }
                }
            } else {
                return Err(vm.type_error(if bytes_mode {
                    "%c requires an integer in range(256) or a single byte"
                } else {
                    "%c requires int or char"
                }));
            };
            pad_text(cv, "", &ch.to_string(), false)
        }
        c => {
            return Err(vm.value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {at}",
                c, c as u32
            )))
        }
    })
}

/// `%s`/`%b` in `bytes % args`: the operand's bytes, carried as Latin-1 text
/// until the caller turns the result back into bytes.
fn bytes_operand(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(b.iter().map(|&x| x as char).collect()),
        Some(Payload::ByteArray(b)) => Ok(b.get().iter().map(|&x| x as char).collect()),
        _ => Err(vm.type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            vm.type_name(v)
        ))),
    }
}
