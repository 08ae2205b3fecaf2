//! int arithmetic: inline `i64` values with overflow into `BigInt` objects, and
//! back again whenever a result fits (so one int has one representation).
//! Semantics and messages as CPython's Objects/longobject.c.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::borrow::Cow;

/// An int operand: borrowed inline value or big payload.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> Cow<'_, BigInt> {
        match self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(*i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntRef::Small(i) => *i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
}

/// The result of an int operation, before it becomes a `Value`.
pub enum IntResult {
    Small(i64),
    Big(BigInt),
}

impl IntResult {
    /// Normalise: a big result that fits in i64 becomes small.
    pub fn from_big(b: BigInt) -> IntResult {
        match b.to_i64() {
            Some(i) => IntResult::Small(i),
            None => IntResult::Big(b),
        }
    }
}

pub fn add(a: &IntRef, b: &IntRef) -> IntResult {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_add(*y) {
            return IntResult::Small(r);
        }
    }
    IntResult::from_big(&*a.to_big() + &*b.to_big())
}

pub fn sub(a: &IntRef, b: &IntRef) -> IntResult {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_sub(*y) {
            return IntResult::Small(r);
        }
    }
    IntResult::from_big(&*a.to_big() - &*b.to_big())
}

pub fn mul(a: &IntRef, b: &IntRef) -> IntResult {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_mul(*y) {
            return IntResult::Small(r);
        }
    }
    IntResult::from_big(&*a.to_big() * &*b.to_big())
}

/// Floor division; `None` for division by zero.
pub fn floordiv(a: &IntRef, b: &IntRef) -> Option<IntResult> {
    if b.is_zero() {
        return None;
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(q) = x.checked_div(*y) {
            let q = if (x % y != 0) && ((*x < 0) != (*y < 0)) {
                q - 1
            } else {
                q
            };
            return Some(IntResult::Small(q));
        }
    }
    Some(IntResult::from_big(a.to_big().div_floor(&b.to_big())))
}

/// Modulo with the sign of the divisor; `None` for division by zero.
pub fn modulo(a: &IntRef, b: &IntRef) -> Option<IntResult> {
    if b.is_zero() {
        return None;
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_rem(*y) {
            let r = if r != 0 && ((r < 0) != (*y < 0)) {
                r + y
            } else {
                r
            };
            return Some(IntResult::Small(r));
        }
    }
    Some(IntResult::from_big(a.to_big().mod_floor(&b.to_big())))
}

/// `a ** b` for `b >= 0` (the caller turns a negative exponent into float power).
pub fn pow(a: &IntRef, b: &IntRef) -> IntResult {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if *y >= 0 && *y <= u32::MAX as i64 {
            if let Some(r) = x.checked_pow(*y as u32) {
                return IntResult::Small(r);
            }
        }
    }
    let base = a.to_big();
    let exp = b.to_big();
    // Exponents past u32 overflow memory for any base other than 0, 1 and -1;
    // the caller checks the size before asking.
    let e = exp.to_u32().unwrap_or(u32::MAX);
    IntResult::from_big(num_traits::pow::Pow::pow(&*base, e))
}

/// `pow(a, b, m)`; the caller has checked `m != 0` and `b >= 0`.
pub fn pow_mod(a: &IntRef, b: &IntRef, m: &IntRef) -> IntResult {
    let m = m.to_big();
    let r = a.to_big().modpow(&b.to_big(), &m.abs());
    // modpow returns a non-negative result for a positive modulus; Python's result
    // has the sign of the modulus.
    let r = if m.is_negative() && !r.is_zero() {
        r + &*m
    } else {
        r
    };
    IntResult::from_big(r)
}

pub fn neg(a: &IntRef) -> IntResult {
    match a {
        IntRef::Small(x) => match x.checked_neg() {
            Some(r) => IntResult::Small(r),
            None => IntResult::Big(-BigInt::from(*x)),
        },
        IntRef::Big(b) => IntResult::from_big(-(*b).clone()),
    }
}

pub fn invert(a: &IntRef) -> IntResult {
    match a {
        IntRef::Small(x) => IntResult::Small(!x),
        IntRef::Big(b) => IntResult::from_big(-(*b).clone() - BigInt::one()),
    }
}

pub fn abs(a: &IntRef) -> IntResult {
    if a.is_negative() {
        neg(a)
    } else {
        match a {
            IntRef::Small(x) => IntResult::Small(*x),
            IntRef::Big(b) => IntResult::Big((*b).clone()),
        }
    }
}

pub fn bitand(a: &IntRef, b: &IntRef) -> IntResult {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => IntResult::Small(x & y),
        _ => IntResult::from_big(&*a.to_big() & &*b.to_big()),
    }
}

pub fn bitor(a: &IntRef, b: &IntRef) -> IntResult {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => IntResult::Small(x | y),
        _ => IntResult::from_big(&*a.to_big() | &*b.to_big()),
    }
}

pub fn bitxor(a: &IntRef, b: &IntRef) -> IntResult {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => IntResult::Small(x ^ y),
        _ => IntResult::from_big(&*a.to_big() ^ &*b.to_big()),
    }
}

/// `a << n` for `0 <= n` (the caller rejects negative counts and absurd sizes).
pub fn lshift(a: &IntRef, n: u64) -> IntResult {
    if let IntRef::Small(x) = a {
        if n < 63 {
            let r = x.wrapping_shl(n as u32);
            if r >> n == *x {
                return IntResult::Small(r);
            }
        }
        if *x == 0 {
            return IntResult::Small(0);
        }
    }
    IntResult::from_big(&*a.to_big() << n as usize)
}

/// `a >> n` for `0 <= n`, flooring as Python does.
pub fn rshift(a: &IntRef, n: u64) -> IntResult {
    match a {
        IntRef::Small(x) => IntResult::Small(if n >= 64 {
            if *x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> n
        }),
        IntRef::Big(b) => {
            let n = n.min(usize::MAX as u64) as usize;
            // BigInt's >> on negatives rounds toward negative infinity, as Python's.
            IntResult::from_big((*b) >> n)
        }
    }
}

pub fn cmp(a: &IntRef, b: &IntRef) -> std::cmp::Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
        _ => a.to_big().cmp(&b.to_big()),
    }
}

/// `int / int`, correctly rounded as CPython's `long_true_divide`.
pub fn truediv(a: &IntRef, b: &IntRef) -> Result<f64, &'static str> {
    if b.is_zero() {
        return Err("division by zero");
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        // Both exactly representable: one IEEE division is correctly rounded.
        if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
            return Ok(*x as f64 / *y as f64);
        }
    }
    let (a, b) = (a.to_big(), b.to_big());
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    // Scale so the quotient has 55+ significant bits, then round half to even
    // with a sticky bit: the same result as exact division rounded once.
    let shift = b.bits() as i64 - a.bits() as i64 + 55;
    let (num, den) = if shift > 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let exp = -shift;
    let result = ldexp_round(q, exp);
    if result.is_infinite() {
        return Err("integer division result too large for a float");
    }
    Ok(if negative { -result } else { result })
}

/// `q * 2**exp` with a single correct rounding (q has a sticky low bit).
fn ldexp_round(q: u64, exp: i64) -> f64 {
    if q == 0 {
        return 0.0;
    }
    let bits = 64 - q.leading_zeros() as i64;
    // Keep 53 significant bits (fewer in the subnormal range), rounding half to even.
    let mut keep = 53;
    let e_min = -1074;
    if exp + bits - keep < e_min {
        keep = (exp + bits - e_min).max(0);
    }
    let drop = bits - keep;
    let (mut m, mut e) = (q, exp);
    if drop > 0 {
        let half = 1u64 << (drop - 1);
        let rem = q & ((1u64 << drop) - 1);
        m = q >> drop;
        if rem > half || (rem == half && m & 1 == 1) {
            m += 1;
        }
        e += drop;
    }
    ldexp(m as f64, e)
}

/// `x * 2**e`, exact whenever the result is representable (steps keep every
/// intermediate product normal).
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 0 && x.is_finite() && x != 0.0 {
        let step = e.min(1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    while e < 0 && x != 0.0 {
        let step = e.max(-1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    x
}

/// An int as the nearest float, or an error when it is too large.
pub fn to_f64(a: &IntRef) -> Option<f64> {
    match a {
        IntRef::Small(x) => Some(*x as f64),
        IntRef::Big(b) => {
            // Correct rounding through the division path (dividing by one).
            let f = truediv(&IntRef::Big(b), &IntRef::Small(1)).ok()?;
            Some(f)
        }
    }
}

/// `hash()` of an int: the value modulo the Mersenne prime 2**61 - 1, sign kept.
pub fn hash(a: &IntRef) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let h = match a {
        IntRef::Small(x) => {
            let m = (x.unsigned_abs() % MODULUS) as i64;
            if *x < 0 {
                -m
            } else {
                m
            }
        }
        IntRef::Big(b) => {
            let m = (b.magnitude() % MODULUS).to_i64().unwrap_or(0);
            if b.sign() == Sign::Minus {
                -m
            } else {
                m
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Parse an int literal as `int(s, base)` does: surrounding whitespace, a sign,
/// underscores between digits, and a prefix when `base` is 0 or matches it.
pub fn parse(s: &str, base: u32) -> Option<BigInt> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, mut digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut base = base;
    let lower = digits.get(..2).map(|p| p.to_ascii_lowercase());
    let prefixed = match lower.as_deref() {
        Some("0x") if base == 0 || base == 16 => Some(16),
        Some("0o") if base == 0 || base == 8 => Some(8),
        Some("0b") if base == 0 || base == 2 => Some(2),
        _ => None,
    };
    if let Some(b) = prefixed {
        base = b;
        digits = &digits[2..];
        // After a prefix, one underscore may come before the first digit.
        if let Some(rest) = digits.strip_prefix('_') {
            digits = rest;
        }
    } else if base == 0 {
        base = 10;
        // Base 0 forbids leading zeros in a non-zero decimal literal.
        let nz = digits.trim_start_matches(['0', '_']);
        if digits.starts_with('0') && !nz.is_empty() {
            return None;
        }
    }
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_ascii_alphanumeric()) {
        // Non-ASCII decimal digits (e.g. Arabic-Indic) are valid in CPython.
        let mapped: Option<String> = clean
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .or_else(|| unicode_decimal(c))
                    .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            })
            .collect();
        let mapped = mapped?;
        let v = BigInt::parse_bytes(mapped.as_bytes(), base)?;
        return Some(if neg { -v } else { v });
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

/// The value of a Unicode decimal digit outside ASCII (the common Nd blocks).
pub fn unicode_decimal(c: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50,
        0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10,
    ];
    let n = c as u32;
    ZEROS
        .iter()
        .find(|&&z| n >= z && n < z + 10)
        .map(|&z| n - z)
}
