//! `format(value, spec)`: the format-spec mini-language for str, int and float
//! (Python/formatter_unicode.c), and `__format__` of classes.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::float;
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::Signed;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
    /// `z`: negative zero becomes positive (floats only).
    no_neg_zero: bool,
}

fn parse_spec(vm: &Vm, spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| vm.value_error("Too many decimal digits in format string"))?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        s.precision = Some(
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(vm.value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// Pad `body` (with its sign split off as `sign`) to the spec's width.
fn pad(s: &Spec, sign: &str, body: &str, default_align: char) -> String {
    let len = sign.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let n = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() {
        ('0', '=')
    } else {
        (s.fill.unwrap_or(' '), s.align.unwrap_or(default_align))
    };
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

/// Insert a thousands separator every three digits of the integer part.
fn group(digits: &str, sep: char, every: usize) -> String {
    let (int_part, rest) = match digits.find(|c: char| !c.is_ascii_alphanumeric()) {
        Some(p) => digits.split_at(p),
        None => (digits, ""),
    };
    let mut out = String::new();
    let n = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out + rest
}

/// Zero padding applies (`0` flag with no explicit alignment).
fn zero_padded(s: &Spec) -> bool {
    s.zero && s.align.is_none()
}

/// Group the integer part of `body`, first padding it with zeros so the
/// whole is at least `width` long; the padding is grouped too and never
/// starts with a separator (CPython's `fill_number` with grouping).
fn zero_group(body: &str, sep: char, every: usize, width: usize) -> String {
    let split = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let (int_part, rest) = body.split_at(split);
    let rest_len = rest.chars().count();
    let mut digits = int_part.to_string();
    loop {
        let g = group(&digits, sep, every);
        if g.chars().count() + rest_len >= width {
            return g + rest;
        }
        digits.insert(0, '0');
    }
}

fn sign_str(s: &Spec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let heap = v
        .as_obj()
        .is_some_and(|o| o.class().payload_type().heap_type);
    if heap {
        let ty = vm.type_of(v).clone();
        if let Some(m) = vm.lookup_type(&ty, "__format__") {
            if crate::objects::descriptor::is_python_defined(&m) {
                let sv = vm.new_str(spec);
                let r = vm.call_method_value(&m, v, &[sv])?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(vm.type_error(format!(
                        "__format__ must return a str, not {}",
                        vm.type_name(&r)
                    ))),
                };
            }
        }
    }
    if spec.is_empty() {
        return vm.str_string(v);
    }
    let s = parse_spec(vm, spec)?;
    if s.no_neg_zero
        && (as_int(v).is_some())
        && !matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%'))
    {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in integer format specifier")
        );
    }
    if let Some(i) = as_int(v) {
        let big = i.to_big().into_owned();
        return format_int(vm, &s, &big);
    }
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return format_complex(vm, &s, *re, *im);
    }
    if let Value::Float(f) = v {
        return format_float(vm, &s, *f);
    }
    if let Some(text) = v.as_str() {
        if let Some(t) = s.ty.filter(|&t| t != 's') {
            return Err(vm.value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )));
        }
        if s.sign.is_some() {
            return Err(vm.value_error("Sign not allowed in string format specifier"));
        }
        let body: String = match s.precision {
            Some(p) => text.chars().take(p).collect(),
            None => text.to_string(),
        };
        return Ok(pad(&s, "", &body, '<'));
    }
    Err(vm.type_error(format!(
        "unsupported format string passed to {}.__format__",
        vm.type_name(v)
    )))
}

fn format_int(vm: &mut Vm, s: &Spec, i: &BigInt) -> PyResult<String> {
    let ty = s.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = crate::objects::int::to_f64(&crate::objects::int::IntRef::Big(i))
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"))?;
        return format_float(vm, s, f);
    }
    if s.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let neg = i.is_negative();
    let mag = i.abs();
    let (digits, prefix) = match ty {
        'd' | 'n' => (mag.to_string(), ""),
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            let c = num_traits::ToPrimitive::to_u32(i)
                .and_then(char::from_u32)
                .ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?;
            return Ok(pad(s, "", &c.to_string(), '<'));
        }
        t => {
            return Err(vm.value_error(format!(
                "Unknown format code '{t}' for object of type 'int'"
            )))
        }
    };
    let sign = format!(
        "{}{}",
        sign_str(s, neg),
        if s.alternate { prefix } else { "" }
    );
    let every = if matches!(ty, 'd' | 'n') { 3 } else { 4 };
    let digits = match s.grouping {
        Some(g) if zero_padded(s) => zero_group(
            &digits,
            g,
            every,
            s.width.saturating_sub(sign.chars().count()),
        ),
        Some(g) => group(&digits, g, every),
        None => digits,
    };
    Ok(pad(s, &sign, &digits, '>'))
}

fn format_float(vm: &mut Vm, s: &Spec, f: f64) -> PyResult<String> {
    let neg = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let ty = s.ty;
    let body = if a.is_infinite() || a.is_nan() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        let pct = if ty == Some('%') { "%" } else { "" };
        if matches!(ty, Some('E' | 'F' | 'G')) {
            t.to_uppercase()
        } else {
            format!("{t}{pct}")
        }
    } else {
        match ty {
            Some('f' | 'F') => {
                let p = s.precision.unwrap_or(6);
                let dot = if s.alternate && p == 0 { "." } else { "" };
                format!("{:.*}{dot}", p, a)
            }
            Some('%') => {
                let p = s.precision.unwrap_or(6);
                let dot = if s.alternate && p == 0 { "." } else { "" };
                format!("{:.*}{dot}%", p, a * 100.0)
            }
            Some('e' | 'E') => {
                let r = exp_format(a, s.precision.unwrap_or(6));
                if ty == Some('E') {
                    r.to_uppercase()
                } else {
                    r
                }
            }
            Some('g' | 'G') => {
                let r = general_format(a, s.precision.unwrap_or(6), s.alternate);
                if ty == Some('G') {
                    r.to_uppercase()
                } else {
                    r
                }
            }
            None => match s.precision {
                Some(p) => {
                    let r = general_format(a, p.max(1), s.alternate);
                    if r.contains(['.', 'e', 'n', 'i']) {
                        r
                    } else {
                        format!("{r}.0")
                    }
                }
                None => float::repr(a),
            },
            Some(t) => {
                return Err(vm.value_error(format!(
                    "Unknown format code '{t}' for object of type 'float'"
                )))
            }
        }
    };
    // `z`: a result that rounds to zero loses its minus sign.
    let neg = neg && !(s.no_neg_zero && body.chars().all(|c| !c.is_ascii_digit() || c == '0'));
    let body = match s.grouping {
        Some(g) if zero_padded(s) && a.is_finite() => {
            let sign_len = sign_str(s, neg).len();
            zero_group(&body, g, 3, s.width.saturating_sub(sign_len))
        }
        Some(g) => group(&body, g, 3),
        None => body,
    };
    Ok(pad(s, sign_str(s, neg), &body, '>'))
}

/// `%e` formatting with CPython's two-digit minimum exponent.
fn exp_format(a: f64, prec: usize) -> String {
    let r = format!("{:.*e}", prec, a);
    let (m, e) = r.split_once('e').unwrap_or((&r, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%g` formatting: significant digits, trailing zeros removed unless `#`.
fn general_format(a: f64, prec: usize, alternate: bool) -> String {
    let p = prec.max(1);
    if a == 0.0 {
        return if alternate {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let e = format!("{:.*e}", p - 1, a);
    let exp: i32 = e
        .split_once('e')
        .map(|(_, x)| x.parse().unwrap_or(0))
        .unwrap_or(0);
    let mut r = if exp < -4 || exp >= p as i32 {
        exp_format(a, p - 1)
    } else {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a)
    };
    if !alternate {
        if let Some(epos) = r.find('e') {
            let (m, e) = r.split_at(epos);
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            r = format!("{m}{e}");
        } else if r.contains('.') {
            r = r.trim_end_matches('0').trim_end_matches('.').to_string();
        }
    }
    r
}

/// `format(complex, spec)`: with no type, the repr's form (parentheses when
/// there is a real part); with a float type, both parts in that type and no
/// parentheses (Objects/complexobject.c `format_complex_internal`).
fn format_complex(vm: &mut Vm, s: &Spec, re: f64, im: f64) -> PyResult<String> {
    if s.zero {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    if let Some(t) =
        s.ty.filter(|t| !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G'))
    {
        return Err(vm.value_error(format!(
            "Unknown format code '{t}' for object of type 'complex'"
        )));
    }
    let alt = if s.alternate { "#" } else { "" };
    let part = |vm: &mut Vm, x: f64, sign: &str, ty: Option<char>| -> PyResult<String> {
        let prec = s.precision.map(|p| format!(".{p}")).unwrap_or_default();
        let ty = ty.map(String::from).unwrap_or_default();
        format_float(vm, &parse_spec(vm, &format!("{sign}{alt}{prec}{ty}"))?, x)
    };
    let sign = match s.sign {
        Some('+') => "+",
        Some(' ') => " ",
        _ => "",
    };
    let body = match s.ty {
        None => {
            let no_real = re == 0.0 && re.is_sign_positive();
            let ty = if s.precision.is_some() {
                Some('g')
            } else {
                None
            };
            let imag = part(vm, im, if no_real { sign } else { "+" }, ty)?;
            let imag = if s.precision.is_none() {
                imag.strip_suffix(".0").map(str::to_string).unwrap_or(imag)
            } else {
                imag
            };
            if no_real {
                format!("{imag}j")
            } else {
                let real = part(vm, re, sign, ty)?;
                let real = if s.precision.is_none() {
                    real.strip_suffix(".0").map(str::to_string).unwrap_or(real)
                } else {
                    real
                };
                format!("({real}{imag}j)")
            }
        }
        ty => {
            let real = part(vm, re, sign, ty)?;
            let imag = part(vm, im, "+", ty)?;
            format!("{real}{imag}j")
        }
    };
    let spec = Spec {
        fill: s.fill,
        align: s.align,
        width: s.width,
        ..Spec::default()
    };
    Ok(pad(&spec, "", &body, '>'))
}
