//! The builtin codecs behind `str.encode`, `bytes.decode` and `str(b, enc)`:
//! UTF-8, ASCII and Latin-1 with the `strict`, `ignore`, `replace`,
//! `backslashreplace` and `xmlcharrefreplace` error handlers, and CPython's
//! UnicodeError messages. Reference: Objects/unicodeobject.c, Python/codecs.c.

use crate::error::PyResult;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
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

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let (codec, name) = lookup(vm, encoding)?;
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
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
                let what = if j - i == 1 {
                    format!(
                        "character '{}' in position {i}",
                        crate::builtins::ascii_escape(&c.to_string())
                    )
                } else {
                    format!("characters in position {i}-{}", j - 1)
                };
                return Err(vm.new_error(
                    &vm.types().exc.unicode_encode_error,
                    format!("'{name}' codec can't encode {what}: ordinal not in range({limit})"),
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
                        return Err(vm.new_error(
                            &vm.types().exc.unicode_decode_error,
                            format!(
                                "'{name}' codec can't decode byte 0x{x:02x} in position {i}: ordinal not in range(128)"
                            ),
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
                            let what = if bad == 1 || e.error_len().is_some() {
                                format!("byte 0x{:02x} in position {start}", rest[good])
                            } else {
                                format!("bytes in position {start}-{}", start + bad - 1)
                            };
                            return Err(vm.new_error(
                                &vm.types().exc.unicode_decode_error,
                                format!("'{name}' codec can't decode {what}: {reason}"),
                            ));
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
