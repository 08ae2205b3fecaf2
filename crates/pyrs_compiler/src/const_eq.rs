//! Python's view of a constant where compile-time errors need it: `==` (as a
//! set sees keys: `1 == 1.0 == True`) and `repr()` for messages such as
//! "mapping pattern checks duplicate key ('a')". Reference: CPython 3.11
//! Objects/unicodeobject.c `unicode_repr`, Objects/bytesobject.c, floatobject.c.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use pyrs_bytecode::Const;

fn as_number(c: &Const) -> Option<(f64, Option<BigInt>)> {
    match c {
        Const::Bool(b) => Some((*b as i64 as f64, Some(BigInt::from(*b as i64)))),
        Const::Int(i) => Some((i.to_f64().unwrap_or(f64::INFINITY), Some(i.clone()))),
        Const::Float(f) => Some((*f, None)),
        Const::Complex { real, imag } if *imag == 0.0 => Some((*real, None)),
        _ => None,
    }
}

/// `a == b` for two constants.
pub fn python_eq(a: &Const, b: &Const) -> bool {
    if let (Some((fa, ia)), Some((fb, ib))) = (as_number(a), as_number(b)) {
        return match (ia, ib) {
            (Some(x), Some(y)) => x == y,
            _ => fa == fb,
        };
    }
    match (a, b) {
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Complex { real: a, imag: b }, Const::Complex { real: c, imag: d }) => {
            a == c && b == d
        }
        (Const::Tuple(x), Const::Tuple(y)) | (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| python_eq(p, q))
        }
        _ => false,
    }
}

/// The items of `frozenset(items)`: later duplicates (by `==`, so `1`, `1.0`
/// and `True` are one) are dropped, as a set keeps the first it was given.
pub fn set_items(items: Vec<Const>) -> Vec<Const> {
    let mut out: Vec<Const> = Vec::with_capacity(items.len());
    for c in items {
        if !out.iter().any(|x| python_eq(x, &c)) {
            out.push(c);
        }
    }
    out
}

pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let s = format!("{f:?}");
    // Rust's shortest round-trip digits; CPython switches to exponent form
    // outside 1e-4 <= |f| < 1e16.
    let a = f.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        let e = format!("{f:e}");
        let (m, exp) = e.split_once('e').unwrap_or((&e, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{m}e{sign}{:02}", exp.abs());
    }
    s
}

/// `repr(c)`.
pub fn repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::StopIteration => "<class 'StopIteration'>".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex { real, imag } => {
            let im = float_repr(*imag);
            let im = im.strip_suffix(".0").unwrap_or(&im).to_string();
            if *real == 0.0 && real.is_sign_positive() {
                format!("{im}j")
            } else {
                let re = float_repr(*real);
                let re = re.strip_suffix(".0").unwrap_or(&re).to_string();
                let sign = if imag.is_sign_negative() || imag.is_nan() {
                    ""
                } else {
                    "+"
                };
                format!("({re}{sign}{im}j)")
            }
        }
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Tuple(t) => {
            let items: Vec<String> = t.iter().map(repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Const::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(repr).collect();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Const::Code(co) => format!("<code object {}>", co.co_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn equality_is_numeric_across_types() {
        let one = Const::Int(1.into());
        assert!(python_eq(&one, &Const::Float(1.0)));
        assert!(python_eq(&one, &Const::Bool(true)));
        assert!(!python_eq(&one, &Const::Str(Rc::from("1"))));
    }

    // Expected strings are CPython's repr() of the same values.
    #[test]
    fn reprs_match_cpython() {
        assert_eq!(repr(&Const::Str(Rc::from("a'b"))), "\"a'b\"");
        assert_eq!(repr(&Const::Str(Rc::from("x\n"))), "'x\\n'");
        assert_eq!(repr(&Const::Bytes(Rc::from(&b"a\x00"[..]))), "b'a\\x00'");
        assert_eq!(repr(&Const::Float(1e20)), "1e+20");
        assert_eq!(repr(&Const::Float(0.5)), "0.5");
        assert_eq!(
            repr(&Const::Complex {
                real: 0.0,
                imag: 2.0
            }),
            "2j"
        );
    }
}
