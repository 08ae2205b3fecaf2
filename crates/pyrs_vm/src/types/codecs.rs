//! The builtin codecs behind `str.encode`, `bytes.decode` and `str(b, enc)`:
//! UTF-8, ASCII and Latin-1 with the `strict`, `ignore`, `replace`,
//! `backslashreplace` and `xmlcharrefreplace` error handlers, and CPython's
//! UnicodeError messages. Reference: Objects/unicodeobject.c, Python/codecs.c.

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16/32: code unit width, big-endian, and whether a BOM is
    /// written (and looked for) as by the plain `utf-16`/`utf-32` codecs.
    Wide {
        width: usize,
        big: bool,
        bom: bool,
    },
}

/// Normalise an encoding name as `encodings.normalize_encoding` plus the
/// alias table do for the codecs we know.
fn lookup(vm: &Vm, name: &str) -> PyResult<(Codec, &'static str)> {
    let n: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    Ok(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => (Codec::Utf8, "utf-8"),
        "ascii" | "us_ascii" | "646" | "us" => (Codec::Ascii, "ascii"),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" => (Codec::Latin1, "latin-1"),
        "utf_16" | "utf16" | "u16" => (
            Codec::Wide {
                width: 2,
                big: false,
                bom: true,
            },
            "utf-16",
        ),
        "utf_16_le" | "utf_16le" => (
            Codec::Wide {
                width: 2,
                big: false,
                bom: false,
            },
            "utf-16-le",
        ),
        "utf_16_be" | "utf_16be" => (
            Codec::Wide {
                width: 2,
                big: true,
                bom: false,
            },
            "utf-16-be",
        ),
        "utf_32" | "utf32" | "u32" => (
            Codec::Wide {
                width: 4,
                big: false,
                bom: true,
            },
            "utf-32",
        ),
        "utf_32_le" | "utf_32le" => (
            Codec::Wide {
                width: 4,
                big: false,
                bom: false,
            },
            "utf-32-le",
        ),
        "utf_32_be" | "utf_32be" => (
            Codec::Wide {
                width: 4,
                big: true,
                bom: false,
            },
            "utf-32-be",
        ),
        _ => {
            return Err(vm.new_error(
                &vm.types().exc.lookup_error,
                format!("unknown encoding: {name}"),
            ))
        }
    })
}

fn check_errors(vm: &Vm, errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace"
        | "surrogateescape" => Ok(()),
        _ => Err(vm.new_error(
            &vm.types().exc.lookup_error,
            format!("unknown error handler name '{errors}'"),
        )),
    }
}

/// `str.encode`: the builtin codecs, else the codec registry of `_codecs`
/// (Lib/encodings), as CPython's `PyUnicode_AsEncodedString` falls back
/// from its fast paths to `_PyCodec_EncodeText`.
pub fn encode_text(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if lookup(vm, encoding).is_ok() {
        return encode(vm, s, encoding, errors);
    }
    let r = registry_call(vm, "encode", vm.new_str(s), encoding, errors)?;
    match r.payload() {
        Some(crate::object::Payload::Bytes(b)) => Ok(b.to_vec()),
        _ => Err(vm.type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            vm.type_name(&r)
        ))),
    }
}

/// `bytes.decode`: the builtin codecs, else the codec registry.
pub fn decode_text(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    if lookup(vm, encoding).is_ok() {
        return decode(vm, b, encoding, errors);
    }
    let r = registry_call(vm, "decode", vm.new_bytes(b.to_vec()), encoding, errors)?;
    match r.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            vm.type_name(&r)
        ))),
    }
}

/// Look `encoding` up in the registry, refuse codecs that are not text
/// encodings (rot13, base64...), and call its encoder or decoder.
fn registry_call(
    vm: &mut Vm,
    which: &str,
    obj: Value,
    encoding: &str,
    errors: &str,
) -> PyResult<Value> {
    let unknown = |vm: &Vm| {
        vm.new_error(
            &vm.types().exc.lookup_error,
            format!("unknown encoding: {encoding}"),
        )
    };
    let Ok(codecs) = vm.import_absolute("_codecs") else {
        return Err(unknown(vm));
    };
    let lookup_f = vm.getattr_str(&codecs, "lookup")?;
    let ci = vm.call(&lookup_f, &[vm.new_str(encoding)])?;
    if let Ok(Some(t)) = vm.try_getattr(&ci, "_is_text_encoding") {
        if !vm.is_true(&t)? {
            return Err(vm.new_error(
                &vm.types().exc.lookup_error,
                format!(
                    "'{encoding}' is not a text encoding; use codecs.{which}() to handle arbitrary codecs"
                ),
            ));
        }
    }
    let idx = if which == "encode" { 0 } else { 1 };
    let f = ci
        .as_tuple()
        .and_then(|t| t.get(idx).cloned())
        .ok_or_else(|| unknown(vm))?;
    let r = vm.call(&f, &[obj, vm.new_str(errors)])?;
    match r.as_tuple() {
        Some([v, _]) => Ok(v.clone()),
        _ => Err(vm.type_error(if idx == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// `str.encode(encoding, errors)` with the builtin codecs only.
pub fn encode(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let (codec, name) = lookup(vm, encoding)?;
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    if let Codec::Wide { width, big, bom } = codec {
        let mut out = Vec::with_capacity(s.len() * width + 4);
        let unit = |u: u32, out: &mut Vec<u8>| {
            if width == 2 {
                let b = (u as u16).to_le_bytes();
                out.extend(if big { [b[1], b[0]] } else { b });
            } else {
                let b = u.to_le_bytes();
                out.extend(if big { [b[3], b[2], b[1], b[0]] } else { b });
            }
        };
        if bom {
            unit(0xfeff, &mut out);
        }
        for c in s.chars() {
            if width == 2 {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    unit(*u as u32, &mut out);
                }
            } else {
                unit(c as u32, &mut out);
            }
        }
        return Ok(out);
    }
    check_errors(vm, errors)?;
    let limit: u32 = if codec == Codec::Ascii { 0x80 } else { 0x100 };
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let n = c as u32;
        if n < limit {
            out.push(n as u8);
            i += 1;
            continue;
        }
        // A run of unencodable characters is reported as one error.
        let mut j = i + 1;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" | "surrogateescape" => {
                let _ = c;
                return Err(encode_error(
                    vm,
                    name,
                    s,
                    i,
                    j,
                    &format!("ordinal not in range({limit})"),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(crate::builtins::ascii_escape(&c.to_string()).as_bytes());
                }
            }
            _ => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = j;
    }
    Ok(out)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let (codec, name) = lookup(vm, encoding)?;
    match codec {
        Codec::Wide { width, big, bom } => decode_wide(vm, b, width, big, bom, name, errors),
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            check_errors(vm, errors)?;
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(decode_error(
                            vm,
                            name,
                            b,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    _ => out.push_str(&format!("\\x{x:02x}")),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(s.to_string());
            }
            check_errors(vm, errors)?;
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut pos = 0usize;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // `from_utf8` just said these bytes are valid.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        let start = pos + good;
                        if errors == "strict" {
                            let reason = match e.error_len() {
                                None => "unexpected end of data",
                                Some(_) if rest[good] >= 0x80 && rest[good] < 0xc2 => {
                                    "invalid start byte"
                                }
                                Some(_) if rest[good] > 0xf4 => "invalid start byte",
                                Some(_) => "invalid continuation byte",
                            };
                            let end = if e.error_len().is_some() {
                                start + 1
                            } else {
                                start + bad
                            };
                            return Err(decode_error(vm, name, b, start, end, reason));
                        }
                        match errors {
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            _ => {
                                for x in &rest[good..good + bad] {
                                    out.push_str(&format!("\\x{x:02x}"));
                                }
                            }
                        }
                        rest = &rest[good + bad..];
                        pos += good + bad;
                    }
                }
            }
        }
    }
}

/// UTF-16/UTF-32 decoding; the BOM-detecting codecs default to little-endian.
fn decode_wide(
    vm: &Vm,
    b: &[u8],
    width: usize,
    mut big: bool,
    bom: bool,
    name: &str,
    errors: &str,
) -> PyResult<String> {
    check_errors(vm, errors)?;
    let mut data = b;
    if bom && data.len() >= width {
        let le_bom: &[u8] = if width == 2 {
            &[0xff, 0xfe]
        } else {
            &[0xff, 0xfe, 0, 0]
        };
        let be_bom: &[u8] = if width == 2 {
            &[0xfe, 0xff]
        } else {
            &[0, 0, 0xfe, 0xff]
        };
        if &data[..width] == le_bom {
            data = &data[width..];
        } else if &data[..width] == be_bom {
            big = true;
            data = &data[width..];
        }
    }
    let offset = b.len() - data.len();
    let fail = |pos: usize, end: usize, reason: &str| decode_error(vm, name, b, pos, end, reason);
    let unit_at = |i: usize| -> u32 {
        let u = &data[i..i + width];
        if width == 2 {
            let v = [u[0], u[1]];
            (if big {
                u16::from_be_bytes(v)
            } else {
                u16::from_le_bytes(v)
            }) as u32
        } else {
            let v = [u[0], u[1], u[2], u[3]];
            if big {
                u32::from_be_bytes(v)
            } else {
                u32::from_le_bytes(v)
            }
        }
    };
    let mut out = String::with_capacity(data.len() / width);
    let mut i = 0;
    let bad = |out: &mut String, pos: usize, end: usize, reason: &str| -> PyResult<()> {
        match errors {
            "strict" => Err(fail(offset + pos, offset + end, reason)),
            "ignore" => Ok(()),
            "replace" => {
                out.push('\u{fffd}');
                Ok(())
            }
            _ => {
                for x in &data[pos..end] {
                    out.push_str(&format!("\\x{x:02x}"));
                }
                Ok(())
            }
        }
    };
    while i < data.len() {
        if i + width > data.len() {
            bad(&mut out, i, data.len(), "truncated data")?;
            break;
        }
        let u = unit_at(i);
        if width == 2 && (0xd800..0xdc00).contains(&u) {
            if i + 4 > data.len() {
                bad(&mut out, i, data.len(), "unexpected end of data")?;
                break;
            }
            let lo = unit_at(i + 2);
            if (0xdc00..0xe000).contains(&lo) {
                let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                i += 4;
                continue;
            }
            bad(&mut out, i, i + 2, "illegal UTF-16 surrogate")?;
            i += 2;
            continue;
        }
        match char::from_u32(u) {
            Some(c) => out.push(c),
            None => bad(
                &mut out,
                i,
                i + width,
                if width == 2 {
                    "illegal encoding"
                } else {
                    "code point not in range(0x110000)"
                },
            )?,
        }
        i += width;
    }
    Ok(out)
}

/// A UnicodeDecodeError with CPython's arguments
/// `(encoding, object, start, end, reason)`; `str()` makes the message.
pub fn decode_error(
    vm: &Vm,
    name: &str,
    obj: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::error::PyErr {
    crate::error::PyErr(crate::objects::exception::unicode_error(
        vm,
        &vm.types().exc.unicode_decode_error,
        [
            vm.new_str(name),
            vm.new_bytes(obj.to_vec()),
            Value::Int(start as i64),
            Value::Int(end as i64),
            vm.new_str(reason),
        ],
    ))
}

/// A UnicodeEncodeError with CPython's arguments.
pub fn encode_error(
    vm: &Vm,
    name: &str,
    obj: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::error::PyErr {
    crate::error::PyErr(crate::objects::exception::unicode_error(
        vm,
        &vm.types().exc.unicode_encode_error,
        [
            vm.new_str(name),
            vm.new_str(obj),
            Value::Int(start as i64),
            Value::Int(end as i64),
            vm.new_str(reason),
        ],
    ))
}
