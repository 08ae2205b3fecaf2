//! The only crate that touches `ruff_python_parser`: it parses source into ruff's
//! AST and maps parse errors to CPython's `SyntaxError` fields (msg, lineno,
//! offset, text, end positions). Reference: CPython 3.11 Parser/ (pegen_errors.c
//! for how positions become `SyntaxError` fields).

mod anchors;
pub use anchors::caret_anchors;
pub use ruff_python_ast as ast;
pub use ruff_text_size::{Ranged, TextRange, TextSize};

mod encoding;
mod errors;
mod line_index;
mod targets;
mod tokenizer_errors;

pub use encoding::decode_source;
pub use errors::{program_text, syntax_error_at};
pub use line_index::LineIndex;

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

/// What the source is expected to hold: `compile()`'s modes, as the parser sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseMode {
    /// A sequence of statements (`exec` and `single`).
    Module,
    /// One expression (`eval`).
    Expression,
}

/// A parsed source: the AST, with the line index its ranges are read through.
pub enum Parsed {
    Module(ast::ModModule),
    Expression(ast::ModExpression),
}

/// Parses `source` as Python 3.11. Syntax the 3.11 grammar lacks (3.12+ type
/// parameters, PEP 701 f-strings, ...) is a `SyntaxError`, as it is for CPython.
pub fn parse(source: &str, filename: &str, mode: ParseMode) -> Result<Parsed, SyntaxErrorInfo> {
    use ruff_python_parser::{Mode, ParseOptions};
    let ruff_mode = match mode {
        ParseMode::Module => Mode::Module,
        ParseMode::Expression => Mode::Expression,
    };
    let options = ParseOptions::from(ruff_mode).with_target_version(ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    if let Some(err) = parsed.errors().first() {
        if let Some(e) =
            tokenizer_errors::tokenizer_error(source, filename, parsed.tokens(), parsed.errors())
        {
            return Err(e);
        }
        return Err(errors::from_parse_error(
            source,
            filename,
            err,
            parsed.syntax(),
            parsed.tokens(),
        ));
    }
    check_nesting(parsed.tokens(), source, filename)?;
    if let Some(err) = parsed.unsupported_syntax_errors().first() {
        return Err(syntax_error_at(
            source,
            filename,
            "invalid syntax".to_string(),
            err.range,
        ));
    }
    Ok(match parsed.into_syntax() {
        ast::Mod::Module(m) => Parsed::Module(m),
        ast::Mod::Expression(e) => Parsed::Expression(e),
    })
}

/// CPython's tokenizer refuses more than 200 nested brackets (`MAXLEVEL` in
/// Parser/tokenizer.c).
const MAXLEVEL: usize = 200;

fn check_nesting(
    tokens: &ast::token::Tokens,
    source: &str,
    filename: &str,
) -> Result<(), SyntaxErrorInfo> {
    use ast::token::TokenKind;
    let mut depth = 0usize;
    for t in tokens {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                depth += 1;
                if depth >= MAXLEVEL {
                    return Err(syntax_error_at(
                        source,
                        filename,
                        "too many nested parentheses".to_string(),
                        t.range(),
                    ));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    Ok(())
}
