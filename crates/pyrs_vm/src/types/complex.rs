//! `complex`: construction, repr, arithmetic with ints and floats, equality,
//! `abs`, `conjugate`. Reference: Objects/complexobject.c.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::{as_int, CompareOp};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::opcode::nb;

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("conjugate", complex_conjugate),
    MethodDef::method("__abs__", complex_abs_method),
    MethodDef::method("__getnewargs__", complex_getnewargs),
];

pub fn new_complex(vm: &Vm, re: f64, im: f64) -> Value {
    Value::Obj(ObjRef::new(&vm.types().complex, Payload::Complex(re, im)))
}

pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Float(f) => Some((*f, 0.0)),
        Value::Int(i) => Some((*i as f64, 0.0)),
        Value::Bool(b) => Some((*b as i64 as f64, 0.0)),
        Value::Obj(o) => match &o.payload {
            Payload::Complex(re, im) => Some((*re, *im)),
            Payload::Float(f) => Some((*f, 0.0)),
            Payload::Int(b) => {
                crate::objects::int::to_f64(&crate::objects::int::IntRef::Big(b)).map(|f| (f, 0.0))
            }
            _ => None,
        },
        _ => None,
    }
}

fn is_complex(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Complex(..)))
}

/// A float part as complex's repr writes it: repr digits, no `.0`.
fn part(x: f64) -> String {
    let r = crate::objects::float::repr(x);
    match r.strip_suffix(".0") {
        Some(s) => s.to_string(),
        None => r,
    }
}

pub fn repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let sign = if im.is_sign_negative() && !im.is_nan() || (im.is_nan() && im.is_sign_negative()) {
        "-"
    } else {
        "+"
    };
    format!("({}{}{}j)", part(re), sign, part(im.abs()))
}

fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (re, im) = as_complex(this(&args)).ok_or_else(|| vm.type_error("complex required"))?;
    Ok(new_complex(vm, re, -im))
}

pub fn complex_abs(vm: &Vm, re: f64, im: f64) -> PyResult<Value> {
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(Value::Float(r))
}

fn complex_abs_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (re, im) = as_complex(this(&args)).ok_or_else(|| vm.type_error("complex required"))?;
    complex_abs(vm, re, im)
}

fn complex_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "complex.__getnewargs__", &args, 0, 0)?;
    let (re, im) = as_complex(this(&args)).ok_or_else(|| vm.type_error("complex required"))?;
    Ok(vm.new_tuple(vec![Value::Float(re), Value::Float(im)]))
}

fn c_pow(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(vm.zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    // Small integer exponents by repeated multiplication, as CPython's c_powi.
    if b.1 == 0.0 && b.0.fract() == 0.0 && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let mut r = (1.0, 0.0);
        let mut x = a;
        let mut k = n.unsigned_abs();
        while k > 0 {
            if k & 1 == 1 {
                r = (r.0 * x.0 - r.1 * x.1, r.0 * x.1 + r.1 * x.0);
            }
            x = (x.0 * x.0 - x.1 * x.1, 2.0 * x.0 * x.1);
            k >>= 1;
        }
        if n < 0 {
            return c_div(vm, (1.0, 0.0), r);
        }
        return Ok(r);
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `_Py_c_quot`: Smith's algorithm, as CPython.
fn c_div(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(vm.zero_division_error("complex division by zero"));
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

/// Binary arithmetic when either side is complex; None when it does not apply.
pub fn binary(vm: &mut Vm, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
    if !is_complex(a) && !is_complex(b) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (as_complex(a), as_complex(b)) else {
        return Ok(None);
    };
    let r = match base {
        nb::ADD => (x.0 + y.0, x.1 + y.1),
        nb::SUBTRACT => (x.0 - y.0, x.1 - y.1),
        nb::MULTIPLY => (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0),
        nb::TRUE_DIVIDE => c_div(vm, x, y)?,
        nb::POWER => c_pow(vm, x, y)?,
        nb::FLOOR_DIVIDE | nb::REMAINDER => {
            return Err(vm.type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                if base == nb::FLOOR_DIVIDE { "//" } else { "%" },
                vm.type_name(a),
                vm.type_name(b)
            )))
        }
        _ => return Ok(None),
    };
    Ok(Some(new_complex(vm, r.0, r.1)))
}

/// `==`/`!=` with a complex on either side (ints compare exactly only when
/// the imaginary part is 0, through float comparison otherwise).
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
    if !is_complex(a) && !is_complex(b) {
        return Ok(None);
    }
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (c, other) = if is_complex(a) { (a, b) } else { (b, a) };
    let Some((re, im)) = as_complex(c) else {
        return Ok(None);
    };
    let eq = if let Some((ore, oim)) = as_complex(other) {
        if as_int(other).is_some() && im == 0.0 {
            let r = vm.rich_compare(&Value::Float(re), other, CompareOp::Eq)?;
            vm.is_true(&r)?
        } else {
            re == ore && im == oim
        }
    } else {
        return Ok(None);
    };
    Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
}

/// Parse `complex("1+2j")`.
fn parse(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        t = inner.trim();
    }
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if let Some(body) = lower.strip_suffix('j') {
        // Find the split between real and imaginary parts: the last sign
        // that is not at the start and not after an exponent marker.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && bytes[i - 1] != b'e' {
                split = Some(i);
                break;
            }
        }
        let imag_of = |x: &str| -> Option<f64> {
            match x {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                _ => crate::objects::float::parse(x),
            }
        };
        return match split {
            Some(i) => Some((
                crate::objects::float::parse(&body[..i])?,
                imag_of(&body[i..])?,
            )),
            None => Some((0.0, imag_of(body)?)),
        };
    }
    Some((crate::objects::float::parse(t)?, 0.0))
}

/// `complex(real=0, imag=0)` or `complex(string)`.
pub fn construct(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let [real, imag] = super::args::bind(vm, "complex", &args, ["real", "imag"], 0, 0)?;
    let make = |vm: &Vm, re: f64, im: f64| {
        if cls.is(&vm.types().complex) {
            new_complex(vm, re, im)
        } else {
            Value::Obj(ObjRef::new(cls, Payload::Complex(re, im)))
        }
    };
    if let Some(s) = real.as_ref().and_then(|r| r.as_str()) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return match parse(s) {
            Some((re, im)) => Ok(make(vm, re, im)),
            None => Err(vm.value_error("complex() arg is a malformed string")),
        };
    }
    let to_c = |vm: &mut Vm, v: &Value, which: &str| -> PyResult<(f64, f64)> {
        if let Some(c) = as_complex(v) {
            return Ok(c);
        }
        let ty = vm.type_of(v).clone();
        for name in ["__complex__", "__float__", "__index__"] {
            if let Some(m) = vm.lookup_type(&ty, name) {
                let r = vm.call_method_value(&m, v, &[])?;
                if let Some(c) = as_complex(&r) {
                    return Ok(c);
                }
            }
        }
        Err(vm.type_error(format!(
            "complex() {which} must be a number, not '{}'",
            vm.type_name(v)
        )))
    };
    let (r0, r1) = match &real {
        Some(v) => to_c(vm, v, "first argument")?,
        None => (0.0, 0.0),
    };
    let (i0, i1) = match &imag {
        Some(v) => {
            if v.as_str().is_some() {
                return Err(vm.type_error("complex() second arg can't be a string"));
            }
            to_c(vm, v, "second argument")?
        }
        None => (0.0, 0.0),
    };
    // As complex_new: only a complex argument contributes its other part.
    let real_is_c = real.as_ref().is_some_and(is_complex);
    let imag_is_c = imag.as_ref().is_some_and(is_complex);
    let re = if imag_is_c { r0 - i1 } else { r0 };
    let im = match (&imag, real_is_c) {
        (None, _) => r1,
        (Some(_), true) => i0 + r1,
        (Some(_), false) => i0,
    };
    Ok(make(vm, re, im))
}
