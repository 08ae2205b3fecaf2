//! ruff's parse errors as CPython `SyntaxError` fields. CPython's messages come
//! from its PEG grammar's error rules (Parser/pegen_errors.c, Grammar/python.gram);
//! only the common, cheap-to-match ones are reproduced, the rest say "invalid syntax".

use crate::{LineIndex, SyntaxErrorInfo, SyntaxErrorKind};
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::Mod;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// A `SyntaxError` at `range` of `source` (used by every later pass too).
pub fn syntax_error_at(
    source: &str,
    filename: &str,
    msg: String,
    range: TextRange,
) -> SyntaxErrorInfo {
    error_with_kind(source, filename, SyntaxErrorKind::SyntaxError, msg, range)
}

pub(crate) fn error_with_kind(
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

/// The `text` of an error raised after parsing: CPython reads line `lineno`
/// of the file named `filename` (`PyErr_ProgramTextObject`), so a source
/// compiled from a string under a made-up name gets none.
pub fn program_text(filename: &str, lineno: u32) -> Option<String> {
    let data = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&data);
    let line = text
        .split_inclusive('\n')
        .nth(lineno.checked_sub(1)? as usize)?;
    Some(line.to_string())
}

/// As `error_with_kind`, with the `text` the error should carry.
pub(crate) fn error_with_text(
    source: &str,
    filename: &str,
    kind: SyntaxErrorKind,
    msg: String,
    range: TextRange,
    text: Option<String>,
) -> SyntaxErrorInfo {
    let mut e = error_with_kind(source, filename, kind, msg, range);
    e.text = text;
    e
}

/// The source up to where CPython's tokenizer puts the end of the file: the
/// final line break does not count, trailing blanks on a last line do.
pub(crate) fn eof_text(source: &str) -> &str {
    source
        .strip_suffix("\r\n")
        .or_else(|| source.strip_suffix('\n'))
        .unwrap_or(source)
}

/// Whether the annotation after an invalid target's `:` is missing (the
/// line ends there).
fn annotation_missing(source: &str, err: &ParseError) -> bool {
    let rest = source.get(usize::from(err.location.end())..).unwrap_or("");
    let Some(after) = rest.trim_start_matches([' ', '\t']).strip_prefix(':') else {
        return false;
    };
    let line = after.split('\n').next().unwrap_or("");
    let line = line.split('#').next().unwrap_or("");
    line.trim().is_empty()
}

/// CPython's name for the statement a ruff "Expected an indented block after
/// ..." error is about (`invalid_*_stmt` rules of Grammar/python.gram).
fn block_owner(ruff_msg: &str) -> Option<&'static str> {
    let clause = ruff_msg.strip_prefix("Expected an indented block after ")?;
    Some(match clause {
        "`if` statement" => "'if' statement",
        "`else` clause" => "'else' statement",
        "`elif` clause" => "'elif' statement",
        "`for` statement" => "'for' statement",
        "`with` statement" => "'with' statement",
        "`class` definition" => "class definition",
        "`while` statement" => "'while' statement",
        "function definition" => "function definition",
        "`case` block" => "'case' statement",
        "`match` statement" => "'match' statement",
        "`try` statement" => "'try' statement",
        "`except` clause" => "'except' statement",
        "`finally` clause" => "'finally' statement",
        _ => return None,
    })
}

/// The line of the compound statement whose block starts after `at`: the first
/// token of the logical line that ends just before it.
fn header_line(index: &LineIndex, tokens: &Tokens, at: TextSize) -> u32 {
    let before: Vec<_> = tokens.iter().take_while(|t| t.start() < at).collect();
    let mut i = before.len();
    // Step back over the newline (and trivia) that ends the header.
    while i > 0
        && matches!(
            before[i - 1].kind(),
            TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Comment
        )
    {
        i -= 1;
    }
    let mut start = i;
    while start > 0
        && !matches!(
            before[start - 1].kind(),
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
        )
    {
        start -= 1;
    }
    let first = before.get(start).map(|t| t.start()).unwrap_or(at);
    index.line(first)
}

fn starts_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
            | TokenKind::Lambda
            | TokenKind::Not
            | TokenKind::Await
            | TokenKind::Tilde
    )
}

/// `[1 2]`: inside brackets, an expression right after another one.
fn forgot_comma(
    source: &str,
    filename: &str,
    module: &Mod,
    tokens: &Tokens,
    at: TextSize,
) -> Option<SyntaxErrorInfo> {
    let mut open: Vec<TextSize> = Vec::new();
    let mut prev_end = None;
    for t in tokens.iter().take_while(|t| t.start() < at) {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => open.push(t.end()),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                open.pop();
            }
            _ => {}
        }
        if !t.kind().is_trivia() {
            prev_end = Some(t.end());
        }
    }
    let inner = *open.last()?;
    let first = crate::targets::expr_ending_at(module, inner, prev_end?)?;
    Some(error_with_kind(
        source,
        filename,
        SyntaxErrorKind::SyntaxError,
        "invalid syntax. Perhaps you forgot a comma?".to_string(),
        TextRange::new(first.start(), at),
    ))
}

/// `print "x"`: the Python 2 statement forms of print and exec.
fn legacy_print(source: &str, filename: &str, at: TextSize) -> Option<SyntaxErrorInfo> {
    let index = LineIndex::new(source);
    let line_start = index.line_start(index.line(at))? as usize;
    let head = source.get(line_start..usize::from(at))?;
    let indent = head.len() - head.trim_start().len();
    let word = head.trim();
    if word != "print" && word != "exec" {
        return None;
    }
    let start = TextSize::from((line_start + indent) as u32);
    Some(error_with_kind(
        source,
        filename,
        SyntaxErrorKind::SyntaxError,
        format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
        TextRange::new(start, at),
    ))
}

pub(crate) fn from_parse_error(
    source: &str,
    filename: &str,
    err: &ParseError,
    module: &Mod,
    tokens: &Tokens,
) -> SyntaxErrorInfo {
    use crate::targets::{expr_name, find_target};
    let target_name = || find_target(module, err.location).map(|t| expr_name(t.expr));
    let (kind, msg) = match &err.error {
        ParseErrorType::UnexpectedIndentation => {
            let index = LineIndex::new(source);
            let line = index.line(err.location.start());
            let mut e = error_with_kind(
                source,
                filename,
                SyntaxErrorKind::IndentationError,
                "unexpected indent".to_string(),
                err.location,
            );
            // CPython points at the end of the indentation.
            let start = index.line_start(line).unwrap_or(0) as usize;
            let rest = source.get(start..).unwrap_or("");
            e.offset = rest
                .chars()
                .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
                .count() as u32;
            return e;
        }
        ParseErrorType::OtherError(m) if block_owner(m).is_some() => {
            let index = LineIndex::new(source);
            let line = header_line(&index, tokens, err.location.start());
            let owner = block_owner(m).unwrap_or("statement");
            (
                SyntaxErrorKind::IndentationError,
                format!("expected an indented block after {owner} on line {line}"),
            )
        }
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
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            ..
        } => (SyntaxErrorKind::SyntaxError, "expected ':'".to_string()),
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Comma,
            found,
        } if starts_expression(*found) => {
            if let Some(e) = forgot_comma(source, filename, module, tokens, err.location.start()) {
                return e;
            }
            (SyntaxErrorKind::SyntaxError, "invalid syntax".to_string())
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            if let Some(e) = legacy_print(source, filename, err.location.start()) {
                return e;
            }
            (SyntaxErrorKind::SyntaxError, "invalid syntax".to_string())
        }
        ParseErrorType::InvalidAssignmentTarget => {
            let msg = match find_target(module, err.location) {
                Some(t) => {
                    let name = expr_name(t.expr);
                    let plain = matches!(name, "None" | "True" | "False" | "tuple" | "list")
                        || name == "generator expression";
                    if t.sole_assign_target && !plain {
                        format!(
                            "cannot assign to {name} here. Maybe you meant '==' instead of '='?"
                        )
                    } else {
                        format!("cannot assign to {name}")
                    }
                }
                None => "cannot assign to expression".to_string(),
            };
            (SyntaxErrorKind::SyntaxError, msg)
        }
        ParseErrorType::InvalidDeleteTarget => (
            SyntaxErrorKind::SyntaxError,
            format!("cannot delete {}", target_name().unwrap_or("expression")),
        ),
        ParseErrorType::InvalidAugmentedAssignmentTarget => (
            SyntaxErrorKind::SyntaxError,
            format!(
                "'{}' is an illegal expression for augmented assignment",
                target_name().unwrap_or("expression")
            ),
        ),
        ParseErrorType::InvalidNamedAssignmentTarget => (
            SyntaxErrorKind::SyntaxError,
            format!(
                "cannot use assignment expressions with {}",
                target_name().unwrap_or("expression")
            ),
        ),
        ParseErrorType::InvalidAnnotatedAssignmentTarget if annotation_missing(source, err) => {
            // `f():` with nothing after the colon is no annotation at all:
            // CPython's generic error at the colon.
            let rest = source.get(usize::from(err.location.end())..).unwrap_or("");
            let colon = rest.find(':').unwrap_or(0);
            let at = err.location.end() + TextSize::from(colon as u32);
            return error_with_kind(
                source,
                filename,
                SyntaxErrorKind::SyntaxError,
                "invalid syntax".to_string(),
                TextRange::empty(at),
            );
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            let msg = match target_name() {
                Some(n @ ("tuple" | "list")) => {
                    format!("only single target (not {n}) can be annotated")
                }
                _ => "illegal target for annotation".to_string(),
            };
            (SyntaxErrorKind::SyntaxError, msg)
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            // CPython reports it at the token after the argument.
            let after = source
                .get(usize::from(err.location.end())..)
                .map(|r| r.len() - r.trim_start().len())
                .unwrap_or(0);
            let at = err.location.end() + TextSize::from(after as u32);
            return error_with_kind(
                source,
                filename,
                SyntaxErrorKind::SyntaxError,
                "positional argument follows keyword argument".to_string(),
                TextRange::empty(at),
            );
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected `except` or `finally`") => {
            // At the end of the file CPython points just past the block.
            let end = TextSize::of(eof_text(source));
            let at = if err.location.start() >= end {
                TextRange::empty(end)
            } else {
                err.location
            };
            return error_with_kind(
                source,
                filename,
                SyntaxErrorKind::SyntaxError,
                "expected 'except' or 'finally' block".to_string(),
                at,
            );
        }
        // ruff's wording of CPython's message, capitalized.
        ParseErrorType::OtherError(m) if m.starts_with("Only single target (not ") => {
            (SyntaxErrorKind::SyntaxError, format!("o{}", &m[1..]))
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => (
            SyntaxErrorKind::SyntaxError,
            "non-default argument follows default argument".to_string(),
        ),
        _ => (SyntaxErrorKind::SyntaxError, "invalid syntax".to_string()),
    };
    error_with_kind(source, filename, kind, msg, err.location)
}
