//! Byte offsets to CPython positions: 1-based line numbers and 0-based columns
//! counted in UTF-8 bytes, which is what CPython's AST `col_offset` holds and what
//! `co_positions()` reports. Reference: Parser/pegen.c (`col_offset` is a byte
//! offset into the line).

use ruff_text_size::TextSize;

/// The start offset of every line of a source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                // A lone CR ends a line too, as CPython's tokenizer treats it.
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// The 1-based line holding `offset`.
    pub fn line(&self, offset: TextSize) -> u32 {
        let off = u32::from(offset);
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[(line - 1) as usize];
        (line, u32::from(offset) - start)
    }

    /// The byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line.checked_sub(1)? as usize).copied()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}
