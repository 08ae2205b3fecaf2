//! Source bytes to text, as CPython's tokenizer decodes a file or a bytes
//! source (PEP 263; Parser/tokenizer.c `check_bom`, `check_coding_spec`,
//! `get_normal_name`): a UTF-8 BOM, or a `coding[:=]` comment on the first or
//! second line, else UTF-8. UTF-8, Latin-1, ASCII and Windows-1252 are
//! decoded here; other codecs are reported as unsupported.

use crate::{SyntaxErrorInfo, SyntaxErrorKind};

const BOM: &[u8] = b"\xef\xbb\xbf";

/// Windows-1252 bytes 0x80-0x9F (the rest is Latin-1); 0 marks the five
/// bytes Python's strict `cp1252` codec refuses.
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
    0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/// Codecs Python has that are not decoded here: a source declaring one is
/// refused as unsupported rather than as an unknown encoding.
const KNOWN_CODECS: &[&str] = &[
    "cp1252",
    "windows-1252",
    "cp1251",
    "windows-1251",
    "cp1250",
    "koi8-r",
    "koi8-u",
    "iso-8859-2",
    "iso-8859-3",
    "iso-8859-4",
    "iso-8859-5",
    "iso-8859-6",
    "iso-8859-7",
    "iso-8859-8",
    "iso-8859-9",
    "iso-8859-10",
    "iso-8859-13",
    "iso-8859-14",
    "iso-8859-15",
    "iso-8859-16",
    "latin-2",
    "latin2",
    "cp437",
    "cp850",
    "cp866",
    "mac-roman",
    "macroman",
    "euc-jp",
    "shift-jis",
    "sjis",
    "cp932",
    "euc-kr",
    "cp949",
    "gbk",
    "gb2312",
    "gb18030",
    "big5",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
    "utf-7",
    "utf-8-sig",
    "cp1255",
    "cp1256",
    "tis-620",
    "hz",
];

/// `get_normal_name`: CPython's spelling of the common encodings.
fn normal_name(name: &str) -> String {
    let lower: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"]
        .iter()
        .any(|n| lower == *n || lower.starts_with(&format!("{n}-")))
    {
        "iso-8859-1".into()
    } else {
        name.to_string()
    }
}

/// The encoding a `# -*- coding: NAME -*-` line declares.
fn coding_spec(line: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(line).ok()?;
    let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
    let comment = trimmed.strip_prefix('#')?;
    let at = comment.find("coding")?;
    let rest = &comment[at + "coding".len()..];
    let rest = rest.strip_prefix([':', '='])?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (!name.is_empty()).then(|| normal_name(&name))
}

/// Whether a line holds only whitespace and maybe a comment, so that the
/// next line may still carry the coding declaration.
fn blank_or_comment(line: &[u8]) -> bool {
    let t: Vec<u8> = line
        .iter()
        .copied()
        .skip_while(|c| matches!(c, b' ' | b'\t' | b'\x0c'))
        .collect();
    t.is_empty() || t[0] == b'#' || t[0] == b'\n' || t[0] == b'\r'
}

fn error(filename: &str, lineno: u32, msg: String) -> SyntaxErrorInfo {
    SyntaxErrorInfo {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno,
        offset: 0,
        end_lineno: lineno,
        end_offset: 0,
        text: None,
    }
}

/// Decodes a source file's bytes per PEP 263.
pub fn decode_source(data: &[u8], filename: &str) -> Result<String, SyntaxErrorInfo> {
    let (body, has_bom) = match data.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (data, false),
    };
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next().unwrap_or(&[]);
    let mut spec = coding_spec(first).map(|n| (n, 1));
    if spec.is_none() && blank_or_comment(first) {
        spec = lines.next().and_then(coding_spec).map(|n| (n, 2));
    }
    let (encoding, _line) = spec.unwrap_or(("utf-8".into(), 1));
    if has_bom && encoding != "utf-8" {
        // Declaration problems are reported on line 0, as CPython does.
        return Err(error(
            filename,
            0,
            format!("encoding problem: {encoding} with BOM"),
        ));
    }
    // Python's codec registry aliases for the three codecs decoded here.
    let codec = encoding.to_ascii_lowercase().replace('_', "-");
    let codec = match codec.as_str() {
        "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "latin1" | "latin" | "l1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => "iso-8859-1",
        "us-ascii" | "646" | "us" => "ascii",
        other => other,
    }
    .to_string();
    match codec.as_str() {
        "utf-8" => String::from_utf8(body.to_vec()).map_err(|e| {
            // CPython decodes line by line: the position is within the line.
            let pos = e.utf8_error().valid_up_to();
            let byte = body.get(pos).copied().unwrap_or(0);
            let lineno = body[..pos].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = body[..pos]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let why = match e.utf8_error().error_len() {
                None => "unexpected end of data",
                Some(_) if (0x80..0xc2).contains(&byte) || byte >= 0xf5 => "invalid start byte",
                Some(_) => "invalid continuation byte",
            };
            error(
                filename,
                lineno,
                format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {}: {why}",
                    pos - line_start
                ),
            )
        }),
        "iso-8859-1" => Ok(body.iter().map(|&b| b as char).collect()),
        "cp1252" | "windows-1252" => {
            let mut out = String::with_capacity(body.len());
            for (pos, &b) in body.iter().enumerate() {
                let c = match b {
                    0x80..=0x9f => char::from_u32(CP1252_HIGH[(b - 0x80) as usize] as u32)
                        .filter(|&c| c != '\0'),
                    _ => Some(b as char),
                };
                let Some(c) = c else {
                    let lineno = body[..pos].iter().filter(|&&x| x == b'\n').count() as u32 + 1;
                    return Err(error(
                        filename,
                        lineno,
                        format!(
                            "(unicode error) 'charmap' codec can't decode byte 0x{b:02x} in position {pos}: character maps to <undefined>"
                        ),
                    ));
                };
                out.push(c);
            }
            Ok(out)
        }
        "ascii" => match body.iter().position(|&b| b >= 0x80) {
            None => Ok(body.iter().map(|&b| b as char).collect()),
            Some(pos) => Err(error(
                filename,
                1,
                format!(
                    "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
                    body[pos]
                ),
            )),
        },
        other if KNOWN_CODECS.contains(&other) => Err(error(
            filename,
            0,
            format!("pyrs: source encoding '{other}' is not supported yet"),
        )),
        _ => Err(error(filename, 0, format!("unknown encoding: {encoding}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::decode_source;

    #[test]
    fn cookies_and_boms() {
        assert_eq!(decode_source(b"x = 1\n", "f").unwrap(), "x = 1\n");
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
        );
        assert_eq!(
            decode_source(
                b"#!/usr/bin/env python\n# vim: set fileencoding=iso_8859_1 :\ns='\xff'",
                "f"
            )
            .unwrap()
            .chars()
            .last(),
            Some('\'')
        );
        assert_eq!(
            decode_source(b"\xef\xbb\xbfx = 1\n", "f").unwrap(),
            "x = 1\n"
        );
        assert_eq!(
            decode_source(b"\xef\xbb\xbf# coding: latin-1\n", "f")
                .unwrap_err()
                .msg,
            "encoding problem: iso-8859-1 with BOM"
        );
        // A cookie on line 2 counts only after a comment or blank line 1.
        assert!(decode_source(b"x = 1\n# coding: latin-1\ny = '\xe9'\n", "f").is_err());
    }
}
