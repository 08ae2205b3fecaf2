//! Hash fidelity: str and bytes hash with SipHash-1-3 keyed from
//! `PYTHONHASHSEED` as CPython's `_Py_HashBytes` does (over the PEP 393 buffer
//! for str: 1, 2 or 4 bytes per code point, little-endian), and hashes of
//! constants computed without a `Vm`. Reference: Python/pyhash.c,
//! Python/bootstrap_hash.c (`_Py_HashRandomization_Init`, `lcg_urandom`).

use crate::object::Payload;
use crate::objects::int::IntRef;
use crate::value::Value;
use std::sync::OnceLock;

static SECRET: OnceLock<(u64, u64)> = OnceLock::new();

/// The SipHash key. `PYTHONHASHSEED=0` (or unset hashing randomisation off)
/// gives the all-zero key; another number seeds CPython's LCG; unset or
/// `random` takes bytes from the OS (here: from the clock and the process).
pub fn secret() -> (u64, u64) {
    *SECRET.get_or_init(|| {
        let seed = std::env::var("PYTHONHASHSEED").ok();
        let mut buf = [0u8; 24];
        match seed.as_deref().map(str::parse::<u32>) {
            Some(Ok(0)) => {}
            Some(Ok(n)) => {
                // lcg_urandom: x = x * 214013 + 2531011, one byte per step.
                let mut x: u32 = n;
                for b in buf.iter_mut() {
                    x = x.wrapping_mul(214013).wrapping_add(2531011);
                    *b = ((x >> 16) & 0xff) as u8;
                }
            }
            _ => {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                let mut x = (t as u64) ^ ((std::process::id() as u64) << 32);
                for b in buf.iter_mut() {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    *b = x as u8;
                }
            }
        }
        let k0 = u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8]));
        let k1 = u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8]));
        (k0, k1)
    })
}

/// `_Py_HashBytes`: 0 for empty input, -1 mapped to -2.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = secret();
    let h = pyrs_bytecode::pyc::siphash13(k0, k1, data) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(str)`: SipHash over the PEP 393 representation CPython would use.
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(s.len() * 2);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u32 as u8));
    } else if max < 0x10000 {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

/// `hash(complex)`: `hash(real) + 1000003 * hash(imag)` (`_PyHASH_IMAG`).
pub fn hash_complex(re: f64, im: f64) -> i64 {
    let h = (crate::objects::float::hash(re) as u64)
        .wrapping_add((crate::objects::float::hash(im) as u64).wrapping_mul(1000003));
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of a constant (int, float, complex, str, bytes, None, bool,
/// tuple or frozenset of those), without running Python code.
pub fn const_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => crate::objects::int::hash(&IntRef::Small(*i)),
        Value::Bool(b) => *b as i64,
        Value::Float(f) => crate::objects::float::hash(*f),
        Value::None => 0x5f_3759df,
        Value::Null => return None,
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.hash(),
            Payload::Bytes(b) => hash_bytes(b),
            Payload::Int(b) => crate::objects::int::hash(&IntRef::Big(b)),
            Payload::Complex(re, im) => hash_complex(*re, *im),
            Payload::Tuple(items) => {
                let mut hs = Vec::with_capacity(items.len());
                for it in items.iter() {
                    hs.push(const_hash(it)?);
                }
                tuple_hash_of(&hs)
            }
            Payload::Set(s) => s.get().frozenset_hash(),
            Payload::Singleton(_) => (o.addr().rotate_right(4)) as i64,
            _ => return None,
        },
    })
}

/// Equality of constants (numbers across types, str, bytes, tuples) without a `Vm`.
pub fn const_eq(a: &Value, b: &Value) -> bool {
    if let Some(r) = crate::protocol::dict::fast_eq(a, b) {
        return r;
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_eq(p, q))
        }
        (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => x == y,
        _ => {
            let (p, q) = (
                crate::protocol::object::as_int(a),
                crate::protocol::object::as_int(b),
            );
            if let (Some(p), Some(q)) = (&p, &q) {
                return crate::objects::int::cmp(p, q).is_eq();
            }
            match (
                crate::types::complex::as_complex(a),
                crate::types::complex::as_complex(b),
            ) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            }
        }
    }
}

/// CPython 3.11's tuple hash over the item hashes (xxHash's mixing).
pub fn tuple_hash_of(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc as i64 == -1 {
        1546275796
    } else {
        acc as i64
    }
}
