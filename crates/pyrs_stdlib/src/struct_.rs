//! `_struct` (Modules/_struct.c): packing values into C structs as bytes and
//! back, for the pure-Python Lib/struct.py: the format language (byte order,
//! sizes and native alignment), every format character, `Struct`, `error`,
//! and CPython's messages, which differ by format character and byte order.
//!
//! A `Struct` holds (format as str, size) (`held.rs`); the
//! format is parsed again on each call, which is cheap next to the packing.

use crate::args::{fargs, to_f64, to_index};
use crate::held::{add_getters, held, new_held};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef, NativeFn};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::protocol::dict_set_str_raw;
use pyrs_vm::types::args::{bind, kw};
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};
use std::cell::RefCell;

thread_local! {
    /// `struct.error` and the `Struct` type, made when `_struct` is imported.
    static TYPES: RefCell<Option<(ObjRef, ObjRef)>> = const { RefCell::new(None) };
}

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("pack", struct_pack),
    MethodDef::method("pack_into", struct_pack_into),
    MethodDef::method("unpack", struct_unpack),
    MethodDef::method("unpack_from", struct_unpack_from),
    MethodDef::method("iter_unpack", struct_iter_unpack),
    MethodDef::method("calcsize", struct_calcsize),
    MethodDef::method("_clearcache", struct_clearcache),
];

const STRUCT_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", s_new),
    MethodDef::method("pack", s_pack),
    MethodDef::method("pack_into", s_pack_into),
    MethodDef::method("unpack", s_unpack),
    MethodDef::method("unpack_from", s_unpack_from),
    MethodDef::method("iter_unpack", s_iter_unpack),
];
const STRUCT_GETTERS: &[(&str, NativeFn)] = &[("format", s_format), ("size", s_size)];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let (error, st) = types(vm)?;
    add_functions(vm, module, FUNCTIONS);
    set_attr(vm, module, "error", Value::Obj(error));
    set_attr(vm, module, "Struct", Value::Obj(st));
    Ok(())
}

fn types(vm: &mut Vm) -> PyResult<(ObjRef, ObjRef)> {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return Ok(t);
    }
    // `error` is a heap class, as PyErr_NewException makes it.
    let t = vm.types();
    let ns = vm.new_dict();
    dict_set_str_raw(t, &ns, "__module__", vm.new_str("struct"));
    let bases = vm.new_tuple(vec![Value::Obj(t.exc.exception.clone())]);
    let error = vm.call(
        &Value::Obj(t.type_.clone()),
        &[vm.new_str("error"), bases, Value::Obj(ns)],
    )?;
    let Value::Obj(error) = error else {
        return Err(vm.system_error("cannot make struct.error"));
    };
    let st = crate::native::class(
        vm,
        "_struct",
        "Struct",
        None,
        BaseKind::Object,
        STRUCT_METHODS,
    );
    add_getters(vm, &st, STRUCT_GETTERS);
    TYPES.with(|c| *c.borrow_mut() = Some((error.clone(), st.clone())));
    Ok((error, st))
}

fn struct_error(vm: &mut Vm, msg: impl Into<Box<str>>) -> PyErr {
    match types(vm) {
        Ok((e, _)) => vm.new_error(&e, msg),
        Err(e) => e,
    }
}

// ----- the format language -----

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// '@': native sizes and alignment (little-endian here).
    Native,
    /// '<' and '=' on a little-endian machine.
    Little,
    /// '>' and '!'.
    Big,
}

/// One format code with its repeat count, at `offset` in the struct.
struct Code {
    ch: u8,
    count: usize,
    size: usize,
    offset: usize,
}

struct Format {
    order: Order,
    codes: Vec<Code>,
    size: usize,
    /// How many values pack takes and unpack gives.
    nitems: usize,
}

/// Size and alignment of a format character; None if the byte order has no
/// such character.
fn size_align(ch: u8, order: Order) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    Some(match ch {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' => {
            if native {
                (8, 8)
            } else {
                (4, 4)
            }
        }
        b'q' | b'Q' | b'd' => (8, 8),
        b'n' | b'N' | b'P' if native => (8, 8),
        _ => return None,
    })
}

fn parse_format(vm: &mut Vm, fmt: &[u8]) -> PyResult<Format> {
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'<' | b'=') => (Order::Little, &fmt[1..]),
        Some(b'>' | b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let too_long = |vm: &mut Vm| struct_error(vm, "total struct size too long");
    let mut codes = Vec::new();
    let mut size = 0usize;
    let mut nitems = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = (c - b'0') as usize;
            while i < body.len() && body[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((body[i] - b'0') as usize))
                {
                    Some(n) => n,
                    None => return Err(too_long(vm)),
                };
                i += 1;
            }
            if i >= body.len() {
                return Err(struct_error(
                    vm,
                    "repeat count given without format specifier",
                ));
            }
            c = body[i];
            i += 1;
            count = n;
        }
        let Some((isize_, align)) = size_align(c, order) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        match c {
            b's' | b'p' => nitems += 1,
            b'x' => {}
            _ => nitems += count,
        }
        if order == Order::Native && size > 0 {
            size = size.div_ceil(align) * align;
        }
        let Some(total) = count.checked_mul(isize_).and_then(|t| t.checked_add(size)) else {
            return Err(too_long(vm));
        };
        if total > isize::MAX as usize {
            return Err(too_long(vm));
        }
        codes.push(Code {
            ch: c,
            count,
            size: isize_,
            offset: size,
        });
        size = total;
    }
    Ok(Format {
        order,
        codes,
        size,
        nitems,
    })
}

/// The format argument: a str or bytes (`Struct()`'s converter).
fn format_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(b.to_vec());
    }
    Err(vm.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        vm.type_name(v)
    )))
}

// ----- packing -----

/// `get_long`/`get_ulong`: the int of `v` (ints and `__index__` only).
fn get_int(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let is_int = pyrs_vm::protocol::object::as_int(v).is_some();
    if !is_int {
        let ty = vm.type_of(v).clone();
        if vm.lookup_type(&ty, "__index__").is_none() {
            return Err(struct_error(vm, "required argument is not an integer"));
        }
    }
    to_index(vm, v)
}

fn put(out: &mut [u8], bytes: &[u8], order: Order) {
    if order == Order::Big {
        for (o, b) in out.iter_mut().zip(bytes.iter().rev()) {
            *o = *b;
        }
    } else {
        out.copy_from_slice(bytes);
    }
}

fn pack_int(vm: &mut Vm, v: &Value, ch: u8, order: Order, out: &mut [u8]) -> PyResult<()> {
    let n = get_int(vm, v)?;
    let size = out.len();
    let unsigned = ch.is_ascii_uppercase();
    let out_of_range = |vm: &mut Vm| {
        // _PyLong_AsByteArray and PyLong_AsVoidPtr say it their own way.
        let msg = if (order == Order::Big && size == 8) || ch == b'P' {
            "int too large to convert"
        } else {
            "argument out of range"
        };
        struct_error(vm, msg)
    };
    // Which C conversion CPython applies first decides the message when it
    // fails: PyLong_AsLong for most, PyLong_AsUnsignedLong for the rest.
    let via_unsigned = match ch {
        b'B' => false,
        b'H' => order == Order::Big,
        b'P' => n.sign() != num_bigint::Sign::Minus,
        _ => unsigned,
    };
    let wide: i128 = if via_unsigned {
        match n.to_u64() {
            Some(u) => u as i128,
            None => return Err(out_of_range(vm)),
        }
    } else {
        match n.to_i64() {
            Some(i) => i as i128,
            None => return Err(out_of_range(vm)),
        }
    };
    if size < 8 {
        let bits = size * 8;
        let (lo, hi) = if unsigned {
            (0i128, (1i128 << bits) - 1)
        } else {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        };
        if wide < lo || wide > hi {
            let msg = match (ch, order) {
                (b'b', _) => format!("byte format requires {lo} <= number <= {hi}"),
                (b'B', _) => format!("ubyte format requires {lo} <= number <= {hi}"),
                (b'h', Order::Native | Order::Little) => {
                    format!("short format requires {lo} <= number <= {hi}")
                }
                (b'H', Order::Native | Order::Little) => {
                    format!("ushort format requires {lo} <= number <= {hi}")
                }
                _ => format!("'{}' format requires {lo} <= number <= {hi}", ch as char),
            };
            return Err(struct_error(vm, msg));
        }
    }
    let bytes = (wide as u128).to_le_bytes();
    put(out, &bytes[..size], order);
    Ok(())
}

/// `PyFloat_Pack2`: binary16 with round-half-even; None on overflow.
fn f64_to_f16(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    if a < 2f64.powi(-14) {
        // Subnormal: a multiple of 2**-24 (1024 rounds up to the least normal).
        let m = (a * 2f64.powi(24)).round_ties_even() as u16;
        return Some(sign | m);
    }
    let mut e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let mant = a / 2f64.powi(e);
    let mut f = ((mant - 1.0) * 1024.0).round_ties_even() as u32;
    if f == 1024 {
        f = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | f as u16)
}

/// `PyFloat_Unpack2`.
fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let v = match e {
        0 => f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    };
    sign * v
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match to_f64(vm, v) {
        Ok(f) => Ok(f),
        Err(_) => Err(struct_error(vm, "required argument is not a float")),
    }
}

fn bytes_arg(vm: &mut Vm, v: &Value, ch: u8) -> PyResult<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        Some(Payload::ByteArray(b)) => Ok(b.get().clone()),
        _ => Err(struct_error(
            vm,
            format!("argument for '{}' must be a bytes object", ch as char),
        )),
    }
}

/// Pack `values` by `f` into `out` (zeroed, `f.size` long).
fn pack_values(vm: &mut Vm, f: &Format, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut vals = values.iter();
    for code in &f.codes {
        let start = code.offset;
        match code.ch {
            b'x' => {}
            b's' | b'p' => {
                let v = vals.next().cloned().unwrap_or(Value::None);
                let data = bytes_arg(vm, &v, code.ch)?;
                let field = &mut out[start..start + code.count];
                if code.ch == b's' {
                    let n = data.len().min(code.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if code.count > 0 {
                    let n = data.len().min(code.count - 1);
                    field[1..1 + n].copy_from_slice(&data[..n]);
                    field[0] = n.min(255) as u8;
                }
            }
            _ => {
                for k in 0..code.count {
                    let v = vals.next().cloned().unwrap_or(Value::None);
                    let at = start + k * code.size;
                    let field = &mut out[at..at + code.size];
                    pack_one(vm, &v, code.ch, f.order, field)?;
                }
            }
        }
    }
    Ok(())
}

fn pack_one(vm: &mut Vm, v: &Value, ch: u8, order: Order, field: &mut [u8]) -> PyResult<()> {
    match ch {
        b'c' => match v.payload() {
            Some(Payload::Bytes(b)) if b.len() == 1 => field[0] = b[0],
            _ => {
                return Err(struct_error(
                    vm,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'?' => field[0] = vm.is_true(v)? as u8,
        b'e' => {
            let x = float_arg(vm, v)?;
            let Some(h) = f64_to_f16(x) else {
                return Err(vm.overflow_error("float too large to pack with e format"));
            };
            put(field, &h.to_le_bytes(), order);
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if order != Order::Native && y.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("float too large to pack with f format"));
            }
            put(field, &y.to_le_bytes(), order);
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(field, &x.to_le_bytes(), order);
        }
        _ => pack_int(vm, v, ch, order, field)?,
    }
    Ok(())
}

fn get(field: &[u8], order: Order) -> u64 {
    let mut b = [0u8; 8];
    if order == Order::Big {
        for (o, x) in b.iter_mut().zip(field.iter().rev()) {
            *o = *x;
        }
    } else {
        b[..field.len()].copy_from_slice(field);
    }
    u64::from_le_bytes(b)
}

fn unpack_values(vm: &mut Vm, f: &Format, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(f.nitems);
    for code in &f.codes {
        let start = code.offset;
        match code.ch {
            b'x' => {}
            b's' => out.push(vm.new_bytes(data[start..start + code.count].to_vec())),
            b'p' => {
                if code.count == 0 {
                    out.push(vm.new_bytes(Vec::new()));
                } else {
                    let n = (data[start] as usize).min(code.count - 1);
                    out.push(vm.new_bytes(data[start + 1..start + 1 + n].to_vec()));
                }
            }
            ch => {
                for k in 0..code.count {
                    let at = start + k * code.size;
                    let field = &data[at..at + code.size];
                    out.push(unpack_one(vm, ch, f.order, field));
                }
            }
        }
    }
    vm.new_tuple(out)
}

fn unpack_one(vm: &Vm, ch: u8, order: Order, field: &[u8]) -> Value {
    let raw = get(field, order);
    let bits = field.len() * 8;
    match ch {
        b'c' => vm.new_bytes(vec![field[0]]),
        b'?' => Value::Bool(field[0] != 0),
        b'e' => Value::Float(f16_to_f64(raw as u16)),
        b'f' => Value::Float(f32::from_bits(raw as u32) as f64),
        b'd' => Value::Float(f64::from_bits(raw)),
        c if c.is_ascii_uppercase() => {
            if raw > i64::MAX as u64 {
                vm.new_bigint(BigInt::from(raw))
            } else {
                Value::Int(raw as i64)
            }
        }
        _ => {
            // Sign-extend the field.
            let shift = 64 - bits;
            Value::Int(((raw << shift) as i64) >> shift)
        }
    }
}

// ----- the functions and methods -----

/// A format and the arguments after it, for the module functions (which
/// take the format first) and the methods (whose self holds it).
fn format_of(vm: &mut Vm, v: &Value) -> PyResult<Format> {
    let (_, st) = types(vm)?;
    if pyrs_vm::vm::is_subtype(vm.type_of(v), &st) {
        let state = held(vm, v, &st).unwrap_or(Value::None);
        if let Some([fmt, _]) = state.as_tuple().map(|t| t.to_vec()).as_deref() {
            let b = format_bytes(vm, fmt)?;
            return parse_format(vm, &b);
        }
        return Err(vm.system_error("Struct has no format"));
    }
    let b = format_bytes(vm, v)?;
    parse_format(vm, &b)
}

fn do_pack(vm: &mut Vm, f: &Format, values: &[Value]) -> PyResult<Value> {
    if values.len() != f.nitems {
        return Err(struct_error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                f.nitems,
                values.len()
            ),
        ));
    }
    let mut out = vec![0u8; f.size];
    pack_values(vm, f, values, &mut out)?;
    Ok(vm.new_bytes(out))
}

/// The data of a bytes-like object (`y*`), or CPython's TypeError.
fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    pyrs_vm::types::bytes::bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn do_unpack(vm: &mut Vm, f: &Format, buf: &Value) -> PyResult<Value> {
    let data = buffer_arg(vm, buf)?;
    if data.len() != f.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    Ok(unpack_values(vm, f, &data))
}

fn offset_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(v) => {
            let i = to_index(vm, v)?;
            i.to_i64()
                .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
    }
}

fn do_unpack_from(vm: &mut Vm, f: &Format, buf: &Value, offset: i64) -> PyResult<Value> {
    let data = buffer_arg(vm, buf)?;
    let len = data.len() as i64;
    let mut offset = offset;
    if offset < 0 {
        if offset + len < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset += len;
    }
    let size = f.size as i64;
    if len - offset < size {
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    let o = offset as usize;
    Ok(unpack_values(vm, f, &data[o..o + f.size]))
}

fn do_pack_into(
    vm: &mut Vm,
    f: &Format,
    buf: &Value,
    offset: &Value,
    values: &[Value],
) -> PyResult<Value> {
    if values.len() != f.nitems {
        return Err(struct_error(
            vm,
            format!(
                "pack_into expected {} items for packing (got {})",
                f.nitems,
                values.len()
            ),
        ));
    }
    let Some(Payload::ByteArray(target)) = buf.payload() else {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        )));
    };
    let mut offset = offset_arg(vm, Some(offset))?;
    let len = target.get().len() as i64;
    let size = f.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(
                vm,
                format!("no space to pack {size} bytes at offset {offset}"),
            ));
        }
        if offset + len < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    let mut out = vec![0u8; f.size];
    pack_values(vm, f, values, &mut out)?;
    // Packing ran Python code (__index__, __bool__): check the size again.
    let t = target.get_mut();
    let o = offset as usize;
    if t.len() < o + out.len() {
        return Err(struct_error(vm, "buffer changed size during pack_into"));
    }
    t[o..o + out.len()].copy_from_slice(&out);
    Ok(Value::None)
}

fn do_iter_unpack(vm: &mut Vm, f: &Format, buf: &Value) -> PyResult<Value> {
    if f.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_arg(vm, buf)?;
    if data.len() % f.size != 0 {
        return Err(struct_error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    let items: Vec<Value> = data
        .chunks_exact(f.size)
        .map(|c| unpack_values(vm, f, c))
        .collect();
    let list = vm.new_list(items);
    vm.iter(&list)
}

fn struct_pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    let Some(fmt) = a.pos().first() else {
        return Err(vm.type_error("pack expected at least 1 argument, got 0"));
    };
    let f = format_of(vm, fmt)?;
    do_pack(vm, &f, &a.pos()[1..])
}

fn struct_pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("pack_into() takes no keyword arguments"));
    }
    let p = a.pos();
    if p.len() < 3 {
        return Err(vm.type_error(format!(
            "pack_into expected at least 3 arguments, got {}",
            p.len()
        )));
    }
    let f = format_of(vm, &p[0])?;
    do_pack_into(vm, &f, &p[1], &p[2], &p[3..])
}

fn struct_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "unpack", &fargs(&args), 2, 2)?;
    let f = format_of(vm, &a[0])?;
    do_unpack(vm, &f, &a[1])
}

fn struct_unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fmt, buffer, offset] = bind(
        vm,
        "unpack_from",
        &fargs(&args),
        ["format", "buffer", "offset"],
        2,
        1,
    )?;
    let f = format_of(vm, fmt.as_ref().unwrap_or(&Value::None))?;
    let offset = offset_arg(vm, offset.as_ref())?;
    do_unpack_from(vm, &f, buffer.as_ref().unwrap_or(&Value::None), offset)
}

fn struct_iter_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "iter_unpack", &fargs(&args), 2, 2)?;
    let f = format_of(vm, &a[0])?;
    do_iter_unpack(vm, &f, &a[1])
}

fn struct_calcsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "calcsize", &fargs(&args), 1, 1)?;
    let f = format_of(vm, &a[0])?;
    Ok(Value::Int(f.size as i64))
}

/// The format cache is not kept: there is nothing to clear.
fn struct_clearcache(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `Struct(format)`.
fn s_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args
        .args
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error("Struct.__new__(X): X is not a type object"));
    };
    let rest = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    let [fmt] = bind(vm, "Struct", &rest, ["format"], 1, 0)?;
    let fmt = fmt.unwrap_or(Value::None);
    let b = format_bytes(vm, &fmt)?;
    let f = parse_format(vm, &b)?;
    let text: String = b.iter().map(|&c| c as char).collect();
    let state = vm.new_tuple(vec![vm.new_str(text), Value::Int(f.size as i64)]);
    Ok(new_held(&cls, state))
}

fn s_pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(vm, &args.args[0])?;
    if args.has_kwargs() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    do_pack(vm, &f, &args.pos()[1..])
}

fn s_pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(vm, &args.args[0])?;
    let p = &args.pos()[1..];
    if p.len() < 2 {
        return Err(vm.type_error(format!(
            "pack_into expected buffer argument{}",
            if p.is_empty() { "" } else { " and offset" }
        )));
    }
    do_pack_into(vm, &f, &p[0], &p[1], &p[2..])
}

fn s_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(vm, &args.args[0])?;
    let a = pyrs_vm::types::args::pos(vm, "unpack", &args, 1, 1)?;
    do_unpack(vm, &f, &a[0])
}

fn s_unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(vm, &args.args[0])?;
    let [buffer, offset] = kw(vm, "unpack_from", &args, ["buffer", "offset"], 1, 0)?;
    let offset = offset_arg(vm, offset.as_ref())?;
    do_unpack_from(vm, &f, buffer.as_ref().unwrap_or(&Value::None), offset)
}

fn s_iter_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = format_of(vm, &args.args[0])?;
    let a = pyrs_vm::types::args::pos(vm, "iter_unpack", &args, 1, 1)?;
    do_iter_unpack(vm, &f, &a[0])
}

fn s_state(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let (_, st) = types(vm)?;
    if let Some(t) = held(vm, v, &st).as_ref().and_then(|s| s.as_tuple()) {
        return Ok(t.to_vec());
    }
    Err(vm.type_error(format!(
        "descriptor for '_struct.Struct' objects doesn't apply to a '{}' object",
        vm.type_name(v)
    )))
}

fn s_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(s_state(vm, &args.args[0])?
        .first()
        .cloned()
        .unwrap_or(Value::None))
}

fn s_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(s_state(vm, &args.args[0])?
        .get(1)
        .cloned()
        .unwrap_or(Value::None))
}
