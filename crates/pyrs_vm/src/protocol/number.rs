//! Binary and unary operators (BINARY_OP, UNARY_*): fast paths for int, float,
//! str, list and tuple, then the special methods of classes with their
//! reflected forms. Messages as CPython's Objects/abstract.c.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::float;
use crate::objects::int::{self, IntRef};
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;
use num_traits::ToPrimitive;
use pyrs_bytecode::opcode::{nb, NB_OPS};

const DUNDERS: [(&str, &str); 13] = [
    ("__add__", "__radd__"),
    ("__and__", "__rand__"),
    ("__floordiv__", "__rfloordiv__"),
    ("__lshift__", "__rlshift__"),
    ("__matmul__", "__rmatmul__"),
    ("__mul__", "__rmul__"),
    ("__mod__", "__rmod__"),
    ("__or__", "__ror__"),
    ("__pow__", "__rpow__"),
    ("__rshift__", "__rrshift__"),
    ("__sub__", "__rsub__"),
    ("__truediv__", "__rtruediv__"),
    ("__xor__", "__rxor__"),
];
const INPLACE_DUNDERS: [&str; 13] = [
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// `a OP b` for BINARY_OP's argument `op` (0..26, in-place forms from 13).
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: u32) -> PyResult<Value> {
        // The hottest case first: two inline ints.
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let base = if op >= nb::INPLACE {
                op - nb::INPLACE
            } else {
                op
            };
            match base {
                nb::ADD => {
                    if let Some(r) = x.checked_add(*y) {
                        return Ok(Value::Int(r));
                    }
                }
                nb::SUBTRACT => {
                    if let Some(r) = x.checked_sub(*y) {
                        return Ok(Value::Int(r));
                    }
                }
                nb::MULTIPLY => {
                    if let Some(r) = x.checked_mul(*y) {
                        return Ok(Value::Int(r));
                    }
                }
                // Python rounds the quotient toward minus infinity and gives
                // the remainder the divisor's sign; Rust truncates, so adjust.
                // (A zero divisor, or MIN / -1, takes the general path.)
                nb::REMAINDER => {
                    if let Some(r) = x.checked_rem(*y) {
                        let r = if r != 0 && (r ^ y) < 0 { r + y } else { r };
                        return Ok(Value::Int(r));
                    }
                }
                nb::FLOOR_DIVIDE => {
                    if let (Some(q), Some(r)) = (x.checked_div(*y), x.checked_rem(*y)) {
                        let q = if r != 0 && (r ^ y) < 0 { q - 1 } else { q };
                        return Ok(Value::Int(q));
                    }
                }
                nb::AND => return Ok(Value::Int(x & y)),
                nb::OR => return Ok(Value::Int(x | y)),
                nb::XOR => return Ok(Value::Int(x ^ y)),
                nb::RSHIFT if *y >= 0 => return Ok(Value::Int(x >> (*y).min(63))),
                _ => {}
            }
        }
        if op == nb::OR
            && (matches!(a.payload(), Some(Payload::MappingProxy(_)))
                || matches!(b.payload(), Some(Payload::MappingProxy(_))))
        {
            return self.mappingproxy_or(a, b);
        }
        let base = if op >= nb::INPLACE {
            op - nb::INPLACE
        } else {
            op
        };
        let a_heap = a
            .as_obj()
            .is_some_and(|o| o.class().payload_type().heap_type);
        let b_heap = b
            .as_obj()
            .is_some_and(|o| o.class().payload_type().heap_type);
        if !a_heap && !b_heap {
            if op >= nb::INPLACE {
                if let Some(r) = self.inplace_builtin(a, b, base)? {
                    return Ok(r);
                }
            }
            if let Some(r) = self.binary_builtin(a, b, base)? {
                return Ok(r);
            }
        } else {
            if op >= nb::INPLACE {
                if let Some(r) = self.call_binary_special(a, b, INPLACE_DUNDERS[base as usize])? {
                    return Ok(r);
                }
                // A list subclass without __iadd__ extends in place.
                if !self.overrides(a, INPLACE_DUNDERS[base as usize]) {
                    if let Some(r) = self.inplace_builtin(a, b, base)? {
                        return Ok(r);
                    }
                }
            }
            if let Some(r) = self.binary_with_specials(a, b, base)? {
                return Ok(r);
            }
        }
        if base == nb::ADD {
            // Sequence concatenation has its own message (sq_concat's).
            let seq = match a.payload() {
                Some(Payload::Str(_)) => Some("str"),
                Some(Payload::List(_)) => Some("list"),
                Some(Payload::Tuple(_)) => Some("tuple"),
                _ => None,
            };
            if let Some(kind) = seq.filter(|_| !b_heap) {
                return Err(self.type_error(format!(
                    "can only concatenate {kind} (not \"{}\") to {kind}",
                    self.type_name(b)
                )));
            }
        }
        if base == nb::ADD && !b_heap {
            // Sequence concatenation has its own message (sq_concat's).
            let kind = match a.payload() {
                Some(Payload::Str(_)) => Some("str"),
                Some(Payload::List(_)) => Some("list"),
                Some(Payload::Tuple(_)) => Some("tuple"),
                _ => None,
            };
            if let Some(kind) = kind {
                let bt = self.type_name(b);
                return Err(self.type_error(format!(
                    "can only concatenate {kind} (not \"{bt}\") to {kind}"
                )));
            }
        }
        if base == nb::MULTIPLY {
            // sq_repeat's message when a sequence meets a class instance.
            let is_seq = |v: &Value| {
                matches!(
                    v.payload(),
                    Some(
                        Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)
                    )
                )
            };
            let other = if is_seq(a) && b_heap {
                Some(b)
            } else if is_seq(b) && a_heap {
                Some(a)
            } else {
                None
            };
            if let Some(o) = other {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(o)
                )));
            }
        }
        let sym = if op >= nb::INPLACE {
            NB_OPS[op as usize].1
        } else {
            NB_OPS[base as usize].1
        };
        let sym = if base == nb::POWER && op < nb::INPLACE {
            "** or pow()"
        } else {
            sym
        };
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// The forward and reflected special methods, in CPython's order.
    fn binary_with_specials(&mut self, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
        let (fwd, rev) = DUNDERS[base as usize];
        let ta = self.type_of(a).clone();
        let tb = self.type_of(b).clone();
        // The right operand's reflected method goes first when its type is a
        // subclass that overrides it (CPython's method_is_overloaded).
        let b_first = !ta.is(&tb)
            && crate::vm::is_subtype(&tb, &ta)
            && match (self.lookup_type(&tb, rev), self.lookup_type(&ta, rev)) {
                (Some(x), Some(y)) => !x.is(&y),
                (Some(_), None) => true,
                _ => false,
            };
        if b_first {
            if let Some(r) = self.call_binary_special(b, a, rev)? {
                return Ok(Some(r));
            }
        }
        if ta.payload_type().heap_type {
            if let Some(r) = self.call_binary_special(a, b, fwd)? {
                return Ok(Some(r));
            }
        } else if let Some(r) = self.binary_builtin(a, b, base)? {
            return Ok(Some(r));
        }
        if !b_first && !ta.is(&tb) {
            if tb.payload_type().heap_type {
                if let Some(r) = self.call_binary_special(b, a, rev)? {
                    return Ok(Some(r));
                }
            } else if let Some(r) = self.binary_builtin(a, b, base)? {
                return Ok(Some(r));
            }
        }
        // Subclasses of int, float, str... that do not define the operator
        // inherit the builtin one.
        if ta.payload_type().heap_type || tb.payload_type().heap_type {
            if let Some(r) = self.binary_builtin(a, b, base)? {
                return Ok(Some(r));
            }
            // A sequence repeated by an instance with __index__.
            if base == nb::MULTIPLY {
                if let Some(n) = self.index_special(b)? {
                    return self.binary_builtin(a, &n, base);
                }
                if let Some(n) = self.index_special(a)? {
                    return self.binary_builtin(&n, b, base);
                }
            }
            return Ok(None);
        }
        Ok(None)
    }

    fn call_binary_special(&mut self, a: &Value, b: &Value, name: &str) -> PyResult<Option<Value>> {
        let ty = self.type_of(a).clone();
        if !ty.payload_type().heap_type {
            return Ok(None);
        }
        let Some(m) = self.lookup_type(&ty, name) else {
            return Ok(None);
        };
        if !crate::objects::descriptor::is_python_defined(&m) {
            return Ok(None);
        }
        let r = self.call_method_value(&m, a, std::slice::from_ref(b))?;
        Ok(if self.is_not_implemented(&r) {
            None
        } else {
            Some(r)
        })
    }

    /// In-place forms that differ from the plain ones: mutable containers.
    fn inplace_builtin(&mut self, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
        if let Some(Payload::List(l)) = a.payload() {
            match base {
                nb::ADD => {
                    let items = self.iterate(b)?;
                    l.get_mut().extend(items);
                    return Ok(Some(a.clone()));
                }
                nb::MULTIPLY => {
                    if let Some(n) = as_int(b) {
                        let n = n.to_big().to_i64().unwrap_or(i64::MAX).max(0) as usize;
                        let items = l.get().clone();
                        let total = items
                            .len()
                            .checked_mul(n)
                            .ok_or_else(|| self.memory_error())?;
                        check_alloc(self, total)?;
                        let mut out = Vec::with_capacity(total);
                        for _ in 0..n {
                            out.extend(items.iter().cloned());
                        }
                        let old = l.replace(out);
                        drop(old);
                        return Ok(Some(a.clone()));
                    }
                }
                _ => {}
            }
        }
        crate::types::inplace_extra(self, a, b, base)
    }

    /// Binary operators among builtin types; `None` when they do not apply.
    fn binary_builtin(&mut self, a: &Value, b: &Value, base: u32) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return self.int_op(&x, &y, base).map(Some);
        }
        if as_float(a).is_some() || as_float(b).is_some() {
            if let (Some(x), Some(y)) = (self.float_operand(a)?, self.float_operand(b)?) {
                return self.float_op(x, y, base).map(Some);
            }
        }
        let (Some(pa), pb) = (a.payload(), b.payload()) else {
            // An inline value on the left: `3 * "ab"` and `3 * [1]`.
            if base == nb::MULTIPLY {
                if let Some(n) = as_int(a) {
                    if matches!(
                        b.payload(),
                        Some(
                            Payload::Str(_)
                                | Payload::List(_)
                                | Payload::Tuple(_)
                                | Payload::Bytes(_)
                        )
                    ) {
                        return self.repeat(b, &n).map(Some);
                    }
                }
            }
            return crate::types::binary_extra(self, a, b, base);
        };
        match (base, pa, pb) {
            (nb::ADD, Payload::Str(x), Some(Payload::Str(y))) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Ok(Some(self.new_str(s)))
            }
            (nb::ADD, Payload::List(x), Some(Payload::List(y))) => {
                let mut v = x.get().clone();
                v.extend(y.get().iter().cloned());
                Ok(Some(self.new_list(v)))
            }
            (nb::ADD, Payload::Tuple(x), Some(Payload::Tuple(y))) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Ok(Some(self.new_tuple(v)))
            }
            (nb::ADD, Payload::Bytes(x), Some(Payload::Bytes(y))) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Ok(Some(self.new_bytes(v)))
            }
            (
                nb::MULTIPLY,
                Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_),
                _,
            ) => match as_int(b) {
                Some(n) => self.repeat(a, &n).map(Some),
                None => Ok(None),
            },
            (
                nb::MULTIPLY,
                Payload::Int(_),
                Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)),
            ) => match as_int(a) {
                Some(n) => self.repeat(b, &n).map(Some),
                None => Ok(None),
            },
            (nb::REMAINDER, Payload::Str(_), _) => {
                crate::types::str_format::percent_format(self, a, b).map(Some)
            }
            _ => crate::types::binary_extra(self, a, b, base),
        }
    }

    /// A float or int operand of float arithmetic, as a float.
    fn float_operand(&self, v: &Value) -> PyResult<Option<f64>> {
        if let Some(f) = as_float(v) {
            return Ok(Some(f));
        }
        match as_int(v) {
            Some(i) => int::to_f64(&i)
                .map(Some)
                .ok_or_else(|| self.overflow_error("int too large to convert to float")),
            None => Ok(None),
        }
    }

    /// `seq * n`.
    fn repeat(&mut self, seq: &Value, n: &IntRef) -> PyResult<Value> {
        let n = match n.to_big().to_i64() {
            Some(n) => n.max(0) as usize,
            None if n.is_negative() => 0,
            None => return Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        match seq.payload() {
            Some(Payload::Str(s)) => {
                let total = s
                    .as_str()
                    .len()
                    .checked_mul(n)
                    .ok_or_else(|| self.memory_error())?;
                check_alloc(self, total)?;
                Ok(self.new_str(s.as_str().repeat(n)))
            }
            Some(Payload::Bytes(b)) => {
                let total = b.len().checked_mul(n).ok_or_else(|| self.memory_error())?;
                check_alloc(self, total)?;
                Ok(self.new_bytes(b.repeat(n)))
            }
            Some(Payload::List(l)) => {
                let items = l.get().clone();
                let total = items
                    .len()
                    .checked_mul(n)
                    .ok_or_else(|| self.memory_error())?;
                check_alloc(self, total.saturating_mul(16))?;
                let mut out = Vec::with_capacity(total);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                Ok(self.new_list(out))
            }
            Some(Payload::Tuple(t)) => {
                let total = t.len().checked_mul(n).ok_or_else(|| self.memory_error())?;
                check_alloc(self, total.saturating_mul(16))?;
                let mut out = Vec::with_capacity(total);
                for _ in 0..n {
                    out.extend(t.iter().cloned());
                }
                Ok(self.new_tuple(out))
            }
            _ => Err(self.type_error("can't multiply sequence")),
        }
    }

    fn int_op(&mut self, x: &IntRef, y: &IntRef, base: u32) -> PyResult<Value> {
        let r = match base {
            nb::ADD => int::add(x, y),
            nb::SUBTRACT => int::sub(x, y),
            nb::MULTIPLY => int::mul(x, y),
            nb::FLOOR_DIVIDE => int::floordiv(x, y)
                .ok_or_else(|| self.zero_division_error("integer division or modulo by zero"))?,
            nb::REMAINDER => int::modulo(x, y)
                .ok_or_else(|| self.zero_division_error("integer modulo by zero"))?,
            nb::TRUE_DIVIDE => {
                return match int::truediv(x, y) {
                    Ok(f) => Ok(Value::Float(f)),
                    Err("division by zero") => Err(self.zero_division_error("division by zero")),
                    Err(m) => Err(self.overflow_error(m)),
                }
            }
            nb::POWER => {
                if y.is_negative() {
                    let (fx, fy) = match (int::to_f64(x), int::to_f64(y)) {
                        (Some(a), Some(b)) => (a, b),
                        _ => return Err(self.overflow_error("int too large to convert to float")),
                    };
                    return self.float_op(fx, fy, nb::POWER);
                }
                let small_base = matches!(x, IntRef::Small(-1..=1));
                if !small_base {
                    let bits = x.to_big().bits();
                    let e = y.to_big().to_u64().unwrap_or(u64::MAX);
                    if bits.saturating_mul(e) > (1 << 36) {
                        return Err(self.memory_error());
                    }
                } else if let IntRef::Small(-1) = x {
                    let odd = y.to_big().bit(0);
                    return Ok(Value::Int(if odd { -1 } else { 1 }));
                } else {
                    return Ok(Value::Int(
                        if matches!(x, IntRef::Small(0)) && !y.is_zero() {
                            0
                        } else {
                            1
                        },
                    ));
                }
                int::pow(x, y)
            }
            nb::LSHIFT | nb::RSHIFT => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let n = y.to_big().to_u64().unwrap_or(u64::MAX);
                if base == nb::LSHIFT {
                    if !x.is_zero() && n > (1 << 36) {
                        return Err(self.overflow_error("too many digits in integer"));
                    }
                    int::lshift(x, n)
                } else {
                    int::rshift(x, n)
                }
            }
            nb::AND => int::bitand(x, y),
            nb::OR => int::bitor(x, y),
            nb::XOR => int::bitxor(x, y),
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'int' and 'int'",
                    NB_OPS[base as usize].1
                )))
            }
        };
        Ok(self.new_int(r))
    }

    pub fn float_op(&mut self, x: f64, y: f64, base: u32) -> PyResult<Value> {
        let r = match base {
            nb::ADD => x + y,
            nb::SUBTRACT => x - y,
            nb::MULTIPLY => x * y,
            nb::TRUE_DIVIDE => {
                if y == 0.0 {
                    return Err(self.zero_division_error("float division by zero"));
                }
                x / y
            }
            nb::FLOOR_DIVIDE => {
                if y == 0.0 {
                    return Err(self.zero_division_error("float floor division by zero"));
                }
                float::divmod(x, y).0
            }
            nb::REMAINDER => {
                if y == 0.0 {
                    return Err(self.zero_division_error("float modulo"));
                }
                float::divmod(x, y).1
            }
            nb::POWER => return self.float_pow(x, y),
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    NB_OPS[base as usize].1
                )))
            }
        };
        if r.is_infinite() && x.is_finite() && y.is_finite() && base == nb::MULTIPLY {
            // IEEE overflow in * gives inf, as CPython does (no error).
            return Ok(Value::Float(r));
        }
        Ok(Value::Float(r))
    }

    fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(self.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            // A complex result: CPython returns a complex number here.
            return Err(self.value_error("math domain error"));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.new_error(
                &self.types().exc.overflow_error,
                "(34, 'Numerical result out of range')",
            ));
        }
        Ok(Value::Float(r))
    }

    /// UNARY_NEGATIVE.
    pub fn neg(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = as_int(v) {
            return Ok(self.new_int(int::neg(&i)));
        }
        if let Some(f) = as_float(v) {
            return Ok(Value::Float(-f));
        }
        self.unary_special(v, "__neg__", "unary -")
    }

    /// UNARY_POSITIVE.
    pub fn pos(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Bool(b) = v {
            return Ok(Value::Int(*b as i64));
        }
        if as_int(v).is_some() || as_float(v).is_some() {
            return Ok(v.clone());
        }
        self.unary_special(v, "__pos__", "unary +")
    }

    /// UNARY_INVERT.
    pub fn invert(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = as_int(v) {
            return Ok(self.new_int(int::invert(&i)));
        }
        self.unary_special(v, "__invert__", "unary ~")
    }

    fn unary_special(&mut self, v: &Value, name: &str, what: &str) -> PyResult<Value> {
        if let Some(Payload::Complex(re, im)) = v.payload() {
            match name {
                "__neg__" => return Ok(crate::types::complex::new_complex(self, -re, -im)),
                "__pos__" => return Ok(crate::types::complex::new_complex(self, *re, *im)),
                _ => {}
            }
        }
        let ty = self.type_of(v).clone();
        if ty.payload_type().heap_type {
            if let Some(m) = self.lookup_type(&ty, name) {
                return self.call_method_value(&m, v, &[]);
            }
        }
        Err(self.type_error(format!(
            "bad operand type for {}: '{}'",
            what,
            self.type_name(v)
        )))
    }
}

/// Refuse allocations that cannot succeed (`[0] * 10**12`) with MemoryError
/// rather than letting the allocator abort the process.
pub fn check_alloc(vm: &Vm, bytes: usize) -> PyResult<()> {
    if bytes > (1usize << 40) {
        return Err(vm.memory_error());
    }
    Ok(())
}

impl Vm {
    /// `proxy | x`, `x | proxy`: `|` of the proxied mappings.
    #[cold]
    fn mappingproxy_or(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let unwrap = |v: &Value| match v.payload() {
            Some(Payload::MappingProxy(m)) => m.clone(),
            _ => v.clone(),
        };
        let (a, b) = (unwrap(a), unwrap(b));
        self.binary_op(&a, &b, nb::OR)
    }
}
