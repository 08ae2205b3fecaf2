//! `binascii` (Modules/binascii.c): conversions between binary data and
//! ASCII encodings (base64, hex, quoted-printable, uuencode) and the CRC-32
//! and CRC-CCITT checksums, for Lib/base64.py, quopri, uu and zipfile, with
//! CPython's lenient and strict decoding rules and its messages.

use crate::args::{fargs, to_index};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::protocol::dict_set_str_raw;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};
use std::cell::RefCell;

thread_local! {
    /// `binascii.Error` and `binascii.Incomplete`.
    static ERRORS: RefCell<Option<(ObjRef, ObjRef)>> = const { RefCell::new(None) };
}

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("a2b_uu", a2b_uu),
    MethodDef::method("b2a_uu", b2a_uu),
    MethodDef::method("a2b_base64", a2b_base64),
    MethodDef::method("b2a_base64", b2a_base64),
    MethodDef::method("a2b_qp", a2b_qp),
    MethodDef::method("b2a_qp", b2a_qp),
    MethodDef::method("a2b_hex", a2b_hex),
    MethodDef::method("unhexlify", unhexlify),
    MethodDef::method("b2a_hex", b2a_hex),
    MethodDef::method("hexlify", hexlify),
    MethodDef::method("crc32", crc32),
    MethodDef::method("crc_hqx", crc_hqx),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let (error, incomplete) = errors(vm)?;
    add_functions(vm, module, FUNCTIONS);
    set_attr(vm, module, "Error", Value::Obj(error));
    set_attr(vm, module, "Incomplete", Value::Obj(incomplete));
    Ok(())
}

/// A heap exception class `binascii.<name>(base)`, as PyErr_NewException.
fn new_exception_class(vm: &mut Vm, name: &str, base: &ObjRef) -> PyResult<ObjRef> {
    let t = vm.types();
    let ns = vm.new_dict();
    dict_set_str_raw(t, &ns, "__module__", vm.new_str("binascii"));
    let bases = vm.new_tuple(vec![Value::Obj(base.clone())]);
    match vm.call(
        &Value::Obj(t.type_.clone()),
        &[vm.new_str(name), bases, Value::Obj(ns)],
    )? {
        Value::Obj(o) => Ok(o),
        _ => Err(vm.system_error("cannot make a binascii exception")),
    }
}

fn errors(vm: &mut Vm) -> PyResult<(ObjRef, ObjRef)> {
    if let Some(e) = ERRORS.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let t = vm.types();
    let error = new_exception_class(vm, "Error", &t.exc.value_error)?;
    let incomplete = new_exception_class(vm, "Incomplete", &t.exc.exception)?;
    ERRORS.with(|e| *e.borrow_mut() = Some((error.clone(), incomplete.clone())));
    Ok((error, incomplete))
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match errors(vm) {
        Ok((e, _)) => vm.new_error(&e, msg),
        Err(e) => e,
    }
}

/// A binary argument (`Py_buffer`): any bytes-like object.
fn binary(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    pyrs_vm::types::bytes::bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// An ASCII argument (`ascii_buffer_converter`): bytes-like, or a str of
/// ASCII characters only.
fn ascii(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    pyrs_vm::types::bytes::bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn flag(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.is_true(v),
    }
}

// ----- uuencode -----

fn a2b_uu(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "a2b_uu", &fargs(&args), 1, 1)?;
    let data = ascii(vm, &a[0])?;
    // An empty line reads as a NUL length character, as CPython's does.
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut rest = data.get(1..).unwrap_or(&[]).iter().copied();
    let mut out = Vec::with_capacity(bin_len);
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let ch = match rest.next() {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(vm, "Illegal char"));
                }
                (c - b' ') & 0o77
            }
        };
        leftchar = (leftchar << 6) | ch as u32;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    for c in rest {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r') {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(vm.new_bytes(out))
}

fn b2a_uu(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data, backtick] = bind(vm, "b2a_uu", &fargs(&args), ["data", "backtick"], 1, 1)?;
    let data = binary(vm, data.as_ref().unwrap_or(&Value::None))?;
    let backtick = flag(vm, &backtick, false)?;
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |c: u32| {
        if backtick && c == 0 {
            b'`'
        } else {
            b' ' + c as u8
        }
    };
    let mut out = vec![enc(data.len() as u32)];
    for chunk in data.chunks(3) {
        let mut b = [0u8; 3];
        b[..chunk.len()].copy_from_slice(chunk);
        let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for shift in [18, 12, 6, 0] {
            out.push(enc((v >> shift) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(vm.new_bytes(out))
}

// ----- base64 -----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn a2b_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data, strict] = bind(
        vm,
        "a2b_base64",
        &fargs(&args),
        ["data", "strict_mode"],
        1,
        1,
    )?;
    let data = ascii(vm, data.as_ref().unwrap_or(&Value::None))?;
    let strict = flag(vm, &strict, false)?;
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad_pos, mut leftchar, mut pads) = (0u32, 0u32, 0u32);
    let mut padding_started = false;
    let mut done = false;
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    // A full pad sequence ends the data.
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    done = true;
                    break;
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        let v = v as u32;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push(((leftchar << 2) | (v >> 4)) as u8);
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(((leftchar << 4) | (v >> 2)) as u8);
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(((leftchar << 6) | v) as u8);
                leftchar = 0;
            }
        }
    }
    if !done && quad_pos != 0 {
        if quad_pos == 1 {
            let n = data.iter().filter(|&&c| b64_value(c).is_some()).count();
            return Err(error(
                vm,
                &format!(
                    "Invalid base64-encoded string: number of data characters ({n}) cannot be 1 more than a multiple of 4"
                ),
            ));
        }
        return Err(error(vm, "Incorrect padding"));
    }
    Ok(vm.new_bytes(out))
}

fn b2a_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data, newline] = bind(vm, "b2a_base64", &fargs(&args), ["data", "newline"], 1, 1)?;
    let data = binary(vm, data.as_ref().unwrap_or(&Value::None))?;
    let newline = flag(vm, &newline, true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let mut b = [0u8; 3];
        b[..chunk.len()].copy_from_slice(chunk);
        let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let n = chunk.len() + 1;
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            out.push(if k < n {
                B64[((v >> shift) & 0x3f) as usize]
            } else {
                b'='
            });
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

// ----- hex -----

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn unhex(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let a = crate::args::check(vm, name, &fargs(args), 1, 1)?;
    let data = ascii(vm, &a[0])?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out))
}

fn a2b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unhex(vm, &args, "a2b_hex")
}

fn unhexlify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unhex(vm, &args, "unhexlify")
}

/// `_Py_strhex_impl`: hex digits, with `sep` every `bytes_per_sep` bytes
/// counted from the right (from the left when negative).
fn hex(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let [data, sep, per] = bind(
        vm,
        name,
        &fargs(args),
        ["data", "sep", "bytes_per_sep"],
        1,
        0,
    )?;
    let data = binary(vm, data.as_ref().unwrap_or(&Value::None))?;
    let sep = match &sep {
        None => None,
        Some(s) => {
            let b: Vec<u8> = match s.as_str() {
                Some(t) => t.as_bytes().to_vec(),
                None => match pyrs_vm::types::bytes::bytes_like(s) {
                    Some(b) => b,
                    None => {
                        // len() of the object decides the message, as CPython's.
                        vm.len(s)?;
                        return Err(vm.type_error("sep must be str or bytes."));
                    }
                },
            };
            let n = s.as_str().map_or(b.len(), |t| t.chars().count());
            if n != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !b[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(b[0])
        }
    };
    let per: i64 = match &per {
        None => 1,
        Some(v) => to_index(vm, v)?.to_i64().unwrap_or(i64::MAX),
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, group > 0 && i > 0) {
            // Groups are counted from the end unless bytes_per_sep < 0.
            let boundary = if per > 0 {
                (data.len() - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    Ok(vm.new_bytes(out))
}

fn b2a_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hex(vm, &args, "b2a_hex")
}

fn hexlify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hex(vm, &args, "hexlify")
}

// ----- quoted-printable -----

fn a2b_qp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data, header] = bind(vm, "a2b_qp", &fargs(&args), ["data", "header"], 1, 0)?;
    let data = ascii(vm, data.as_ref().unwrap_or(&Value::None))?;
    let header = flag(vm, &header, false)?;
    let mut out = Vec::with_capacity(data.len());
    let n = data.len();
    let mut i = 0;
    while i < n {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            if data[i] == b'\n' || data[i] == b'\r' {
                // A soft line break.
                if data[i] != b'\n' {
                    while i < n && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < n {
                    i += 1;
                }
            } else if data[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) = (
                hex_value(data[i]),
                data.get(i + 1).copied().and_then(hex_value),
            ) {
                out.push(h << 4 | l);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
}

fn b2a_qp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data, quotetabs, istext, header] = bind(
        vm,
        "b2a_qp",
        &fargs(&args),
        ["data", "quotetabs", "istext", "header"],
        1,
        0,
    )?;
    let data = binary(vm, data.as_ref().unwrap_or(&Value::None))?;
    let quotetabs = flag(vm, &quotetabs, false)?;
    let istext = flag(vm, &istext, true)?;
    let header = flag(vm, &header, false)?;
    const MAXLINESIZE: usize = 76;
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // The line ending of the output follows the input's first one.
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let n = data.len();
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut linelen = 0usize;
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let must_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if must_quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.extend_from_slice(&[b'=', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is quoted.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.extend_from_slice(&[
                        b'=',
                        HEX[(last >> 4) as usize],
                        HEX[(last & 15) as usize],
                    ]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
}

// ----- checksums -----

/// The low 32 (or 16) bits of an int argument, as CPython's unsigned
/// conversions without overflow checking take them.
fn low_bits(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    let i: BigInt = to_index(vm, v)?;
    let m = i & BigInt::from(u64::MAX);
    Ok(m.to_u64().unwrap_or(0))
}

fn crc32_table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    })
}

fn crc32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "crc32", &fargs(&args), 1, 2)?;
    let data = binary(vm, &a[0])?;
    let init = match a.get(1) {
        Some(v) => low_bits(vm, v)? as u32,
        None => 0,
    };
    let table = crc32_table();
    let mut crc = !init;
    for &b in &data {
        crc = table[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    Ok(Value::Int((!crc) as i64))
}

fn crc_hqx(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "crc_hqx", &fargs(&args), 2, 2)?;
    let data = binary(vm, &a[0])?;
    let mut crc = (low_bits(vm, &a[1])? & 0xffff) as u16;
    for &b in &data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    Ok(Value::Int(crc as i64))
}
