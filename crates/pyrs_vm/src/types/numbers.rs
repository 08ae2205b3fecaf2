//! The methods of `int`, `bool` and `float` (Objects/longobject.c,
//! Objects/floatobject.c): bit operations, byte conversions, exact ratios,
//! `hex`/`fromhex`, and rounding with CPython's correctly-rounded results.

use super::args::{kw, pos, this};
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::{as_int, float_to_bigint};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub const INT_METHODS: &[MethodDef] = &[
    MethodDef::method("bit_length", int_bit_length),
    MethodDef::method("bit_count", int_bit_count),
    MethodDef::method("to_bytes", int_to_bytes),
    MethodDef::classmethod("from_bytes", int_from_bytes),
    MethodDef::method("as_integer_ratio", int_as_integer_ratio),
    MethodDef::method("conjugate", int_self),
    MethodDef::method("__index__", int_self),
    MethodDef::method("__int__", int_self),
    MethodDef::method("__trunc__", int_self),
    MethodDef::method("__floor__", int_self),
    MethodDef::method("__ceil__", int_self),
    MethodDef::method("__float__", int_float),
    MethodDef::method("__round__", int_round),
    MethodDef::method("__abs__", int_abs),
    MethodDef::method("__hash__", num_hash),
    MethodDef::method("__getnewargs__", num_getnewargs),
];

pub const FLOAT_METHODS: &[MethodDef] = &[
    MethodDef::method("as_integer_ratio", float_as_integer_ratio),
    MethodDef::method("conjugate", float_self),
    MethodDef::method("hex", float_hex),
    MethodDef::classmethod("fromhex", float_fromhex),
    MethodDef::method("is_integer", float_is_integer),
    MethodDef::method("__float__", float_self),
    MethodDef::method("__int__", float_trunc),
    MethodDef::method("__trunc__", float_trunc),
    MethodDef::method("__floor__", float_floor),
    MethodDef::method("__ceil__", float_ceil),
    MethodDef::method("__round__", float_round),
    MethodDef::method("__abs__", float_abs),
    MethodDef::method("__hash__", num_hash),
    MethodDef::method("__getnewargs__", num_getnewargs),
];

fn self_int(vm: &Vm, args: &Args) -> PyResult<BigInt> {
    as_int(this(args))
        .map(|i| i.to_big().into_owned())
        .ok_or_else(|| vm.type_error("descriptor requires an 'int' object"))
}

/// A float value of `self` (inline or a subclass payload).
pub fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

fn self_float(vm: &Vm, args: &Args) -> PyResult<f64> {
    float_of(this(args)).ok_or_else(|| vm.type_error("descriptor requires a 'float' object"))
}

fn int_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    pos(vm, "int.__int__", &args, 0, 0)?;
    Ok(vm.new_bigint(i))
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    crate::objects::int::to_f64(&crate::objects::int::IntRef::Big(&i))
        .map(Value::Float)
        .ok_or_else(|| vm.overflow_error("int too large to convert to float"))
}

fn int_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    Ok(vm.new_bigint(i.abs()))
}

fn num_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args).clone();
    let plain = match (as_int(&v), float_of(&v)) {
        (Some(i), _) => vm.new_bigint(i.to_big().into_owned()),
        (_, Some(f)) => Value::Float(f),
        _ => v,
    };
    Ok(Value::Int(vm.hash(&plain)?))
}

fn num_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args).clone();
    let plain = match (as_int(&v), float_of(&v)) {
        (Some(i), _) => vm.new_bigint(i.to_big().into_owned()),
        (_, Some(f)) => Value::Float(f),
        _ => v,
    };
    Ok(vm.new_tuple(vec![plain]))
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    pos(vm, "int.bit_length", &args, 0, 0)?;
    Ok(Value::Int(i.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    pos(vm, "int.bit_count", &args, 0, 0)?;
    let n: u64 = i
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(n as i64))
}

fn byteorder(vm: &Vm, v: &Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => match v.as_str() {
            Some("big") => Ok(false),
            Some("little") => Ok(true),
            Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            None => Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    let [length, order, signed] = kw(
        vm,
        "to_bytes",
        &args,
        ["length", "byteorder", "signed"],
        0,
        0,
    )?;
    let length = match &length {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, &order)?;
    let signed = match &signed {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if !signed && i.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let len = length as usize;
    crate::protocol::number::check_alloc(vm, len)?;
    let mut bytes = if signed {
        i.to_signed_bytes_le()
    } else {
        i.to_bytes_le().1
    };
    if i.is_zero() {
        bytes.clear();
    }
    if bytes.len() > len {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && i.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [bytes, order, signed] = kw(
        vm,
        "from_bytes",
        &args,
        ["bytes", "byteorder", "signed"],
        1,
        0,
    )?;
    let bytes = bytes.unwrap_or(Value::None);
    let mut b: Vec<u8> = match super::bytes::bytes_like(&bytes) {
        Some(b) => b,
        None => {
            let items = vm.iterate(&bytes)?;
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                match as_int(&x).and_then(|i| i.to_big().to_u8()) {
                    Some(n) => out.push(n),
                    None => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    let little = byteorder(vm, &order)?;
    let signed = match &signed {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if !little {
        b.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&b)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &b)
    };
    let cls = this(&args).clone();
    let r = vm.new_bigint(n);
    if cls.as_obj().is_some_and(|c| c.is(&vm.types().int)) {
        Ok(r)
    } else {
        vm.call(&cls, &[r])
    }
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    let n = vm.new_bigint(i);
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

/// `round(int, ndigits)`: a multiple of `10**-ndigits`, ties to even.
pub fn round_int(vm: &Vm, i: &BigInt, ndigits: i64) -> Value {
    if ndigits >= 0 {
        return vm.new_bigint(i.clone());
    }
    let Some(p) = (-ndigits).to_u32() else {
        return Value::Int(0);
    };
    let pow = num_traits::pow::Pow::pow(&BigInt::from(10), p);
    let (q, r) = i.div_mod_floor(&pow);
    let twice = &r * 2;
    let q = if twice > pow || (twice == pow && q.is_odd()) {
        q + 1
    } else {
        q
    };
    vm.new_bigint(q * pow)
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = self_int(vm, &args)?;
    let r = pos(vm, "int.__round__", &args, 0, 1)?;
    match r.first() {
        None | Some(Value::None) => Ok(vm.new_bigint(i)),
        Some(n) => {
            let n = vm.clamp_index(n)?;
            Ok(round_int(vm, &i, n))
        }
    }
}

// ----- float -----

fn float_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args)?))
}

fn float_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args)?.abs()))
}

/// `int(x)` of a float, with CPython's errors for nan and inf.
pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(vm.new_bigint(float_to_bigint(f.trunc())))
}

fn float_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args)?;
    float_to_int(vm, f)
}

fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args)?;
    float_to_int(vm, f.floor())
}

fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args)?;
    float_to_int(vm, f.ceil())
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args)?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (n, d) = exact_ratio(f);
    let (n, d) = (vm.new_bigint(n), vm.new_bigint(d));
    Ok(vm.new_tuple(vec![n, d]))
}

/// The exact value of a finite float as a reduced fraction.
pub fn exact_ratio(f: f64) -> (BigInt, BigInt) {
    if f == 0.0 {
        return (BigInt::zero(), BigInt::one());
    }
    let (m, e) = crate::objects::float::frexp(f);
    let mant = BigInt::from((m * 9007199254740992.0) as i64);
    let e = e - 53;
    let (mut n, mut d) = if e >= 0 {
        (mant << e as usize, BigInt::one())
    } else {
        (mant, BigInt::one() << (-e) as usize)
    };
    let g = n.gcd(&d);
    n /= &g;
    d /= &g;
    (n, d)
}

/// `round(x, ndigits)` for a float: the float nearest the exactly rounded
/// decimal (ties to even on the exact binary value), as `double_round` does.
pub fn round_float(vm: &Vm, x: f64, ndigits: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let r = if ndigits >= 0 {
        // Rust's fixed-precision formatting is exact and rounds half to even.
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse::<f64>().unwrap_or(x)
    } else {
        let (n, d) = exact_ratio(x);
        let pow = num_traits::pow::Pow::pow(&BigInt::from(10), (-ndigits) as u32);
        let den = &d * &pow;
        let (q, rem) = n.div_mod_floor(&den);
        let twice = &rem * 2;
        let q = if twice > den || (twice == den && q.is_odd()) {
            q + 1
        } else {
            q
        };
        let v = q * pow;
        crate::objects::int::to_f64(&crate::objects::int::IntRef::Big(&v))
            .ok_or_else(|| vm.overflow_error("rounded value too large to represent"))?
    };
    if r.is_infinite() {
        return Err(vm.overflow_error("rounded value too large to represent"));
    }
    Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r })
}

/// `round(x)` for a float: an int, ties to even.
pub fn round_float_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    float_to_int(vm, x.round_ties_even())
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args)?;
    let r = pos(vm, "float.__round__", &args, 0, 1)?;
    match r.first() {
        None | Some(Value::None) => round_float_to_int(vm, f),
        Some(n) => {
            let n = vm.clamp_index(n)?;
            round_float(vm, f, n).map(Value::Float)
        }
    }
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals).
pub fn float_hex_string(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let digits = format!("{mant:013x}");
    let e_sign = if e < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{digits}p{e_sign}{}", e.abs())
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args)?;
    Ok(vm.new_str(float_hex_string(f)))
}

/// Parse `float.fromhex`'s format exactly (rounding half to even).
pub fn parse_hex_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => {
            return Some(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut n = BigInt::zero();
    for c in ip.chars().chain(fp.chars()) {
        n = n * 16 + c.to_digit(16)?;
    }
    let e2 = exp.checked_sub(4 * fp.len() as i64)?;
    // value = n * 2**e2, rounded to the nearest double.
    let v = if n.is_zero() {
        0.0
    } else if e2 >= 0 {
        if e2 > 2000 {
            f64::INFINITY
        } else {
            crate::objects::int::to_f64(&crate::objects::int::IntRef::Big(&(n << e2 as usize)))
                .unwrap_or(f64::INFINITY)
        }
    } else {
        let d = BigInt::one() << ((-e2).min(4000) as usize);
        crate::objects::int::truediv(
            &crate::objects::int::IntRef::Big(&n),
            &crate::objects::int::IntRef::Big(&d),
        )
        .unwrap_or(f64::INFINITY)
    };
    Some(if neg { -v } else { v })
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "float.fromhex", &args, 1, 1)?;
    let s = r[0].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&r[0])
        ))
    })?;
    match parse_hex_float(s) {
        Some(f) if f.is_infinite() && !s.to_ascii_lowercase().contains("inf") => {
            Err(vm.overflow_error("hexadecimal value too large to represent as a float"))
        }
        Some(f) => {
            let cls = this(&args).clone();
            if cls.as_obj().is_some_and(|c| c.is(&vm.types().float)) {
                Ok(Value::Float(f))
            } else {
                vm.call(&cls, &[Value::Float(f)])
            }
        }
        None => Err(vm.value_error("invalid hexadecimal floating-point string")),
    }
}

/// `str(int)` with CPython 3.11's limit on decimal conversion of huge ints
/// (`sys.int_info.default_max_str_digits`, 4300 digits).
pub fn int_to_decimal(vm: &Vm, b: &BigInt) -> PyResult<String> {
    let limit = vm.interp.int_max_str_digits.get();
    // A lower bound from the bit length spares converting a value far too
    // big (a decimal digit carries under 4 bits).
    if limit != 0 && b.bits() / 4 > limit as u64 {
        return Err(str_digits_error(vm, limit));
    }
    let s = b.to_string();
    let digits = s.len() - b.is_negative() as usize;
    if limit != 0 && digits > limit {
        return Err(str_digits_error(vm, limit));
    }
    Ok(s)
}

fn str_digits_error(vm: &Vm, limit: usize) -> crate::error::PyErr {
    vm.value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The `real`, `imag`, `numerator` and `denominator` attributes of numbers.
pub fn number_attr(vm: &Vm, v: &Value, name: &str) -> Option<Value> {
    if !matches!(name, "real" | "imag" | "numerator" | "denominator") {
        return None;
    }
    if let Some(i) = as_int(v) {
        let plain = vm.new_bigint(i.to_big().into_owned());
        return Some(match name {
            "real" | "numerator" => plain,
            "imag" => Value::Int(0),
            _ => Value::Int(1),
        });
    }
    if let Some(f) = float_of(v) {
        return match name {
            "real" => Some(Value::Float(f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        };
    }
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return match name {
            "real" => Some(Value::Float(*re)),
            "imag" => Some(Value::Float(*im)),
            _ => None,
        };
    }
    None
}
