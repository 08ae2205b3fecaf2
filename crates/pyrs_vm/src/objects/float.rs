//! float semantics that CPython defines beyond IEEE: `repr` (shortest round-trip
//! digits with CPython's exponent rules), floor division and modulo, and `hash`.
//! Reference: Objects/floatobject.c, Python/pystrtod.c.

/// `repr(x)` (and `str(x)`): the shortest digits that round-trip, in fixed
/// notation when the decimal exponent is in -4..16, else scientific.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "d.ddde[-]N". When
    // two candidates of that length are equally close (x lies exactly halfway),
    // it rounds the tie up where CPython's dtoa rounds it to even; the
    // fixed-precision form rounds half to even, so prefer it if it round-trips.
    let mut sci = format!("{:e}", x.abs());
    let ndigits = sci
        .split('e')
        .next()
        .map_or(0, |m| m.chars().filter(char::is_ascii_digit).count());
    if ndigits > 1 {
        let even = format!("{:.*e}", ndigits - 1, x.abs());
        if even != sci && even.parse::<f64>() == Ok(x.abs()) {
            sci = even;
        }
    }
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    let decpt = exp + 1; // position of the decimal point after the first digit
    let body = if (-4 < decpt) && (decpt <= 16) {
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(decpt as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        }
    } else {
        let mant = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let e = decpt - 1;
        format!("{}e{}{:02}", mant, if e < 0 { '-' } else { '+' }, e.abs())
    };
    format!("{sign}{body}")
}

/// Python's `divmod` for floats: the quotient floored and the remainder taking
/// the divisor's sign, with CPython's treatment of signed zeros. `y != 0`.
pub fn divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let div;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div = (x - m) / y;
        } else {
            div = (x - m) / y;
        }
    } else {
        // A zero remainder takes the sign of the divisor.
        m = 0.0f64.copysign(y);
        div = (x - m) / y;
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `hash()` of a float, equal to the hash of an equal int (CPython's
/// `_Py_HashDouble`, reducing modulo 2**61 - 1).
pub fn hash(x: f64) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        // 3.10+ hashes NaN by identity; a value-level NaN here hashes to 0.
        return 0;
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    let mut h = h as i64;
    if x < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `math.frexp`: `x = m * 2**e` with `0.5 <= |m| < 1`.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Parse a float as `float(str)` does: whitespace, sign, digits with
/// underscores, exponent, `inf`/`infinity`/`nan` in any case.
pub fn parse(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (sign, body) = match t.as_bytes().first() {
        Some(b'-') => (-1.0, &t[1..]),
        Some(b'+') => (1.0, &t[1..]),
        _ => (1.0, t),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let mut prev = ' ';
    for c in body.chars() {
        let ok = c.is_ascii_digit()
            || matches!(c, '.' | 'e' | 'E' | '+' | '-')
            || (c == '_' && prev.is_ascii_digit());
        if !ok {
            return None;
        }
        prev = c;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    if clean.starts_with(['+', '-']) {
        return None;
    }
    clean.parse::<f64>().ok().map(|v| sign * v)
}
