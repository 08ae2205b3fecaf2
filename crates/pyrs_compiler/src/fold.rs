//! Constant folding: the value of an expression that is a constant after
//! CPython's AST optimizer has run (Python/ast_opt.c: `fold_unaryop`,
//! `fold_binop` with the `safe_*` size limits, `fold_tuple`, `fold_subscr`,
//! `__debug__`). Instead of rewriting the AST, the code generator asks
//! `const_value` wherever CPython would see a `Constant` node.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use pyrs_bytecode::Const;
use pyrs_syntax::ast::{self, Expr, Number, Operator, UnaryOp};
use std::rc::Rc;

/// ast_opt.c limits on folded results.
const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// The integer a literal token denotes (ruff keeps big literals as their text).
pub fn parse_int(i: &ast::Int) -> BigInt {
    if let Some(v) = i.as_u64() {
        return BigInt::from(v);
    }
    let text: String = i.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}

/// The constant `e` evaluates to, if CPython's optimizer would make it one.
pub fn const_value(e: &Expr, optimize: u8) -> Option<Const> {
    const_value_depth(e, optimize, 0)
}

fn const_value_depth(e: &Expr, optimize: u8, depth: u32) -> Option<Const> {
    if depth > 200 {
        return None;
    }
    let rec = |x: &Expr| const_value_depth(x, optimize, depth + 1);
    match e {
        Expr::NumberLiteral(n) => Some(match &n.value {
            Number::Int(i) => Const::Int(parse_int(i)),
            Number::Float(f) => Const::Float(*f),
            Number::Complex { real, imag } => Const::Complex {
                real: *real,
                imag: *imag,
            },
        }),
        Expr::StringLiteral(s) => Some(Const::Str(Rc::from(s.value.to_str()))),
        Expr::BytesLiteral(b) => {
            let mut v = Vec::new();
            for part in b.value.iter() {
                v.extend_from_slice(&part.value);
            }
            Some(Const::Bytes(Rc::from(v)))
        }
        Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Const::None),
        Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => {
            Some(Const::Bool(optimize == 0))
        }
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let mut items = Vec::with_capacity(t.elts.len());
            for x in &t.elts {
                if matches!(x, Expr::Starred(_)) {
                    return None;
                }
                items.push(rec(x)?);
            }
            Some(Const::Tuple(Rc::from(items)))
        }
        Expr::UnaryOp(u) => {
            let v = rec(&u.operand)?;
            fold_unary(u.op, &v)
        }
        Expr::BinOp(b) => {
            let l = rec(&b.left)?;
            let r = rec(&b.right)?;
            fold_binop(&l, b.op, &r)
        }
        Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => {
            let v = rec(&s.value)?;
            let i = rec(&s.slice)?;
            fold_subscr(&v, &i)
        }
        _ => None,
    }
}

fn as_int(c: &Const) -> Option<BigInt> {
    match c {
        Const::Int(i) => Some(i.clone()),
        Const::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

fn as_float(c: &Const) -> Option<f64> {
    match c {
        Const::Float(f) => Some(*f),
        Const::Int(i) => i.to_f64().filter(|f| f.is_finite()),
        Const::Bool(b) => Some(*b as u8 as f64),
        _ => None,
    }
}

fn is_number(c: &Const) -> bool {
    matches!(c, Const::Int(_) | Const::Bool(_) | Const::Float(_))
}

fn truthy(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Ellipsis => true,
        Const::Bool(b) => *b,
        Const::Int(i) => !i.is_zero(),
        Const::Float(f) => *f != 0.0,
        Const::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        _ => return None,
    })
}

/// `PyObject_IsTrue` of a constant (used by the LOAD_CONST + jump peephole).
pub fn const_truth(c: &Const) -> Option<bool> {
    truthy(c)
}

fn fold_unary(op: UnaryOp, v: &Const) -> Option<Const> {
    match op {
        UnaryOp::Not => Some(Const::Bool(!truthy(v)?)),
        UnaryOp::USub => match v {
            Const::Float(f) => Some(Const::Float(-f)),
            Const::Complex { real, imag } => Some(Const::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => Some(Const::Int(-as_int(v)?)),
        },
        UnaryOp::UAdd => match v {
            Const::Float(_) | Const::Complex { .. } => Some(v.clone()),
            _ => Some(Const::Int(as_int(v)?)),
        },
        UnaryOp::Invert => Some(Const::Int(-as_int(v)? - 1)),
    }
}

fn seq_len(c: &Const) -> Option<usize> {
    match c {
        Const::Str(s) => Some(s.chars().count()),
        Const::Bytes(b) => Some(b.len()),
        Const::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

/// Floor division and modulo with Python's sign rules.
fn int_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let (mut q, mut r) = (a / b, a % b);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

fn float_mod(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Some(m)
}

fn float_floordiv(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    Some(floordiv)
}

fn repeat(seq: &Const, n: &BigInt) -> Option<Const> {
    let len = seq_len(seq)?;
    let n = if n.is_negative() { 0 } else { n.to_usize()? };
    let limit = match seq {
        Const::Tuple(_) => MAX_COLLECTION_SIZE,
        _ => MAX_STR_SIZE,
    };
    if len != 0 && n > limit / len {
        return None;
    }
    Some(match seq {
        Const::Str(s) => Const::Str(Rc::from(s.repeat(n))),
        Const::Bytes(b) => Const::Bytes(Rc::from(b.repeat(n))),
        Const::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            if v.len() > MAX_TOTAL_ITEMS {
                return None;
            }
            Const::Tuple(Rc::from(v))
        }
        _ => return None,
    })
}

/// Complex division as CPython computes it (`_Py_c_quot`: scale by the
/// larger part of the divisor, Smith's method); `None` for a zero divisor.
fn complex_quotient((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> Option<(f64, f64)> {
    if br.abs() >= bi.abs() {
        if br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if bi.abs() >= br.abs() {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `x ** y` as `complex_pow` computes it for a zero or small integral
/// exponent (repeated squaring, `c_powi`); other exponents need libm's
/// transcendental functions and are left to run time.
fn complex_power(x: (f64, f64), (er, ei): (f64, f64)) -> Option<(f64, f64)> {
    if er == 0.0 && ei == 0.0 {
        return Some((1.0, 0.0));
    }
    if ei != 0.0 || er != er.floor() || er.abs() > 100.0 {
        return None;
    }
    let prod = |(a, b): (f64, f64), (c, d): (f64, f64)| (a * c - b * d, a * d + b * c);
    let powu = |mut n: u64| {
        let (mut r, mut p) = ((1.0, 0.0), x);
        while n > 0 {
            if n & 1 == 1 {
                r = prod(r, p);
            }
            p = prod(p, p);
            n >>= 1;
        }
        r
    };
    let n = er as i64;
    if n > 0 {
        Some(powu(n as u64))
    } else {
        complex_quotient((1.0, 0.0), powu(n.unsigned_abs()))
    }
}

/// `a + b`, `a - b`, `a * b`, `a / b`, `a ** b` with a complex operand, computed as complex's
/// own arithmetic does (the other operand becomes `complex(x, 0.0)`, so
/// `0.0 + -0.0` rules apply to the imaginary part). Other operators are left
/// to run time.
fn fold_complex(l: &Const, op: Operator, r: &Const) -> Option<Const> {
    let parts = |c: &Const| match c {
        Const::Complex { real, imag } => Some((*real, *imag)),
        other => as_float(other).map(|f| (f, 0.0)),
    };
    let ((a, b), (c, d)) = (parts(l)?, parts(r)?);
    let (real, imag) = match op {
        Operator::Add => (a + c, b + d),
        Operator::Sub => (a - c, b - d),
        Operator::Mult => (a * c - b * d, a * d + b * c),
        Operator::Div => complex_quotient((a, b), (c, d))?,
        Operator::Pow => complex_power((a, b), (c, d))?,
        _ => return None,
    };
    Some(Const::Complex { real, imag })
}

fn fold_binop(l: &Const, op: Operator, r: &Const) -> Option<Const> {
    // Sequences first: concatenation and repetition.
    match (op, l, r) {
        (Operator::Add, Const::Str(a), Const::Str(b)) => {
            return Some(Const::Str(Rc::from(format!("{a}{b}"))))
        }
        (Operator::Add, Const::Bytes(a), Const::Bytes(b)) => {
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            return Some(Const::Bytes(Rc::from(v)));
        }
        (Operator::Add, Const::Tuple(a), Const::Tuple(b)) => {
            let v: Vec<Const> = a.iter().chain(b.iter()).cloned().collect();
            return Some(Const::Tuple(Rc::from(v)));
        }
        (Operator::Mult, Const::Str(_) | Const::Bytes(_) | Const::Tuple(_), _) => {
            return repeat(l, &as_int(r)?)
        }
        (Operator::Mult, _, Const::Str(_) | Const::Bytes(_) | Const::Tuple(_)) => {
            return repeat(r, &as_int(l)?)
        }
        _ => {}
    }
    if matches!(l, Const::Complex { .. }) || matches!(r, Const::Complex { .. }) {
        return fold_complex(l, op, r);
    }
    if !is_number(l) || !is_number(r) {
        return None;
    }
    // bool & | ^ bool stays a bool.
    if let (Const::Bool(a), Const::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(Const::Bool(*a & *b)),
            Operator::BitOr => return Some(Const::Bool(*a | *b)),
            Operator::BitXor => return Some(Const::Bool(*a ^ *b)),
            _ => {}
        }
    }
    let both_int = !matches!(l, Const::Float(_)) && !matches!(r, Const::Float(_));
    if both_int {
        let (a, b) = (as_int(l)?, as_int(r)?);
        let bits = |x: &BigInt| x.bits();
        let v = match op {
            Operator::Add => a + b,
            Operator::Sub => a - b,
            Operator::Mult => {
                if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                a * b
            }
            Operator::FloorDiv => int_divmod(&a, &b)?.0,
            Operator::Mod => int_divmod(&a, &b)?.1,
            Operator::Div => {
                if b.is_zero() {
                    return None;
                }
                let (fa, fb) = (a.to_f64()?, b.to_f64()?);
                if fa.abs() > 9.007_199_254_740_992e15 || fb.abs() > 9.007_199_254_740_992e15 {
                    // Correct rounding of huge quotients needs CPython's algorithm.
                    return None;
                }
                return Some(Const::Float(fa / fb));
            }
            Operator::Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return None;
                    }
                    let (fa, fb) = (a.to_f64()?, b.to_f64()?);
                    return Some(Const::Float(fa.powf(fb))).filter(|c| match c {
                        Const::Float(f) => f.is_finite(),
                        _ => true,
                    });
                }
                let e = b.to_u64()?;
                if !a.is_zero() && !a.is_one() && bits(&a) * e > MAX_INT_SIZE {
                    return None;
                }
                num_traits::pow(a, e.to_usize()?)
            }
            Operator::LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if !a.is_zero() && (s > MAX_INT_SIZE || bits(&a) + s > MAX_INT_SIZE) {
                    return None;
                }
                a << s.to_usize()?
            }
            Operator::RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                // Python's >> rounds towards negative infinity.
                let d = num_traits::pow(BigInt::from(2), s as usize);
                int_divmod(&a, &d)?.0
            }
            Operator::BitAnd => a & b,
            Operator::BitOr => a | b,
            Operator::BitXor => a ^ b,
            Operator::MatMult => return None,
        };
        return Some(Const::Int(v));
    }
    let (a, b) = (as_float(l)?, as_float(r)?);
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Operator::FloorDiv => float_floordiv(a, b)?,
        Operator::Mod => float_mod(a, b)?,
        Operator::Pow => {
            if a == 0.0 && b < 0.0 || a < 0.0 && b.fract() != 0.0 {
                return None;
            }
            a.powf(b)
        }
        _ => return None,
    };
    if !v.is_finite() && a.is_finite() && b.is_finite() {
        // OverflowError at compile time: CPython leaves the expression alone.
        return None;
    }
    Some(Const::Float(v))
}

fn fold_subscr(v: &Const, i: &Const) -> Option<Const> {
    let idx = as_int(i)?;
    let len = seq_len(v)? as i64;
    let mut k = idx.to_i64()?;
    if k < 0 {
        k += len;
    }
    if k < 0 || k >= len {
        return None;
    }
    let k = k as usize;
    match v {
        Const::Str(s) => s
            .chars()
            .nth(k)
            .map(|c| Const::Str(Rc::from(c.to_string()))),
        Const::Bytes(b) => Some(Const::Int(BigInt::from(b[k]))),
        Const::Tuple(t) => Some(t[k].clone()),
        _ => None,
    }
}
