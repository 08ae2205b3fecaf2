//! `math` (Modules/mathmodule.c): the float functions over the system libm with
//! CPython's error rules ("math domain error", "math range error"), the exact
//! summation and norm algorithms (fsum, hypot, dist), rounding to ints, and the
//! constants. Integer functions live in `integer.rs`, gamma/lgamma in `gamma.rs`.

mod gamma;
mod integer;

use crate::args::{as_float, check, fargs, to_f64};
use crate::libm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::objects::float;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::protocol::object::{as_int, float_to_bigint};
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};

/// BINARY_OP's argument for `*` (pyrs_bytecode::opcode::nb::MULTIPLY).
const NB_MULTIPLY: u32 = 5;

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("acos", math_acos),
    MethodDef::method("acosh", math_acosh),
    MethodDef::method("asin", math_asin),
    MethodDef::method("asinh", math_asinh),
    MethodDef::method("atan", math_atan),
    MethodDef::method("atan2", math_atan2),
    MethodDef::method("atanh", math_atanh),
    MethodDef::method("cbrt", math_cbrt),
    MethodDef::method("ceil", math_ceil),
    MethodDef::method("comb", integer::comb),
    MethodDef::method("copysign", math_copysign),
    MethodDef::method("cos", math_cos),
    MethodDef::method("cosh", math_cosh),
    MethodDef::method("degrees", math_degrees),
    MethodDef::method("dist", math_dist),
    MethodDef::method("erf", math_erf),
    MethodDef::method("erfc", math_erfc),
    MethodDef::method("exp", math_exp),
    MethodDef::method("exp2", math_exp2),
    MethodDef::method("expm1", math_expm1),
    MethodDef::method("fabs", math_fabs),
    MethodDef::method("factorial", integer::factorial),
    MethodDef::method("floor", math_floor),
    MethodDef::method("fmod", math_fmod),
    MethodDef::method("frexp", math_frexp),
    MethodDef::method("fsum", math_fsum),
    MethodDef::method("gamma", math_gamma),
    MethodDef::method("gcd", integer::gcd),
    MethodDef::method("hypot", math_hypot),
    MethodDef::method("isclose", math_isclose),
    MethodDef::method("isfinite", math_isfinite),
    MethodDef::method("isinf", math_isinf),
    MethodDef::method("isnan", math_isnan),
    MethodDef::method("isqrt", integer::isqrt),
    MethodDef::method("lcm", integer::lcm),
    MethodDef::method("ldexp", math_ldexp),
    MethodDef::method("lgamma", math_lgamma),
    MethodDef::method("log", math_log),
    MethodDef::method("log10", math_log10),
    MethodDef::method("log1p", math_log1p),
    MethodDef::method("log2", math_log2),
    MethodDef::method("modf", math_modf),
    MethodDef::method("nextafter", math_nextafter),
    MethodDef::method("perm", integer::perm),
    MethodDef::method("pow", math_pow),
    MethodDef::method("prod", math_prod),
    MethodDef::method("radians", math_radians),
    MethodDef::method("remainder", math_remainder),
    MethodDef::method("sin", math_sin),
    MethodDef::method("sinh", math_sinh),
    MethodDef::method("sqrt", math_sqrt),
    MethodDef::method("tan", math_tan),
    MethodDef::method("tanh", math_tanh),
    MethodDef::method("trunc", math_trunc),
    MethodDef::method("ulp", math_ulp),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    set_attr(vm, module, "pi", Value::Float(std::f64::consts::PI));
    set_attr(vm, module, "e", Value::Float(std::f64::consts::E));
    set_attr(vm, module, "tau", Value::Float(std::f64::consts::TAU));
    set_attr(vm, module, "inf", Value::Float(f64::INFINITY));
    set_attr(vm, module, "nan", Value::Float(f64::NAN));
    Ok(())
}

fn domain_error(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// The one argument of a METH_O function, as a float.
fn one_float(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    let a = fargs(args);
    let pos = check(vm, name, &a, 1, 1)?;
    to_f64(vm, &pos[0])
}

/// The two arguments of a two-argument function, as floats.
fn two_floats(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    let a = fargs(args);
    let pos = check(vm, name, &a, 2, 2)?;
    let x = to_f64(vm, &pos[0])?;
    let y = to_f64(vm, &pos[1])?;
    Ok((x, y))
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity
/// from a finite argument is a range error when the function can overflow
/// (exp, cosh...) and a domain error otherwise (a pole: atanh(1)). Underflow
/// is not an error.
fn math_1(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = one_float(vm, &args, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(Value::Float(r))
}

macro_rules! func1 {
    ($($fname:ident: $name:literal, $f:expr, $overflow:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            math_1(vm, args, concat!("math.", $name), $f, $overflow)
        })*
    };
}

func1! {
    math_acos: "acos", libm::acos, false;
    math_acosh: "acosh", libm::acosh, false;
    math_asin: "asin", libm::asin, false;
    math_asinh: "asinh", libm::asinh, false;
    math_atan: "atan", libm::atan, false;
    math_atanh: "atanh", libm::atanh, false;
    math_cbrt: "cbrt", libm::cbrt, false;
    math_cos: "cos", libm::cos, false;
    math_cosh: "cosh", libm::cosh, true;
    math_erf: "erf", libm::erf, false;
    math_erfc: "erfc", libm::erfc, false;
    math_exp: "exp", libm::exp, true;
    math_exp2: "exp2", libm::exp2, true;
    math_expm1: "expm1", libm::expm1, true;
    math_fabs: "fabs", f64::abs, false;
    math_log1p: "log1p", libm::log1p, false;
    math_sin: "sin", libm::sin, false;
    math_sinh: "sinh", libm::sinh, true;
    math_sqrt: "sqrt", f64::sqrt, false;
    math_tan: "tan", libm::tan, false;
    math_tanh: "tanh", libm::tanh, false;
}

fn gamma_result(vm: &Vm, r: Result<f64, gamma::MathErr>) -> PyResult<Value> {
    match r {
        Ok(x) => Ok(Value::Float(x)),
        Err(gamma::MathErr::Domain) => Err(domain_error(vm)),
        Err(gamma::MathErr::Range) => Err(range_error(vm)),
    }
}

fn math_gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.gamma")?;
    gamma_result(vm, gamma::tgamma(x))
}

fn math_lgamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.lgamma")?;
    gamma_result(vm, gamma::lgamma(x))
}

fn math_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two_floats(vm, &args, "atan2")?;
    Ok(Value::Float(libm::atan2(y, x)))
}

fn math_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn math_degrees(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.degrees")?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn math_radians(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.radians")?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn math_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.isfinite")?;
    Ok(Value::Bool(x.is_finite()))
}

fn math_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.isinf")?;
    Ok(Value::Bool(x.is_infinite()))
}

fn math_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.isnan")?;
    Ok(Value::Bool(x.is_nan()))
}

// ----- logarithms -----

/// `_PyLong_Frexp`: a big int as m * 2**e with 0.5 <= |m| < 1, m correctly
/// rounded to 53 bits.
fn big_frexp(b: &BigInt) -> (f64, i64) {
    let mag = b.magnitude();
    let bits = mag.bits();
    let sign = if b.is_negative() { -1.0 } else { 1.0 };
    if bits <= 62 {
        let (m, e) = float::frexp(mag.to_u64().unwrap_or(0) as f64);
        return (sign * m, e as i64);
    }
    // Keep 62 bits and a sticky bit for the rest, so the conversion to a
    // double rounds as the exact value would.
    let shift = bits - 62;
    let top = (mag >> shift).to_u64().unwrap_or(0);
    let sticky = u64::from(mag.trailing_zeros().unwrap_or(0) < shift);
    let (m, e) = float::frexp((top | sticky) as f64);
    (sign * m, e as i64 + shift as i64)
}

/// CPython's `loghelper`: ints of any size (a huge one is split into a
/// mantissa and a power of two), else the float domain rules of m_log.
fn loghelper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(v) {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error(vm));
        }
        if let Some(x) = pyrs_vm::objects::int::to_f64(&i).filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        let (m, e) = big_frexp(&i.to_big());
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

fn math_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("math.log() takes no keyword arguments"));
    }
    let pos = a.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, &pos[0], libm::log)?;
    let Some(base) = pos.get(1) else {
        return Ok(Value::Float(num));
    };
    let den = loghelper(vm, base, libm::log)?;
    if den == 0.0 {
        return Err(vm.zero_division_error("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn math_log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "math.log2", &a, 1, 1)?;
    Ok(Value::Float(loghelper(vm, &pos[0], libm::log2)?))
}

fn math_log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "math.log10", &a, 1, 1)?;
    Ok(Value::Float(loghelper(vm, &pos[0], libm::log10)?))
}

// ----- rounding to ints -----

/// A float with no fractional part as an int; NaN and infinities refused.
fn float_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(vm.new_bigint(float_to_bigint(x)))
}

/// An int argument returned as a plain int (what int.__floor__ etc. do).
fn int_itself(vm: &Vm, v: &Value) -> Option<Value> {
    as_int(v).map(|i| vm.new_bigint(i.to_big().into_owned()))
}

/// floor/ceil: exact floats and ints directly, else the type's dunder, else
/// the float value.
fn round_with(
    vm: &mut Vm,
    args: Args,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, name, &a, 1, 1)?;
    let v = &pos[0];
    if let Value::Float(x) = v {
        return float_to_int(vm, f(*x));
    }
    if let Some(i) = int_itself(vm, v) {
        return Ok(i);
    }
    let ty = vm.type_of(v).clone();
    if let Some(m) = vm.lookup_type(&ty, dunder) {
        return vm.call(&m, std::slice::from_ref(v));
    }
    let x = to_f64(vm, v)?;
    float_to_int(vm, f(x))
}

fn math_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_with(vm, args, "math.floor", "__floor__", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_with(vm, args, "math.ceil", "__ceil__", f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "math.trunc", &a, 1, 1)?;
    let v = &pos[0];
    if let Some(x) = as_float(v) {
        return float_to_int(vm, x.trunc());
    }
    if let Some(i) = int_itself(vm, v) {
        return Ok(i);
    }
    let ty = vm.type_of(v).clone();
    match vm.lookup_type(&ty, "__trunc__") {
        Some(m) => vm.call(&m, std::slice::from_ref(v)),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(v)
        ))),
    }
}

// ----- float decomposition -----

fn math_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.frexp")?;
    let (m, e) = float::frexp(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn math_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "ldexp", &a, 2, 2)?;
    let x = to_f64(vm, &pos[0])?;
    let Some(i) = as_int(&pos[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    // A huge exponent saturates: the result is then 0 or an overflow anyway.
    let exp = i
        .to_big()
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    if exp > i32::MAX as i64 {
        return Err(range_error(vm));
    }
    if exp < i32::MIN as i64 {
        return Ok(Value::Float(0f64.copysign(x)));
    }
    let r = libm::ldexp(x, exp as i32);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn math_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.modf")?;
    let (frac, int) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let ip = x.trunc();
        ((x - ip).copysign(x), ip)
    };
    Ok(vm.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn math_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    // fmod(x, +-inf) is x for finite x.
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(r))
}

/// IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to even.
fn remainder(x: f64, y: f64) -> Option<f64> {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return None;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: pick the even multiple. m - 2*fmod(...) is exact.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return Some(1f64.copysign(x) * r);
    }
    if x.is_nan() {
        return Some(x);
    }
    if y.is_nan() {
        return Some(y);
    }
    if x.is_infinite() {
        return None;
    }
    Some(x)
}

fn math_remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "remainder")?;
    match remainder(x, y) {
        Some(r) => Ok(Value::Float(r)),
        None => Err(domain_error(vm)),
    }
}

fn math_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "pow")?;
    // C99 annex F for the non-finite cases, spelled out as CPython does.
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    if x == 0.0 && y < 0.0 {
        return Err(domain_error(vm));
    }
    let r = libm::pow(x, y);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn math_nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "nextafter")?;
    Ok(Value::Float(libm::nextafter(x, y)))
}

fn math_ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.ulp")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        // The largest finite float: its ulp is the gap below it.
        return Ok(Value::Float(x - libm::nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}

// ----- sums, products and norms -----

/// `fsum`: Shewchuk's exact summation with non-overlapping partials, then a
/// correctly rounded total (CPython's `math_fsum`, "msum").
fn math_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "math.fsum", &a, 1, 1)?;
    let items = vm.iterate(&pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in &items {
        let mut x = to_f64(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite partial from finite items is an overflow;
                // infinities and NaNs in the input are summed on the side.
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly: if the rest of the partials push the
        // exact sum past the half-way point, move hi by lo.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

/// `prod(iterable, /, *, start=1)`: the product with the `*` operator.
fn math_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = a.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let mut acc = Value::Int(1);
    for (k, v) in a.kwargs() {
        if k != "start" {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for prod()")));
        }
        acc = v.clone();
    }
    for item in vm.iterate(&pos[0])? {
        acc = vm.binary_op(&acc, &item, NB_MULTIPLY)?;
    }
    Ok(acc)
}

/// x*y as an exact double-length hi + lo (the product's rounding error by fma).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// a + b as an exact hi + lo, for |a| >= |b|.
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, b - z)
}

/// CPython 3.11's `vector_norm`: the coordinates (absolute values, `max` the
/// largest) scaled by a power of two, squared and summed without loss, the
/// square root then corrected once, so the result is correctly rounded in
/// nearly all cases.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = float::frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: bring subnormals up first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s, e) = dl_fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += e;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s, e) = dl_fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += e;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn math_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let mut coords = Vec::with_capacity(a.pos().len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in a.pos() {
        let x = to_f64(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&mut coords, max, found_nan)))
}

/// The coordinates of a point for `dist`: a tuple's items, or any iterable's.
fn point(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.as_tuple() {
        Some(t) => Ok(t.to_vec()),
        None => vm.iterate(v),
    }
}

fn math_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "dist", &a, 2, 2)?;
    let p = point(vm, &pos[0])?;
    let q = point(vm, &pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (pv, qv) in p.iter().zip(q.iter()) {
        let px = to_f64(vm, pv)?;
        let qx = to_f64(vm, qv)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::Float(vector_norm(&mut diffs, max, found_nan)))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn math_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = a.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    let mut vals: [Option<Value>; 4] = [pos.first().cloned(), pos.get(1).cloned(), None, None];
    const NAMES: [&str; 4] = ["a", "b", "rel_tol", "abs_tol"];
    for (k, v) in a.kwargs() {
        let Some(i) = NAMES.iter().position(|n| *n == k) else {
            return Err(vm.type_error(format!(
                "isclose() got an unexpected keyword argument '{k}'"
            )));
        };
        if vals[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for isclose() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        vals[i] = Some(v.clone());
    }
    let mut floats = [0.0, 0.0, 1e-9, 0.0];
    for (i, v) in vals.iter().enumerate() {
        match v {
            Some(v) => floats[i] = to_f64(vm, v)?,
            None if i < 2 => {
                return Err(vm.type_error(format!(
                    "isclose() missing required argument '{}' (pos {})",
                    NAMES[i],
                    i + 1
                )))
            }
            None => {}
        }
    }
    let [x, y, rel_tol, abs_tol] = floats;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    // Infinities of the same sign were caught above; any other is not close.
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}
