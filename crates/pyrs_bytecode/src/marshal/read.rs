//! Reading marshal data: `r_object` and its helpers from Python/marshal.c, with
//! CPython's error types and messages. Malformed data of any kind ends in a
//! `MarshalError`: lengths are checked against the input before anything is
//! allocated for them, nesting is capped at `MAX_MARSHAL_STACK_DEPTH`, and the
//! copying that references cause is budgeted (see `Reader::charge`).

use super::types::*;
use super::{MarshalError, MarshalValue, MAX_MARSHAL_STACK_DEPTH};
use crate::code::{CodeObject, Const};
use num_bigint::{BigInt, BigUint, Sign};
use std::rc::Rc;

const SIZE32_MAX: i64 = 0x7FFF_FFFF;

/// An entry of the reference list (`p->refs`).
enum RefSlot {
    /// A frozenset or code object whose index was reserved before its items were
    /// read: CPython holds `None` there, so a reference to it is invalid.
    Reserved,
    /// A tuple, list, dict or set still being read. CPython would hand out the
    /// unfinished object and so build a cycle, which a tree cannot hold.
    Building,
    /// A finished object and what a copy of it costs.
    Ready(MarshalValue, u64),
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
    refs: Vec<RefSlot>,
    /// CPython shares a referenced object; we copy it. Copies are charged here so
    /// that a short input cannot make us build an exponentially large tree.
    copy_budget: u64,
}

/// A value and the cost of copying it (roughly its number of nodes).
type Loaded = (MarshalValue, u64);

fn too_short() -> MarshalError {
    MarshalError::Eof("marshal data too short".into())
}

#[cold]
#[inline(never)]
fn null_object(what: &str) -> MarshalError {
    MarshalError::Type(format!("NULL object in marshal data for {what}"))
}

#[cold]
#[inline(never)]
fn unhashable(type_name: &str) -> MarshalError {
    MarshalError::Type(format!("unhashable type: '{type_name}'"))
}

fn eof_not_expected() -> MarshalError {
    MarshalError::Eof("EOF read where not expected".into())
}

pub(super) fn read_object(data: &[u8]) -> Result<(MarshalValue, usize), MarshalError> {
    let mut r = Reader {
        data,
        pos: 0,
        depth: 0,
        refs: Vec::new(),
        copy_budget: (data.len() as u64).saturating_mul(8) + (1 << 20),
    };
    match r.r_object()? {
        Some((v, _)) => Ok((v, r.pos)),
        None => Err(MarshalError::Type(
            "NULL object in marshal data for object".into(),
        )),
    }
}

impl Reader<'_> {
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    fn r_string(&mut self, n: usize) -> Result<&[u8], MarshalError> {
        if self.remaining() < n {
            return Err(too_short());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn r_byte(&mut self) -> Result<u8, MarshalError> {
        let b = *self.data.get(self.pos).ok_or_else(eof_not_expected)?;
        self.pos += 1;
        Ok(b)
    }

    fn r_short(&mut self) -> Result<i16, MarshalError> {
        let b = self.r_string(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }

    /// A 32-bit little-endian signed value, sign-extended as CPython does.
    fn r_long(&mut self) -> Result<i64, MarshalError> {
        let b = self.r_string(4)?;
        Ok(i64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]])))
    }

    /// A size field: checked against `SIZE32_MAX` with CPython's message, and
    /// returned as usize (callers still check it against the remaining input).
    fn r_size(&mut self, what: &str) -> Result<usize, MarshalError> {
        let n = self.r_long()?;
        if !(0..=SIZE32_MAX).contains(&n) {
            return Err(MarshalError::Value(format!(
                "bad marshal data ({what} size out of range)"
            )));
        }
        Ok(n as usize)
    }

    fn charge(&mut self, cost: u64) -> Result<(), MarshalError> {
        if cost > self.copy_budget {
            return Err(MarshalError::Value(
                "bad marshal data (references expand beyond the input's size)".into(),
            ));
        }
        self.copy_budget -= cost;
        Ok(())
    }

    fn reserve_ref(&mut self, flag: bool, slot: RefSlot) -> Result<Option<usize>, MarshalError> {
        if !flag {
            return Ok(None);
        }
        if self.refs.len() >= 0x7fff_fffe {
            return Err(MarshalError::Value(
                "bad marshal data (index list too large)".into(),
            ));
        }
        self.refs.push(slot);
        Ok(Some(self.refs.len() - 1))
    }

    fn fill_ref(&mut self, idx: Option<usize>, loaded: &Loaded) {
        if let Some(i) = idx {
            if let Some(slot) = self.refs.get_mut(i) {
                *slot = RefSlot::Ready(loaded.0.clone(), loaded.1);
            }
        }
    }

    /// `r_object`: `Ok(None)` is CPython's NULL without an exception (TYPE_NULL),
    /// which ends a dict and is an error everywhere else.
    fn r_object(&mut self) -> Result<Option<Loaded>, MarshalError> {
        let Some(&code) = self.data.get(self.pos) else {
            return Err(MarshalError::Eof("EOF read where object expected".into()));
        };
        self.pos += 1;
        self.depth += 1;
        if self.depth > MAX_MARSHAL_STACK_DEPTH {
            self.depth -= 1;
            return Err(MarshalError::Value("recursion limit exceeded".into()));
        }
        let result = self.r_object_body(code & !FLAG_REF, code & FLAG_REF != 0);
        self.depth -= 1;
        result
    }

    /// The containers, which recurse, are dispatched here; everything else is in
    /// `r_leaf`, kept out of line so that each level of nesting costs little stack.
    fn r_object_body(&mut self, ty: u8, flag: bool) -> Result<Option<Loaded>, MarshalError> {
        let loaded = match ty {
            TYPE_NULL => return Ok(None),
            TYPE_SMALL_TUPLE => {
                let n = usize::from(self.r_byte()?);
                self.r_sequence(n, flag, false)?
            }
            TYPE_TUPLE => {
                let n = self.r_size("tuple")?;
                self.r_sequence(n, flag, false)?
            }
            TYPE_LIST => {
                let n = self.r_size("list")?;
                self.r_sequence(n, flag, true)?
            }
            TYPE_SET | TYPE_FROZENSET => {
                let n = self.r_size("set")?;
                self.r_set(n, flag, ty == TYPE_FROZENSET)?
            }
            TYPE_DICT => self.r_dict(flag)?,
            TYPE_CODE => self.r_code(flag)?,
            _ => self.r_leaf(ty, flag)?,
        };
        Ok(Some(loaded))
    }

    #[inline(never)]
    fn r_leaf(&mut self, ty: u8, flag: bool) -> Result<Loaded, MarshalError> {
        let simple = |v: MarshalValue| Ok((v, 1));
        // Values whose reference is registered once they are complete.
        let value = match ty {
            // Singletons never enter the reference list, even with FLAG_REF.
            TYPE_NONE => return simple(MarshalValue::None),
            TYPE_STOPITER => return simple(MarshalValue::StopIteration),
            TYPE_ELLIPSIS => return simple(MarshalValue::Ellipsis),
            TYPE_FALSE => return simple(MarshalValue::Bool(false)),
            TYPE_TRUE => return simple(MarshalValue::Bool(true)),
            TYPE_INT => (MarshalValue::Int(BigInt::from(self.r_long()?)), 1),
            TYPE_INT64 => {
                let b = self.r_string(8)?;
                let mut le = [0u8; 8];
                le.copy_from_slice(b);
                (MarshalValue::Int(BigInt::from(i64::from_le_bytes(le))), 1)
            }
            TYPE_LONG => {
                let v = self.r_long_digits()?;
                let cost = 1 + v.bits() / 64;
                (MarshalValue::Int(v), cost)
            }
            TYPE_FLOAT => (MarshalValue::Float(self.r_float_str()?), 1),
            TYPE_BINARY_FLOAT => (MarshalValue::Float(self.r_float_bin()?), 1),
            TYPE_COMPLEX => {
                let real = self.r_float_str()?;
                let imag = self.r_float_str()?;
                (MarshalValue::Complex { real, imag }, 1)
            }
            TYPE_BINARY_COMPLEX => {
                let real = self.r_float_bin()?;
                let imag = self.r_float_bin()?;
                (MarshalValue::Complex { real, imag }, 1)
            }
            TYPE_STRING => {
                let n = self.r_size("bytes object")?;
                (MarshalValue::Bytes(Rc::from(self.r_string(n)?)), 1)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.r_size("string")?;
                (MarshalValue::Str(latin1(self.r_string(n)?)), 1)
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = usize::from(self.r_byte()?);
                (MarshalValue::Str(latin1(self.r_string(n)?)), 1)
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.r_size("string")?;
                (MarshalValue::Str(utf8_surrogatepass(self.r_string(n)?)?), 1)
            }
            TYPE_REF => {
                let n = self.r_long()?;
                let invalid = || MarshalError::Value("bad marshal data (invalid reference)".into());
                let slot = usize::try_from(n)
                    .ok()
                    .and_then(|i| self.refs.get(i))
                    .ok_or_else(invalid)?;
                let (v, cost) =
                    match slot {
                        RefSlot::Ready(v, cost) => (v.clone(), *cost),
                        RefSlot::Reserved => return Err(invalid()),
                        RefSlot::Building => return Err(MarshalError::Value(
                            "bad marshal data (a container that contains itself is not supported)"
                                .into(),
                        )),
                    };
                self.charge(cost)?;
                return Ok((v, cost));
            }
            _ => {
                return Err(MarshalError::Value(
                    "bad marshal data (unknown type code)".into(),
                ))
            }
        };
        if flag {
            self.reserve_ref(true, RefSlot::Ready(value.0.clone(), value.1))?;
        }
        Ok(value)
    }

    /// `r_PyLong`: a signed count of 15-bit digits, least significant first.
    fn r_long_digits(&mut self) -> Result<BigInt, MarshalError> {
        let n = self.r_long()?;
        if !(-SIZE32_MAX..=SIZE32_MAX).contains(&n) {
            return Err(MarshalError::Value(
                "bad marshal data (long size out of range)".into(),
            ));
        }
        let count = n.unsigned_abs() as usize;
        if count == 0 {
            return Ok(BigInt::from(0));
        }
        if self.remaining() / 2 < count {
            return Err(too_short());
        }
        let mut words = vec![0u32; (count * 15).div_ceil(32)];
        for i in 0..count {
            let md = self.r_short()?;
            if md < 0 {
                return Err(MarshalError::Value(
                    "bad marshal data (digit out of range in long)".into(),
                ));
            }
            if md == 0 && i == count - 1 {
                return Err(MarshalError::Value(
                    "bad marshal data (unnormalized long data)".into(),
                ));
            }
            let bit = i * 15;
            let d = u64::from(md as u16) << (bit % 32);
            words[bit / 32] |= d as u32;
            if let Some(w) = words.get_mut(bit / 32 + 1) {
                *w |= (d >> 32) as u32;
            }
        }
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(BigInt::from_biguint(sign, BigUint::new(words)))
    }

    fn r_float_bin(&mut self) -> Result<f64, MarshalError> {
        let b = self.r_string(8)?;
        let mut le = [0u8; 8];
        le.copy_from_slice(b);
        Ok(f64::from_le_bytes(le))
    }

    /// The text form of versions 0 and 1: a length byte and `repr`-like digits.
    fn r_float_str(&mut self) -> Result<f64, MarshalError> {
        let n = usize::from(self.r_byte()?);
        let raw = self.r_string(n)?;
        // CPython copies into a NUL-terminated buffer, so an embedded NUL ends it.
        let text = raw.split(|&b| b == 0).next().unwrap_or(&[]);
        let text: String = text.iter().map(|&b| char::from(b)).collect();
        parse_c_double(&text).ok_or_else(|| {
            MarshalError::Value(format!(
                "could not convert string to float: '{}'",
                text.escape_default()
            ))
        })
    }

    fn r_items(&mut self, n: usize, what: &str) -> Result<(Vec<MarshalValue>, u64), MarshalError> {
        // Every item takes at least one byte, so the input bounds the allocation.
        let mut items = Vec::with_capacity(n.min(self.remaining()));
        let mut cost = 1u64;
        for _ in 0..n {
            match self.r_object()? {
                Some((v, c)) => {
                    items.push(v);
                    cost = cost.saturating_add(c);
                }
                None => return Err(null_object(what)),
            }
        }
        Ok((items, cost))
    }

    fn r_sequence(&mut self, n: usize, flag: bool, list: bool) -> Result<Loaded, MarshalError> {
        let idx = self.reserve_ref(flag, RefSlot::Building)?;
        let (items, cost) = self.r_items(n, if list { "list" } else { "tuple" })?;
        let loaded = if list {
            (MarshalValue::List(items), cost)
        } else {
            (MarshalValue::Tuple(items), cost)
        };
        self.fill_ref(idx, &loaded);
        Ok(loaded)
    }

    #[inline(never)]
    fn r_set(&mut self, n: usize, flag: bool, frozen: bool) -> Result<Loaded, MarshalError> {
        // A set is registered at once (a reference to it while it is read would be
        // a cycle); a frozenset only when complete, so references to it meanwhile
        // are invalid, as in CPython.
        let slot = if frozen {
            RefSlot::Reserved
        } else {
            RefSlot::Building
        };
        let idx = self.reserve_ref(flag, slot)?;
        let (items, cost) = self.r_items(n, "set")?;
        for item in &items {
            if let Some(t) = item.unhashable_part() {
                return Err(unhashable(t));
            }
        }
        let loaded = if frozen {
            (MarshalValue::FrozenSet(items), cost)
        } else {
            (MarshalValue::Set(items), cost)
        };
        self.fill_ref(idx, &loaded);
        Ok(loaded)
    }

    /// Key-value pairs up to a TYPE_NULL key. A TYPE_NULL value also ends the
    /// dict without an error, which is what CPython's loop does.
    #[inline(never)]
    fn r_dict(&mut self, flag: bool) -> Result<Loaded, MarshalError> {
        let idx = self.reserve_ref(flag, RefSlot::Building)?;
        let mut pairs = Vec::new();
        let mut cost = 1u64;
        while let Some((key, kc)) = self.r_object()? {
            let Some((value, vc)) = self.r_object()? else {
                break;
            };
            if let Some(t) = key.unhashable_part() {
                return Err(unhashable(t));
            }
            cost = cost.saturating_add(kc).saturating_add(vc);
            pairs.push((key, value));
        }
        let loaded = (MarshalValue::Dict(pairs), cost);
        self.fill_ref(idx, &loaded);
        Ok(loaded)
    }

    fn r_code_field(&mut self) -> Result<MarshalValue, MarshalError> {
        match self.r_object()? {
            Some((v, _)) => Ok(v),
            None => Err(null_object("code object")),
        }
    }

    /// TYPE_CODE with 3.11's field order. The fields go to the heap as they are
    /// read, so that nested code objects (through co_consts) cost little stack.
    #[inline(never)]
    fn r_code(&mut self, flag: bool) -> Result<Loaded, MarshalError> {
        let idx = self.reserve_ref(flag, RefSlot::Reserved)?;
        let mut longs = [0i64; 6];
        let mut fields = Vec::with_capacity(10);
        for slot in longs.iter_mut().take(5) {
            *slot = self.r_long()?;
        }
        for _ in 0..8 {
            fields.push(self.r_code_field()?);
        }
        longs[5] = self.r_long()?;
        for _ in 0..2 {
            fields.push(self.r_code_field()?);
        }
        self.finish_code(idx, longs, fields)
    }

    /// Kept out of `r_code`'s frame, which is on the recursion path.
    #[inline(never)]
    fn finish_code(
        &mut self,
        idx: Option<usize>,
        longs: [i64; 6],
        fields: Vec<MarshalValue>,
    ) -> Result<Loaded, MarshalError> {
        let loaded = (MarshalValue::Code(build_code(longs, fields)?), 1);
        self.fill_ref(idx, &loaded);
        Ok(loaded)
    }
}

/// Checks the fields of a TYPE_CODE as `_PyCode_Validate` does and builds the
/// code object. `longs` are argcount, posonlyargcount, kwonlyargcount,
/// stacksize, flags and firstlineno; `fields` the ten objects in stream order.
#[inline(never)]
fn build_code(longs: [i64; 6], fields: Vec<MarshalValue>) -> Result<Rc<CodeObject>, MarshalError> {
    let [argcount, posonlyargcount, kwonlyargcount, stacksize, flags, firstlineno] = longs;
    let Ok::<[MarshalValue; 10], _>(
        [code, consts, names, localsplusnames, localspluskinds, filename, name, qualname, linetable, exceptiontable],
    ) = fields.try_into()
    else {
        return Err(MarshalError::Value("bad marshal data (code object)".into()));
    };
    let bad = |what: &str| MarshalError::Value(format!("bad marshal data (code object: {what})"));
    let count = |v: i64, what: &str| u32::try_from(v).map_err(|_| bad(what));
    let bytes = |v: MarshalValue, what: &str| match v {
        MarshalValue::Bytes(b) => Ok(b),
        _ => Err(bad(&format!("{what} is not bytes"))),
    };
    let string = |v: MarshalValue, what: &str| match v {
        MarshalValue::Str(s) => Ok(s),
        _ => Err(bad(&format!("{what} is not a str"))),
    };
    let strings = |v: MarshalValue, what: &str| match v {
        MarshalValue::Tuple(items) => items
            .into_iter()
            .map(|s| match s {
                MarshalValue::Str(s) => Ok(s),
                _ => Err(bad(&format!("non-string found in {what}"))),
            })
            .collect::<Result<Vec<_>, _>>(),
        _ => Err(bad(&format!("{what} is not a tuple"))),
    };

    let co_argcount = count(argcount, "negative argcount")?;
    let co_posonlyargcount = count(posonlyargcount, "negative posonlyargcount")?;
    if co_argcount < co_posonlyargcount {
        return Err(bad("argcount < posonlyargcount"));
    }
    let co_code = bytes(code, "co_code")?;
    if co_code.len() % 2 != 0 {
        return Err(MarshalError::Value("code: co_code is malformed".into()));
    }
    let co_consts = match consts {
        MarshalValue::Tuple(items) => items
            .into_iter()
            .map(Const::try_from)
            .collect::<Result<Vec<_>, _>>()?,
        _ => return Err(bad("co_consts is not a tuple")),
    };
    let co_localsplusnames = strings(localsplusnames, "co_localsplusnames")?;
    let co_localspluskinds = bytes(localspluskinds, "co_localspluskinds")?.to_vec();
    if co_localsplusnames.len() != co_localspluskinds.len() {
        return Err(bad(
            "co_localsplusnames and co_localspluskinds differ in length",
        ));
    }
    let co = CodeObject {
        co_argcount,
        co_posonlyargcount,
        co_kwonlyargcount: count(kwonlyargcount, "negative kwonlyargcount")?,
        co_stacksize: count(stacksize, "negative stacksize")?,
        co_flags: count(flags, "negative flags")?,
        co_code: co_code.to_vec(),
        co_consts,
        co_names: strings(names, "co_names")?,
        co_localsplusnames,
        co_localspluskinds,
        co_filename: string(filename, "co_filename")?,
        co_name: string(name, "co_name")?,
        co_qualname: string(qualname, "co_qualname")?,
        co_firstlineno: count(firstlineno, "negative firstlineno")?,
        co_linetable: bytes(linetable, "co_linetable")?.to_vec(),
        co_exceptiontable: bytes(exceptiontable, "co_exceptiontable")?.to_vec(),
    };
    if co.co_nlocals() < co.total_args() {
        return Err(MarshalError::Value("code: co_varnames is too small".into()));
    }
    Ok(Rc::new(co))
}

/// TYPE_ASCII and friends are read as Latin-1 (`PyUnicode_1BYTE_KIND`), so bytes
/// above 0x7f become U+0080..U+00FF rather than an error.
fn latin1(b: &[u8]) -> Rc<str> {
    if b.is_ascii() {
        // Checked just above, so this cannot fail; the fallback keeps it panic-free.
        Rc::from(std::str::from_utf8(b).unwrap_or_default())
    } else {
        let s: String = b.iter().map(|&c| char::from(c)).collect();
        Rc::from(s)
    }
}

/// UTF-8 with CPython's "surrogatepass": a lone surrogate is valid marshal data,
/// but a Rust `str` cannot hold one, so it is reported as unsupported.
fn utf8_surrogatepass(b: &[u8]) -> Result<Rc<str>, MarshalError> {
    let err = match std::str::from_utf8(b) {
        Ok(s) => return Ok(Rc::from(s)),
        Err(e) => e,
    };
    let p = err.valid_up_to();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    if at(p) == 0xED && (0xA0..=0xBF).contains(&at(p + 1)) && (0x80..=0xBF).contains(&at(p + 2)) {
        return Err(MarshalError::Value(format!(
            "bad marshal data (a string with a lone surrogate at byte {p} is not supported)"
        )));
    }
    let (end, reason) = match err.error_len() {
        None => (b.len(), "unexpected end of data"),
        Some(n) => {
            let start_ok = matches!(at(p), 0xC2..=0xF4);
            let reason = if n == 1 && !start_ok {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            (p + n, reason)
        }
    };
    let what = if end - p <= 1 {
        format!("byte 0x{:02x} in position {p}", at(p))
    } else {
        format!("bytes in position {p}-{}", end - 1)
    };
    Err(MarshalError::Value(format!(
        "'utf-8' codec can't decode {what}: {reason}"
    )))
}

/// `PyOS_string_to_double` without an end pointer: the whole text must be a
/// decimal float, `inf`/`infinity` or `nan` (any case, optional sign).
fn parse_c_double(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let ok = !body.is_empty()
        && (body.eq_ignore_ascii_case("inf")
            || body.eq_ignore_ascii_case("infinity")
            || body.eq_ignore_ascii_case("nan")
            || body
                .bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')));
    if !ok {
        return None;
    }
    text.parse::<f64>().ok()
}
