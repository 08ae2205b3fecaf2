//! The 3.11 location table, `co_linetable`: the encoder the assembler uses and the
//! decoders behind `co_positions()`, `co_lines()`, `PyCode_Addr2Line` and
//! `PyCode_Addr2Location`. Format: CPython's Objects/locations.md; encoder:
//! `write_location_info_entry` and friends in Python/compile.c; decoders:
//! Objects/codeobject.c (`advance`, `advance_with_locations`, `lineiter_next`,
//! `positionsiter_next`).
//!
//! Every entry starts with a byte `1cccclll`: `cccc` is the entry's code, `lll` is
//! its length in code units minus one. Codes 0-9 are the short form (same line,
//! column group `code`), 10-12 the one-line forms (line delta 0-2, byte columns),
//! 13 a line delta without columns, 14 the long form, 15 "no location".

/// A source location as the compiler attaches it to an instruction. `-1` marks an
/// absent field, as in CPython's compile.c; `lineno < 0` means "no location".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col_offset: i32,
    pub end_col_offset: i32,
}

impl Location {
    /// `NO_LOCATION` of compile.c: the instruction has no source position.
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };
}

/// `_PyCodeLocationInfoKind` of Include/internal/pycore_code.h.
pub const PY_CODE_LOCATION_INFO_SHORT0: u8 = 0;
pub const PY_CODE_LOCATION_INFO_ONE_LINE0: u8 = 10;
pub const PY_CODE_LOCATION_INFO_ONE_LINE1: u8 = 11;
pub const PY_CODE_LOCATION_INFO_ONE_LINE2: u8 = 12;
pub const PY_CODE_LOCATION_INFO_NO_COLUMNS: u8 = 13;
pub const PY_CODE_LOCATION_INFO_LONG: u8 = 14;
pub const PY_CODE_LOCATION_INFO_NONE: u8 = 15;

/// The most code units one entry can cover.
const MAX_ENTRY_UNITS: usize = 8;

/// Builds `co_linetable` one instruction at a time, as the 3.11 assembler does.
/// The assembler does not merge neighbouring instructions with equal locations
/// (3.12 does), so neither do we: byte-identical output depends on it.
pub struct LineTableWriter {
    table: Vec<u8>,
    /// `a_lineno`: the line that deltas are relative to. It only moves when an
    /// entry that encodes a line is written, never for "no location" entries.
    lineno: i32,
}

impl LineTableWriter {
    pub fn new(firstlineno: i32) -> Self {
        LineTableWriter {
            table: Vec::new(),
            lineno: firstlineno,
        }
    }

    /// Records that the next `code_units` code units (an instruction and its
    /// caches) have location `loc`, split into entries of at most 8 units.
    pub fn push(&mut self, loc: Location, code_units: usize) {
        let mut remaining = code_units;
        while remaining > MAX_ENTRY_UNITS {
            self.write_entry(loc, MAX_ENTRY_UNITS);
            remaining -= MAX_ENTRY_UNITS;
        }
        if remaining > 0 {
            self.write_entry(loc, remaining);
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.table
    }

    fn write_first_byte(&mut self, code: u8, length: usize) {
        debug_assert!((1..=MAX_ENTRY_UNITS).contains(&length));
        self.table.push(0x80 | (code << 3) | ((length - 1) as u8));
    }

    fn write_varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.table.push(64 | (val & 63) as u8);
            val >>= 6;
        }
        self.table.push(val as u8);
    }

    fn write_signed_varint(&mut self, val: i32) {
        // Sign in the low bit, magnitude above it; C does this in `unsigned int`.
        let uval = if val < 0 {
            (val.unsigned_abs() << 1) | 1
        } else {
            (val as u32) << 1
        };
        self.write_varint(uval);
    }

    fn write_entry(&mut self, loc: Location, length: usize) {
        if loc.lineno < 0 {
            self.write_first_byte(PY_CODE_LOCATION_INFO_NONE, length);
            return;
        }
        let line_delta = loc.lineno.wrapping_sub(self.lineno);
        let column = loc.col_offset;
        let end_column = loc.end_col_offset;
        if column < 0 || end_column < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
                self.write_first_byte(PY_CODE_LOCATION_INFO_NO_COLUMNS, length);
                self.write_signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
                self.write_first_byte(PY_CODE_LOCATION_INFO_SHORT0 + (column >> 3) as u8, length);
                self.table
                    .push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.write_first_byte(PY_CODE_LOCATION_INFO_ONE_LINE0 + line_delta as u8, length);
                self.table.push(column as u8);
                self.table.push(end_column as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.write_first_byte(PY_CODE_LOCATION_INFO_LONG, length);
        self.write_signed_varint(line_delta);
        // The `as u32` casts mirror C's conversions to `unsigned int`, so even a
        // location with end_lineno < lineno encodes as CPython would encode it.
        self.write_varint(loc.end_lineno.wrapping_sub(loc.lineno) as u32);
        self.write_varint(column.wrapping_add(1) as u32);
        self.write_varint(end_column.wrapping_add(1) as u32);
        self.lineno = loc.lineno;
    }
}

/// One decoded entry: code units `[start, start + len)` and their location, with
/// CPython's raw values (`-1` for absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineTableEntry {
    /// First code unit covered.
    pub start: u32,
    /// Number of code units covered (1..=8).
    pub len: u32,
    pub loc: Location,
}

/// Walks `co_linetable` entry by entry, as `advance_with_locations` does. A
/// truncated or garbled table ends the walk where decoding becomes impossible;
/// nothing is ever read out of bounds.
pub struct LineTableIter<'a> {
    table: &'a [u8],
    pos: usize,
    /// `computed_line`: the line that deltas in the table are relative to.
    computed_line: i32,
    next_start: u32,
}

impl<'a> LineTableIter<'a> {
    pub fn new(linetable: &'a [u8], firstlineno: i32) -> Self {
        LineTableIter {
            table: linetable,
            pos: 0,
            computed_line: firstlineno,
            next_start: 0,
        }
    }

    fn read_byte(&mut self) -> Option<u8> {
        let b = *self.table.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn read_varint(&mut self) -> Option<u32> {
        let mut read = self.read_byte()?;
        let mut val = u32::from(read & 63);
        let mut shift = 0u32;
        while read & 64 != 0 {
            read = self.read_byte()?;
            shift += 6;
            // Bits beyond 32 are dropped, as C's `unsigned int` would drop them.
            if shift < 32 {
                val |= u32::from(read & 63) << shift;
            }
        }
        Some(val)
    }

    fn read_signed_varint(&mut self) -> Option<i32> {
        let uval = self.read_varint()?;
        let magnitude = (uval >> 1) as i32;
        Some(if uval & 1 != 0 { -magnitude } else { magnitude })
    }
}

impl Iterator for LineTableIter<'_> {
    type Item = LineTableEntry;

    fn next(&mut self) -> Option<LineTableEntry> {
        let first = self.read_byte()?;
        let code = (first >> 3) & 15;
        let len = u32::from(first & 7) + 1;
        let start = self.next_start;
        let loc = match code {
            PY_CODE_LOCATION_INFO_NONE => Location::NONE,
            PY_CODE_LOCATION_INFO_LONG => {
                self.computed_line = self.computed_line.wrapping_add(self.read_signed_varint()?);
                let line = self.computed_line;
                let end_line = line.wrapping_add(self.read_varint()? as i32);
                let col = (self.read_varint()? as i32).wrapping_sub(1);
                let end_col = (self.read_varint()? as i32).wrapping_sub(1);
                Location {
                    lineno: line,
                    end_lineno: end_line,
                    col_offset: col,
                    end_col_offset: end_col,
                }
            }
            PY_CODE_LOCATION_INFO_NO_COLUMNS => {
                self.computed_line = self.computed_line.wrapping_add(self.read_signed_varint()?);
                Location {
                    lineno: self.computed_line,
                    end_lineno: self.computed_line,
                    col_offset: -1,
                    end_col_offset: -1,
                }
            }
            PY_CODE_LOCATION_INFO_ONE_LINE0
            | PY_CODE_LOCATION_INFO_ONE_LINE1
            | PY_CODE_LOCATION_INFO_ONE_LINE2 => {
                self.computed_line = self
                    .computed_line
                    .wrapping_add(i32::from(code - PY_CODE_LOCATION_INFO_ONE_LINE0));
                let col = i32::from(self.read_byte()?);
                let end_col = i32::from(self.read_byte()?);
                Location {
                    lineno: self.computed_line,
                    end_lineno: self.computed_line,
                    col_offset: col,
                    end_col_offset: end_col,
                }
            }
            _ => {
                let second = self.read_byte()?;
                let col = i32::from(code) << 3 | i32::from(second >> 4);
                Location {
                    lineno: self.computed_line,
                    end_lineno: self.computed_line,
                    col_offset: col,
                    end_col_offset: col + i32::from(second & 15),
                }
            }
        };
        self.next_start = start.saturating_add(len);
        Some(LineTableEntry { start, len, loc })
    }
}

/// `-1` becomes `None`, as `_source_offset_converter` does for `co_positions()`.
fn opt(v: i32) -> Option<i32> {
    if v == -1 {
        None
    } else {
        Some(v)
    }
}

/// One item of `co_positions()`: `(lineno, end_lineno, col_offset, end_col_offset)`.
pub type Position = (Option<i32>, Option<i32>, Option<i32>, Option<i32>);

/// `co_positions()`: one `(lineno, end_lineno, col_offset, end_col_offset)` per
/// code unit (instruction or cache) the table covers.
pub fn co_positions(linetable: &[u8], firstlineno: i32) -> Vec<Position> {
    let mut out = Vec::new();
    for e in LineTableIter::new(linetable, firstlineno) {
        let item = (
            opt(e.loc.lineno),
            opt(e.loc.end_lineno),
            opt(e.loc.col_offset),
            opt(e.loc.end_col_offset),
        );
        out.extend(std::iter::repeat_n(item, e.len as usize));
    }
    out
}

/// `co_lines()`: `(start, end, line)` byte ranges, one per table entry. 3.11's
/// `lineiter_next` does not merge neighbours with equal lines (an instruction
/// longer than 8 units yields two ranges on the same line), and reads only the
/// table, so `code_len_bytes` does not cut the result; it is accepted so that
/// callers need not change if a later version needs it.
pub fn co_lines(
    linetable: &[u8],
    firstlineno: i32,
    _code_len_bytes: usize,
) -> Vec<(u32, u32, Option<i32>)> {
    LineTableIter::new(linetable, firstlineno)
        .map(|e| {
            let line = if e.loc.lineno < 0 {
                None
            } else {
                Some(e.loc.lineno)
            };
            (
                e.start.saturating_mul(2),
                e.start.saturating_add(e.len).saturating_mul(2),
                line,
            )
        })
        .collect()
}

/// The entry covering byte offset `lasti`, if the table reaches that far.
fn entry_at(linetable: &[u8], firstlineno: i32, lasti: u32) -> Option<LineTableEntry> {
    let unit = lasti / 2;
    LineTableIter::new(linetable, firstlineno)
        .take_while(|e| e.start <= unit)
        .find(|e| unit < e.start.saturating_add(e.len))
}

/// `PyCode_Addr2Line`: the line of the instruction at byte offset `lasti`, `None`
/// if it has none or the table does not cover it.
pub fn addr2line(linetable: &[u8], firstlineno: i32, lasti: u32) -> Option<i32> {
    let e = entry_at(linetable, firstlineno, lasti)?;
    if e.loc.lineno < 0 {
        None
    } else {
        Some(e.loc.lineno)
    }
}

/// `PyCode_Addr2Location`: the full location of the code unit at byte offset
/// `lasti`, for traceback carets. `None` if the unit has no location or the table
/// does not cover it; absent columns stay `-1` inside the result.
pub fn addr2location(linetable: &[u8], firstlineno: i32, lasti: u32) -> Option<Location> {
    let e = entry_at(linetable, firstlineno, lasti)?;
    if e.loc.lineno < 0 {
        None
    } else {
        Some(e.loc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(l: i32, el: i32, c: i32, ec: i32) -> Location {
        Location {
            lineno: l,
            end_lineno: el,
            col_offset: c,
            end_col_offset: ec,
        }
    }

    #[test]
    fn every_form_round_trips() {
        let locs = [
            (loc(1, 1, 0, 0), 1),
            (loc(2, 2, 8, 9), 1),
            (loc(2, 2, 8, 14), 11),
            (Location::NONE, 3),
            (loc(3, 3, 100, 120), 2),
            (loc(3, 5, 4, 2), 1),
            (loc(-7 + 10, 3, -1, -1), 1),
            (loc(1000, 1000, 300, 400), 9),
            (loc(2, 2, 1, 0), 1),
        ];
        let mut w = LineTableWriter::new(1);
        for &(l, n) in &locs {
            w.push(l, n);
        }
        let table = w.finish();
        let pos = co_positions(&table, 1);
        let mut i = 0;
        for &(l, n) in &locs {
            for _ in 0..n {
                assert_eq!(
                    pos[i],
                    (
                        opt(l.lineno),
                        opt(l.end_lineno),
                        opt(l.col_offset),
                        opt(l.end_col_offset)
                    )
                );
                i += 1;
            }
        }
        assert_eq!(i, pos.len());
        assert_eq!(addr2line(&table, 1, 2 * 13), None);
        assert_eq!(addr2line(&table, 1, 2), Some(2));
        assert_eq!(addr2location(&table, 1, 0), Some(loc(1, 1, 0, 0)));
        assert_eq!(addr2line(&table, 1, 10_000), None);
    }

    #[test]
    fn malformed_tables_do_not_panic() {
        let tables: [&[u8]; 5] = [
            &[0xf0],
            &[0xf0, 0xff, 0xff],
            &[0x80],
            &[
                0xe8, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0, 0, 0,
            ],
            &[0x01, 0x02, 0x03],
        ];
        for t in tables {
            let _ = co_positions(t, i32::MAX);
            let _ = co_lines(t, i32::MIN, 0);
            let _ = addr2location(t, 0, u32::MAX);
        }
    }
}
