//! The 3.11 exception table, `co_exceptiontable`: encoding as the assembler writes
//! it (`assemble_emit_exception_table_entry` in Python/compile.c), decoding as
//! `dis._parse_exception_table` reads it, and the handler lookup of
//! `get_exception_handler` in Python/ceval.c. Format:
//! Objects/exception_handling_notes.txt.
//!
//! Each entry is four varints: start, size, target (all in code units) and
//! `(depth << 1) | lasti`. A varint is big-endian 6-bit chunks; bit 6 (0x40) says
//! another chunk follows, and bit 7 (0x80) marks the first byte of an entry, so a
//! reader can find entry starts without decoding from the beginning.

/// One handler range: code units `[start, end)` jump to `target` with the value
/// stack cut to `depth` (and `lasti` pushed first when `lasti` is set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

const CONTINUATION_BIT: u8 = 0x40;
const ENTRY_START_BIT: u8 = 0x80;

fn emit_item(out: &mut Vec<u8>, value: u32, msb: u8) {
    // CPython asserts value < 2**30, which takes at most five chunks; a sixth
    // covers the rest of u32 so that no input is silently truncated.
    let mut shift = 30;
    let mut msb = msb;
    while shift > 0 {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | CONTINUATION_BIT | msb);
            msb = 0;
        }
        shift -= 6;
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Encodes entries in the given order, byte-identical to CPython's assembler for
/// the same entries.
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 4);
    for e in entries {
        emit_item(&mut out, e.start, ENTRY_START_BIT);
        emit_item(&mut out, e.end.wrapping_sub(e.start), 0);
        emit_item(&mut out, e.target, 0);
        emit_item(&mut out, (e.depth << 1) | u32::from(e.lasti), 0);
    }
    out
}

/// Reads varints and entries from a table, checking the entry-start marks.
struct Reader<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn varint(&mut self, first_of_entry: bool) -> Result<u32, String> {
        let mut val: u32 = 0;
        let mut first = true;
        loop {
            let Some(&b) = self.table.get(self.pos) else {
                return Err(format!(
                    "exception table truncated at byte {} of {}",
                    self.pos,
                    self.table.len()
                ));
            };
            let want_start = first && first_of_entry;
            if (b & ENTRY_START_BIT != 0) != want_start {
                return Err(format!(
                    "exception table byte {} has a misplaced entry-start bit",
                    self.pos
                ));
            }
            self.pos += 1;
            first = false;
            if val > (u32::MAX >> 6) {
                return Err("exception table value overflows 32 bits".into());
            }
            val = (val << 6) | u32::from(b & 0x3f);
            if b & CONTINUATION_BIT == 0 {
                return Ok(val);
            }
        }
    }

    fn entry(&mut self) -> Result<ExceptionTableEntry, String> {
        let start = self.varint(true)?;
        let size = self.varint(false)?;
        let target = self.varint(false)?;
        let depth_lasti = self.varint(false)?;
        let end = start
            .checked_add(size)
            .ok_or_else(|| "exception table range overflows 32 bits".to_string())?;
        Ok(ExceptionTableEntry {
            start,
            end,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        })
    }

    fn at_end(&self) -> bool {
        self.pos >= self.table.len()
    }
}

/// Decodes a whole table. Truncated entries, misplaced entry-start bits and
/// values beyond 32 bits are errors.
pub fn decode(table: &[u8]) -> Result<Vec<ExceptionTableEntry>, String> {
    let mut r = Reader { table, pos: 0 };
    let mut out = Vec::new();
    while !r.at_end() {
        out.push(r.entry()?);
    }
    Ok(out)
}

/// The handler covering code unit `index`: the first entry in table order whose
/// range holds it, scanning no further than entries that start after `index`
/// (the table is sorted by start), as `get_exception_handler` does. A malformed
/// table yields `None` from the point where it stops making sense.
pub fn lookup(table: &[u8], index: u32) -> Option<ExceptionTableEntry> {
    let mut r = Reader { table, pos: 0 };
    while !r.at_end() {
        let e = r.entry().ok()?;
        if e.start > index {
            return None;
        }
        if index < e.end {
            return Some(e);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_long_values() {
        let entries = [
            ExceptionTableEntry {
                start: 0,
                end: 5,
                target: 70,
                depth: 0,
                lasti: false,
            },
            ExceptionTableEntry {
                start: 64,
                end: 5000,
                target: 1 << 20,
                depth: 3,
                lasti: true,
            },
            ExceptionTableEntry {
                start: u32::MAX - 1,
                end: u32::MAX,
                target: u32::MAX,
                depth: 1 << 30,
                lasti: true,
            },
        ];
        let bytes = encode(&entries);
        assert_eq!(decode(&bytes), Ok(entries.to_vec()));
        assert_eq!(lookup(&bytes, 4), Some(entries[0]));
        assert_eq!(lookup(&bytes, 5), None);
        assert_eq!(lookup(&bytes, 64), Some(entries[1]));
        let boundaries: Vec<usize> = (0..=entries.len())
            .map(|n| encode(&entries[..n]).len())
            .collect();
        for cut in 0..bytes.len() {
            assert_eq!(decode(&bytes[..cut]).is_ok(), boundaries.contains(&cut));
            let _ = lookup(&bytes[..cut], 70);
        }
        assert!(decode(&[0x01]).is_err());
        assert!(decode(&[0xc0]).is_err());
    }
}
