//! The anchors of CPython 3.11's traceback markers: for a failing binary
//! operation or subscript, which part of the source segment gets `^` and which
//! `~` (Python/traceback.c `extract_anchors_from_line`, which re-parses the segment).

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// Byte offsets `(left, right)` within `segment` of the `^` part, when the
/// segment parses as a single binary operation or subscript expression.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(stmt)] = body.as_slice() else {
        return None;
    };
    let bytes = segment.as_bytes();
    match &*stmt.value {
        Expr::BinOp(b) => {
            let (from, to) = (b.left.end().to_usize(), b.right.start().to_usize());
            // The first non-space character after the left operand is the
            // operator (in 3.11 a closing parenthesis counts too).
            let i = (from..to).find(|&i| !bytes[i].is_ascii_whitespace())?;
            let right = if i + 1 < to && !bytes[i + 1].is_ascii_whitespace() {
                i + 2
            } else {
                i + 1
            };
            Some((i, right))
        }
        Expr::Subscript(s) => Some((s.value.end().to_usize(), s.slice.end().to_usize() + 1)),
        _ => None,
    }
}
