//! Character classes and case mappings of `_sre` (Modules/_sre/sre.c
//! `sre_category`, `sre_lower_*`, `sre_upper_*`): ASCII, the C locale (which
//! pyrs treats as ASCII, as CPython's C.UTF-8 locale does for these tests),
//! and Unicode: `\w` and `\d` from CPython's tables (`tables.rs`), case
//! mappings and spaces from Rust's.

/// The CHCODES of Lib/re/_constants.py, in order.
mod ch {
    pub const DIGIT: u32 = 0;
    pub const NOT_DIGIT: u32 = 1;
    pub const SPACE: u32 = 2;
    pub const NOT_SPACE: u32 = 3;
    pub const WORD: u32 = 4;
    pub const NOT_WORD: u32 = 5;
    pub const LINEBREAK: u32 = 6;
    pub const NOT_LINEBREAK: u32 = 7;
    pub const LOC_WORD: u32 = 8;
    pub const LOC_NOT_WORD: u32 = 9;
    pub const UNI_DIGIT: u32 = 10;
    pub const UNI_NOT_DIGIT: u32 = 11;
    pub const UNI_SPACE: u32 = 12;
    pub const UNI_NOT_SPACE: u32 = 13;
    pub const UNI_WORD: u32 = 14;
    pub const UNI_NOT_WORD: u32 = 15;
    pub const UNI_LINEBREAK: u32 = 16;
    pub const UNI_NOT_LINEBREAK: u32 = 17;
}

fn as_char(c: u32) -> Option<char> {
    char::from_u32(c)
}

fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

pub fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

/// Whether `c` is in a table of sorted, disjoint ranges.
fn in_table(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `Py_UNICODE_ISALNUM(c) || c == '_'`, by CPython's Unicode version.
pub fn is_uni_word(c: u32) -> bool {
    if c < 128 {
        return is_ascii_word(c);
    }
    in_table(super::tables::ALNUM, c)
}

/// `Py_UNICODE_ISDECIMAL`.
fn is_uni_digit(c: u32) -> bool {
    in_table(super::tables::DECIMAL, c)
}

/// `Py_UNICODE_ISSPACE`.
fn is_uni_space(c: u32) -> bool {
    as_char(c).is_some_and(pyrs_vm::types::str_methods::is_space)
}

/// `Py_UNICODE_ISLINEBREAK`.
fn is_uni_linebreak(c: u32) -> bool {
    matches!(
        c,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// `sre_category`: None for a code that is not a category.
pub fn category(code: u32, c: u32) -> Option<bool> {
    Some(match code {
        ch::DIGIT => is_ascii_digit(c),
        ch::NOT_DIGIT => !is_ascii_digit(c),
        ch::SPACE => is_ascii_space(c),
        ch::NOT_SPACE => !is_ascii_space(c),
        ch::WORD | ch::LOC_WORD => is_ascii_word(c),
        ch::NOT_WORD | ch::LOC_NOT_WORD => !is_ascii_word(c),
        ch::LINEBREAK => c == 10,
        ch::NOT_LINEBREAK => c != 10,
        ch::UNI_DIGIT => is_uni_digit(c),
        ch::UNI_NOT_DIGIT => !is_uni_digit(c),
        ch::UNI_SPACE => is_uni_space(c),
        ch::UNI_NOT_SPACE => !is_uni_space(c),
        ch::UNI_WORD => is_uni_word(c),
        ch::UNI_NOT_WORD => !is_uni_word(c),
        ch::UNI_LINEBREAK => is_uni_linebreak(c),
        ch::UNI_NOT_LINEBREAK => !is_uni_linebreak(c),
        _ => return None,
    })
}

pub fn lower_ascii(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

fn upper_ascii(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}

pub fn lower_locale(c: u32) -> u32 {
    lower_ascii(c)
}

pub fn upper_locale(c: u32) -> u32 {
    upper_ascii(c)
}

/// `Py_UNICODE_TOLOWER`. Where Unicode's full mapping has several code
/// points CPython returns the first of them (its extended-case table), as
/// here; U+0130 lowercases to 'i'.
pub fn lower_unicode(c: u32) -> u32 {
    if c < 128 {
        return lower_ascii(c);
    }
    match as_char(c).and_then(|ch| ch.to_lowercase().next()) {
        Some(l) => l as u32,
        None => c,
    }
}

/// `Py_UNICODE_TOUPPER`: likewise the first code point of the full
/// mapping ('ß' gives 'S').
pub fn upper_unicode(c: u32) -> u32 {
    if c < 128 {
        return upper_ascii(c);
    }
    match as_char(c).and_then(|ch| ch.to_uppercase().next()) {
        Some(u) => u as u32,
        None => c,
    }
}

pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

pub fn unicode_iscased(c: u32) -> bool {
    c != lower_unicode(c) || c != upper_unicode(c)
}
