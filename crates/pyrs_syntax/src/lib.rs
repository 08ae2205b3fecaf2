//! The only crate that touches `ruff_python_parser`: it parses source into ruff's
//! AST and maps parse errors to CPython's `SyntaxError` fields (msg, lineno,
//! offset, text, end positions). Reference: CPython 3.11 Parser/.

pub use ruff_python_ast as ast;

/// Which exception class a compile-time error is (all are `SyntaxError` or subclasses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile-time error with the fields of CPython's `SyntaxError`.
/// `lineno`/`offset` are 1-based; `offset` counts characters, as CPython's does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line, with its newline, as CPython stores it.
    pub text: Option<String>,
}
