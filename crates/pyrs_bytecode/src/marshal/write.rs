//! Writing marshal data: `w_object` and its helpers from Python/marshal.c. The
//! output is not byte-identical to CPython's (CPython decides references by
//! reference counts, which we do not have), but CPython loads it to equal values.
//! Strings that CPython interns are written interned and shared by reference, as
//! in CPython's .pyc files: names, variable names and identifier-like constants.

use super::types::*;
use super::{MarshalError, MarshalValue, MAX_MARSHAL_STACK_DEPTH};
use crate::code::{CodeObject, Const};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;
use std::collections::HashMap;
use std::rc::Rc;

const SIZE32_MAX: usize = 0x7FFF_FFFF;

struct Writer {
    out: Vec<u8>,
    version: u32,
    depth: usize,
    max_depth: usize,
    /// Interned strings already written with FLAG_REF, by reference index.
    interned: HashMap<Rc<str>, u32>,
    nrefs: u32,
}

pub(super) fn write_object(value: &MarshalValue, version: u32) -> Result<Vec<u8>, MarshalError> {
    let mut w = Writer::new(version, MAX_MARSHAL_STACK_DEPTH);
    w.w_object(value)?;
    Ok(w.out)
}

pub(super) fn write_code(code: &CodeObject) -> Vec<u8> {
    // The compiler bounds nesting itself, and no in-memory code object has a
    // field of 2 GiB, so neither of the writer's limits can be hit here.
    let mut w = Writer::new(super::VERSION, usize::MAX);
    let _ = w.w_code(code, 0);
    w.out
}

/// `all_name_chars` of Objects/codeobject.c: CPython interns string constants
/// made only of these.
fn all_name_chars(s: &str) -> bool {
    s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

fn unmarshallable() -> MarshalError {
    MarshalError::Value("unmarshallable object".into())
}

impl Writer {
    fn new(version: u32, max_depth: usize) -> Self {
        Writer {
            out: Vec::new(),
            version,
            depth: 0,
            max_depth,
            interned: HashMap::new(),
            nrefs: 0,
        }
    }

    fn w_long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn w_size(&mut self, n: usize) -> Result<(), MarshalError> {
        if n > SIZE32_MAX {
            return Err(unmarshallable());
        }
        self.w_long(n as i32);
        Ok(())
    }

    fn w_pstring(&mut self, b: &[u8]) -> Result<(), MarshalError> {
        self.w_size(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }

    fn w_short_pstring(&mut self, b: &[u8]) {
        self.out.push(b.len() as u8);
        self.out.extend_from_slice(b);
    }

    fn enter(&mut self) -> Result<(), MarshalError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(MarshalError::Value(
                "object too deeply nested to marshal".into(),
            ));
        }
        Ok(())
    }

    fn w_int(&mut self, v: &BigInt) {
        if let Some(x) = v.to_i32() {
            self.out.push(TYPE_INT);
            self.w_long(x);
            return;
        }
        self.out.push(TYPE_LONG);
        // 15-bit digits, least significant first; the sign goes on the count.
        let words = v.magnitude().to_u32_digits();
        let ndigits = (v.bits() as usize).div_ceil(15);
        let count = ndigits as i32;
        self.w_long(if v.sign() == Sign::Minus {
            -count
        } else {
            count
        });
        for i in 0..ndigits {
            let bit = i * 15;
            let lo = u64::from(words.get(bit / 32).copied().unwrap_or(0));
            let hi = u64::from(words.get(bit / 32 + 1).copied().unwrap_or(0));
            let d = (((hi << 32) | lo) >> (bit % 32)) & 0x7fff;
            self.out.extend_from_slice(&(d as u16).to_le_bytes());
        }
    }

    fn w_float(&mut self, v: f64) {
        if self.version > 1 {
            self.out.extend_from_slice(&v.to_le_bytes());
        } else {
            let s = format_g17(v);
            self.w_short_pstring(s.as_bytes());
        }
    }

    fn w_float_type(&mut self, v: f64) {
        self.out.push(if self.version > 1 {
            TYPE_BINARY_FLOAT
        } else {
            TYPE_FLOAT
        });
        self.w_float(v);
    }

    fn w_complex(&mut self, real: f64, imag: f64) {
        self.out.push(if self.version > 1 {
            TYPE_BINARY_COMPLEX
        } else {
            TYPE_COMPLEX
        });
        self.w_float(real);
        self.w_float(imag);
    }

    /// A str; `interned` ones are written once with FLAG_REF and then by index.
    fn w_str(&mut self, s: &Rc<str>, interned: bool) -> Result<(), MarshalError> {
        let mut flag = 0;
        if interned && self.version >= 3 {
            if let Some(&idx) = self.interned.get(s) {
                self.out.push(TYPE_REF);
                self.w_long(idx as i32);
                return Ok(());
            }
            if self.nrefs as usize >= SIZE32_MAX {
                return Err(MarshalError::Value("too many objects".into()));
            }
            self.interned.insert(s.clone(), self.nrefs);
            self.nrefs += 1;
            flag = FLAG_REF;
        }
        if self.version >= 4 && s.is_ascii() {
            if s.len() < 256 {
                let ty = if interned {
                    TYPE_SHORT_ASCII_INTERNED
                } else {
                    TYPE_SHORT_ASCII
                };
                self.out.push(ty | flag);
                self.w_short_pstring(s.as_bytes());
            } else {
                let ty = if interned {
                    TYPE_ASCII_INTERNED
                } else {
                    TYPE_ASCII
                };
                self.out.push(ty | flag);
                self.w_pstring(s.as_bytes())?;
            }
        } else {
            let ty = if interned && self.version >= 3 {
                TYPE_INTERNED
            } else {
                TYPE_UNICODE
            };
            self.out.push(ty | flag);
            self.w_pstring(s.as_bytes())?;
        }
        Ok(())
    }

    fn w_bytes(&mut self, b: &[u8]) -> Result<(), MarshalError> {
        self.out.push(TYPE_STRING);
        self.w_pstring(b)
    }

    fn w_tuple_header(&mut self, n: usize) -> Result<(), MarshalError> {
        if self.version >= 4 && n < 256 {
            self.out.push(TYPE_SMALL_TUPLE);
            self.out.push(n as u8);
            Ok(())
        } else {
            self.out.push(TYPE_TUPLE);
            self.w_size(n)
        }
    }

    fn w_object(&mut self, v: &MarshalValue) -> Result<(), MarshalError> {
        self.enter()?;
        match v {
            MarshalValue::None => self.out.push(TYPE_NONE),
            MarshalValue::Ellipsis => self.out.push(TYPE_ELLIPSIS),
            MarshalValue::StopIteration => self.out.push(TYPE_STOPITER),
            MarshalValue::Bool(b) => self.out.push(if *b { TYPE_TRUE } else { TYPE_FALSE }),
            MarshalValue::Int(i) => self.w_int(i),
            MarshalValue::Float(f) => self.w_float_type(*f),
            MarshalValue::Complex { real, imag } => self.w_complex(*real, *imag),
            MarshalValue::Str(s) => self.w_str(s, all_name_chars(s))?,
            MarshalValue::Bytes(b) => self.w_bytes(b)?,
            MarshalValue::Tuple(items) => {
                self.w_tuple_header(items.len())?;
                for item in items {
                    self.w_object(item)?;
                }
            }
            MarshalValue::List(items)
            | MarshalValue::Set(items)
            | MarshalValue::FrozenSet(items) => {
                self.out.push(match v {
                    MarshalValue::List(_) => TYPE_LIST,
                    MarshalValue::Set(_) => TYPE_SET,
                    _ => TYPE_FROZENSET,
                });
                self.w_size(items.len())?;
                for item in items {
                    self.w_object(item)?;
                }
            }
            MarshalValue::Dict(pairs) => {
                self.out.push(TYPE_DICT);
                for (k, val) in pairs {
                    self.w_object(k)?;
                    self.w_object(val)?;
                }
                self.out.push(TYPE_NULL);
            }
            MarshalValue::Code(code) => self.w_code(code, 1)?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn w_const(&mut self, c: &Const) -> Result<(), MarshalError> {
        self.enter()?;
        match c {
            Const::None => self.out.push(TYPE_NONE),
            Const::Ellipsis => self.out.push(TYPE_ELLIPSIS),
            Const::StopIteration => self.out.push(TYPE_STOPITER),
            Const::Bool(b) => self.out.push(if *b { TYPE_TRUE } else { TYPE_FALSE }),
            Const::Int(i) => self.w_int(i),
            Const::Float(f) => self.w_float_type(*f),
            Const::Complex { real, imag } => self.w_complex(*real, *imag),
            Const::Str(s) => self.w_str(s, all_name_chars(s))?,
            Const::Bytes(b) => self.w_bytes(b)?,
            Const::Tuple(items) => {
                self.w_tuple_header(items.len())?;
                for item in items.iter() {
                    self.w_const(item)?;
                }
            }
            Const::FrozenSet(items) => {
                self.out.push(TYPE_FROZENSET);
                self.w_size(items.len())?;
                for item in items.iter() {
                    self.w_const(item)?;
                }
            }
            Const::Code(code) => self.w_code(code, 1)?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn w_names(&mut self, names: &[Rc<str>]) -> Result<(), MarshalError> {
        self.enter()?;
        self.w_tuple_header(names.len())?;
        for n in names {
            self.w_str(n, true)?;
        }
        self.depth -= 1;
        Ok(())
    }

    /// TYPE_CODE in 3.11's field order. `depth_taken` says whether the caller
    /// already counted this object against the nesting limit.
    fn w_code(&mut self, co: &CodeObject, depth_taken: usize) -> Result<(), MarshalError> {
        if depth_taken == 0 {
            self.enter()?;
        }
        self.out.push(TYPE_CODE);
        for field in [
            co.co_argcount,
            co.co_posonlyargcount,
            co.co_kwonlyargcount,
            co.co_stacksize,
            co.co_flags,
        ] {
            self.w_long(field as i32);
        }
        self.w_bytes(&co.co_code)?;
        self.enter()?;
        self.w_tuple_header(co.co_consts.len())?;
        for c in &co.co_consts {
            self.w_const(c)?;
        }
        self.depth -= 1;
        self.w_names(&co.co_names)?;
        self.w_names(&co.co_localsplusnames)?;
        self.w_bytes(&co.co_localspluskinds)?;
        self.w_str(&co.co_filename, true)?;
        self.w_str(&co.co_name, true)?;
        self.w_str(&co.co_qualname, true)?;
        self.w_long(co.co_firstlineno as i32);
        self.w_bytes(&co.co_linetable)?;
        self.w_bytes(&co.co_exceptiontable)?;
        if depth_taken == 0 {
            self.depth -= 1;
        }
        Ok(())
    }
}

/// `PyOS_double_to_string(v, 'g', 17, 0, NULL)`, i.e. C's `"%.17g"`: the text
/// form marshal versions 0 and 1 use for floats.
fn format_g17(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf".into() } else { "inf".into() };
    }
    // 17 significant digits in scientific form, then C's %g layout rules.
    let sci = format!("{v:.16e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let strip = |s: String| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if !(-4..17).contains(&exp) {
        let m = strip(format!("{}.{}", &digits[..1], &digits[1..]));
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{esign}{:02}", exp.abs())
    } else if exp >= 0 {
        let point = exp as usize + 1;
        format!(
            "{sign}{}",
            strip(format!("{}.{}", &digits[..point], &digits[point..]))
        )
    } else {
        let zeros = "0".repeat((-exp - 1) as usize);
        format!("{sign}{}", strip(format!("0.{zeros}{digits}")))
    }
}

#[cfg(test)]
mod tests {
    use super::format_g17;

    #[test]
    fn g17_layout() {
        assert_eq!(format_g17(1.5), "1.5");
        assert_eq!(format_g17(-0.0), "-0");
        assert_eq!(format_g17(1e100), "1e+100");
        assert_eq!(format_g17(1e-5), "1.0000000000000001e-05");
        assert_eq!(format_g17(0.1), "0.10000000000000001");
        assert_eq!(format_g17(123456789012345678.0), "1.2345678901234568e+17");
    }
}
