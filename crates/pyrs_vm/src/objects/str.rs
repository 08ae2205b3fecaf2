//! The `str` payload: UTF-8 text with its length in code points cached, so that
//! `len()` is O(1) and ASCII strings index in O(1). Reference: Objects/unicodeobject.c.

use std::cell::Cell;

pub struct PyStr {
    s: Box<str>,
    /// Length in code points.
    char_len: usize,
    /// The cached hash; `-1` until computed (CPython's convention).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s: Box<str> = s.into();
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            char_len,
            hash: Cell::new(-1),
        }
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// The byte range of code points `start..end` (both within 0..=char_len).
    pub fn byte_range(&self, start: usize, end: usize) -> (usize, usize) {
        if self.is_ascii() {
            return (start, end);
        }
        let mut it = self
            .s
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(self.s.len()));
        let b0 = it.by_ref().nth(start).unwrap_or(self.s.len());
        let b1 = if end > start {
            it.nth(end - start - 1).unwrap_or(self.s.len())
        } else {
            b0
        };
        (b0, b1)
    }
}

/// `hash()` of a str: depends only on the text, so a `&str` key hashes like the
/// `str` object it stands for (SipHash-1-3 as CPython; see `types::hash`).
pub fn str_hash(s: &str) -> i64 {
    crate::types::hash::hash_str(s)
}

/// `repr()` of a str, with CPython's choice of quotes and escapes.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one character, approximated by Unicode's general
/// categories that CPython treats as non-printable (Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs
/// other than the ASCII space).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x7f {
        return n >= 0x20;
    }
    if n < 0xa1 {
        return false; // DEL, C1 controls, NBSP (Zs)
    }
    !matches!(n,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x1680
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f
        | 0x3000 | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0xfffe | 0xffff
        | 0x1fffe | 0x1ffff | 0xfdd0..=0xfdef
        | 0xe0000..=0xe0fff | 0xf0000..=0x10ffff)
}
