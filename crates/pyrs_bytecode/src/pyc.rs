//! The .pyc file: the PEP 552 header (magic number, flags, then either the
//! source's mtime and size or a hash of the source) followed by a marshalled
//! code object. Reference: `_classify_pyc`, `_code_to_timestamp_pyc` and
//! `_code_to_hash_pyc` in Lib/importlib/_bootstrap_external.py, and
//! `_imp.source_hash` (Python/import.c, Python/pyhash.c) for the hash.

use crate::code::CodeObject;
use crate::marshal;
use std::fmt;

/// 3.11's magic number 3495, then `\r\n` (`importlib.util.MAGIC_NUMBER`).
pub const MAGIC_NUMBER: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];

/// The magic number read as a little-endian integer (`_RAW_MAGIC_NUMBER`): the
/// key of `source_hash`, so that hashes change with the bytecode version.
pub const RAW_MAGIC_NUMBER: u32 = u32::from_le_bytes(MAGIC_NUMBER);

/// Bytes before the marshalled code object.
pub const HEADER_SIZE: usize = 16;

/// Flag bit 0: the header holds a source hash rather than a timestamp.
pub const FLAG_HASH_BASED: u32 = 0b01;
/// Flag bit 1: a hash-based pyc whose hash the importer checks.
pub const FLAG_CHECK_SOURCE: u32 = 0b10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PycKind {
    /// Valid while the source keeps this mtime (seconds, truncated to 32 bits) and
    /// size (bytes, truncated to 32 bits).
    Timestamp { mtime: u32, source_size: u32 },
    /// Valid while the source has this `source_hash`; an unchecked one is trusted.
    Hash { checked: bool, hash: [u8; 8] },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    /// The flags word as stored; its low two bits always agree with `kind`.
    pub flags: u32,
    pub kind: PycKind,
}

impl PycHeader {
    pub fn timestamp(mtime: u32, source_size: u32) -> Self {
        PycHeader {
            flags: 0,
            kind: PycKind::Timestamp { mtime, source_size },
        }
    }

    pub fn hash(checked: bool, hash: [u8; 8]) -> Self {
        let flags = FLAG_HASH_BASED | if checked { FLAG_CHECK_SOURCE } else { 0 };
        PycHeader {
            flags,
            kind: PycKind::Hash { checked, hash },
        }
    }

    /// The 16 header bytes.
    pub fn to_bytes(&self) -> [u8; HEADER_SIZE] {
        let mut out = [0u8; HEADER_SIZE];
        out[..4].copy_from_slice(&MAGIC_NUMBER);
        let (bits, tail) = match self.kind {
            PycKind::Timestamp { mtime, source_size } => {
                let mut t = [0u8; 8];
                t[..4].copy_from_slice(&mtime.to_le_bytes());
                t[4..].copy_from_slice(&source_size.to_le_bytes());
                (0, t)
            }
            PycKind::Hash { checked, hash } => (
                FLAG_HASH_BASED | if checked { FLAG_CHECK_SOURCE } else { 0 },
                hash,
            ),
        };
        let flags = (self.flags & !(FLAG_HASH_BASED | FLAG_CHECK_SOURCE)) | bits;
        out[4..8].copy_from_slice(&flags.to_le_bytes());
        out[8..].copy_from_slice(&tail);
        out
    }
}

/// Why a .pyc header was rejected; the importer turns these into CPython's
/// `ImportError` / `EOFError` messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    /// `ImportError: bad magic number in {name!r}: {magic!r}`; holds the bytes
    /// found (fewer than 4 if the file is that short).
    BadMagic(Vec<u8>),
    /// `EOFError: reached EOF while reading pyc header of {name!r}`.
    Truncated,
    /// `ImportError: invalid flags {flags!r} in {name!r}`: bits other than the
    /// two PEP 552 defines are set.
    InvalidFlags(u32),
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PycError::BadMagic(m) => write!(f, "bad magic number: {m:?}"),
            PycError::Truncated => write!(f, "reached EOF while reading pyc header"),
            PycError::InvalidFlags(flags) => write!(f, "invalid flags {flags}"),
        }
    }
}

impl std::error::Error for PycError {}

/// Parses the header, checking it in `_classify_pyc`'s order (magic, length,
/// flags), and returns it with the marshalled body that follows.
pub fn read_header(data: &[u8]) -> Result<(PycHeader, &[u8]), PycError> {
    if data.len() < 4 || data[..4] != MAGIC_NUMBER {
        return Err(PycError::BadMagic(data[..data.len().min(4)].to_vec()));
    }
    if data.len() < HEADER_SIZE {
        return Err(PycError::Truncated);
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let flags = word(4);
    if flags & !(FLAG_HASH_BASED | FLAG_CHECK_SOURCE) != 0 {
        return Err(PycError::InvalidFlags(flags));
    }
    let kind = if flags & FLAG_HASH_BASED != 0 {
        let mut hash = [0u8; 8];
        hash.copy_from_slice(&data[8..HEADER_SIZE]);
        PycKind::Hash {
            checked: flags & FLAG_CHECK_SOURCE != 0,
            hash,
        }
    } else {
        PycKind::Timestamp {
            mtime: word(8),
            source_size: word(12),
        }
    };
    Ok((PycHeader { flags, kind }, &data[HEADER_SIZE..]))
}

/// A whole .pyc file: header, then the code object marshalled with version 4.
pub fn write_pyc(header: &PycHeader, code: &CodeObject) -> Vec<u8> {
    let mut out = header.to_bytes().to_vec();
    out.extend_from_slice(&marshal::dumps_code(code));
    out
}

/// `importlib.util.source_hash`: SipHash-1-3 of the source keyed with
/// `(RAW_MAGIC_NUMBER, 0)`, as 8 little-endian bytes.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    siphash13(u64::from(RAW_MAGIC_NUMBER), 0, source).to_le_bytes()
}

/// SipHash with one compression and three finalization rounds, as CPython uses
/// it for `_Py_KeyedHash` (and for str/bytes hashing).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let m = u64::from_le_bytes(word);
        v[3] ^= m;
        round(&mut v);
        v[0] ^= m;
    }
    // The last block holds the leftover bytes and the length's low byte on top.
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    let b = u64::from_le_bytes(last) | ((data.len() as u64) << 56);
    v[3] ^= b;
    round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    for _ in 0..3 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips_and_rejects() {
        for h in [
            PycHeader::timestamp(1_700_000_000, 1234),
            PycHeader::hash(true, *b"abcdefgh"),
            PycHeader::hash(false, [0xff; 8]),
        ] {
            let bytes = h.to_bytes();
            let (back, rest) = read_header(&bytes).expect("valid header");
            assert_eq!(back, h);
            assert!(rest.is_empty());
            assert_eq!(read_header(&bytes[..15]), Err(PycError::Truncated));
        }
        assert!(matches!(read_header(b"\xa7\r"), Err(PycError::BadMagic(_))));
        let mut bad = PycHeader::timestamp(0, 0).to_bytes();
        bad[4] = 4;
        assert_eq!(read_header(&bad), Err(PycError::InvalidFlags(4)));
    }
}
