//! ruff's parse errors as CPython `SyntaxError` fields. CPython's messages come
//! from its PEG grammar's error rules (Parser/pegen_errors.c, Grammar/python.gram);
//! only the common, cheap-to-match ones are reproduced, the rest say "invalid syntax".

use crate::{LineIndex, SyntaxErrorInfo, SyntaxErrorKind};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::TextRange;

/// A `SyntaxError` at `range` of `source` (used by every later pass too).
pub fn syntax_error_at(
    source: &str,
    filename: &str,
    msg: String,
    range: TextRange,
) -> SyntaxErrorInfo {
    error_with_kind(source, filename, SyntaxErrorKind::SyntaxError, msg, range)
}

fn error_with_kind(
    source: &str,
    filename: &str,
    kind: SyntaxErrorKind,
    msg: String,
    range: TextRange,
) -> SyntaxErrorInfo {
    let index = LineIndex::new(source);
    let start = range.start().min(ruff_text_size::TextSize::of(source));
    let end = range
        .end()
        .min(ruff_text_size::TextSize::of(source))
        .max(start);
    let (lineno, _) = index.line_col(start);
    let (end_lineno, _) = index.line_col(end);
    let line_begin = index.line_start(lineno).unwrap_or(0) as usize;
    let line_end = source[line_begin..]
        .find('\n')
        .map(|i| line_begin + i + 1)
        .unwrap_or(source.len());
    let text = source.get(line_begin..line_end).map(|s| {
        let mut s = s.to_string();
        if !s.ends_with('\n') {
            s.push('\n');
        }
        s
    });
    // CPython's offset counts characters from the line start, 1-based.
    let chars_to = |line: u32, off: usize| -> u32 {
        let b = index.line_start(line).unwrap_or(0) as usize;
        source.get(b..off).map(|s| s.chars().count()).unwrap_or(0) as u32 + 1
    };
    SyntaxErrorInfo {
        kind,
        msg,
        filename: filename.to_string(),
        lineno,
        offset: chars_to(lineno, usize::from(start)),
        end_lineno,
        end_offset: chars_to(end_lineno, usize::from(end)),
        text,
    }
}

pub(crate) fn from_parse_error(source: &str, filename: &str, err: &ParseError) -> SyntaxErrorInfo {
    let (kind, msg) = match &err.error {
        ParseErrorType::UnexpectedIndentation => (
            SyntaxErrorKind::IndentationError,
            "unexpected indent".to_string(),
        ),
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => (
            SyntaxErrorKind::IndentationError,
            "unindent does not match any outer indentation level".to_string(),
        ),
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let line = LineIndex::new(source).line(err.location.start());
            (
                SyntaxErrorKind::SyntaxError,
                format!("unterminated string literal (detected at line {line})"),
            )
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => (
            SyntaxErrorKind::SyntaxError,
            "unexpected EOF while parsing".to_string(),
        ),
        ParseErrorType::InvalidAssignmentTarget | ParseErrorType::InvalidDeleteTarget => (
            SyntaxErrorKind::SyntaxError,
            "cannot assign to expression".to_string(),
        ),
        ParseErrorType::PositionalAfterKeywordArgument => (
            SyntaxErrorKind::SyntaxError,
            "positional argument follows keyword argument".to_string(),
        ),
        ParseErrorType::NonDefaultParamAfterDefaultParam => (
            SyntaxErrorKind::SyntaxError,
            "non-default argument follows default argument".to_string(),
        ),
        _ => (SyntaxErrorKind::SyntaxError, "invalid syntax".to_string()),
    };
    error_with_kind(source, filename, kind, msg, err.location)
}
