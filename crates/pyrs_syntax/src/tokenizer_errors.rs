//! The errors CPython's tokenizer raises (Parser/tokenizer.c), rebuilt from
//! ruff's token stream and lexical errors: unmatched and mismatched closing
//! brackets, inconsistent tabs (`TabError`), a dedent to no outer level,
//! unterminated strings, and brackets still open at the end of the file.
//! CPython re-tokenizes the whole source after a parser error and lets a
//! tokenizer error win (`_PyPegen_tokenize_full_source_to_check_for_errors`),
//! so the first of these in the source is reported, wherever the parser failed.

use crate::errors::{error_with_kind, error_with_text};
use crate::{LineIndex, SyntaxErrorInfo, SyntaxErrorKind};
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// An error and where it is, to pick the first one in the source.
type Found = (TextSize, SyntaxErrorInfo);

fn opener_of(close: TokenKind) -> TokenKind {
    match close {
        TokenKind::Rpar => TokenKind::Lpar,
        TokenKind::Rsqb => TokenKind::Lsqb,
        _ => TokenKind::Lbrace,
    }
}

fn bracket_char(kind: TokenKind) -> char {
    match kind {
        TokenKind::Lpar => '(',
        TokenKind::Rpar => ')',
        TokenKind::Lsqb => '[',
        TokenKind::Rsqb => ']',
        TokenKind::Lbrace => '{',
        _ => '}',
    }
}

/// The source line of `offset` without its line break.
fn bare_line(source: &str, index: &LineIndex, offset: TextSize) -> String {
    let line = index.line(offset);
    let start = index.line_start(line).unwrap_or(0) as usize;
    let rest = source.get(start..).unwrap_or("");
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    rest[..end].to_string()
}

/// Open brackets left at the end, and the first unmatched or mismatched close.
struct Brackets {
    open: Vec<(TokenKind, TextRange)>,
    error: Option<Found>,
}

fn scan_brackets(source: &str, filename: &str, index: &LineIndex, tokens: &Tokens) -> Brackets {
    let mut open: Vec<(TokenKind, TextRange)> = Vec::new();
    for t in tokens {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                open.push((t.kind(), t.range()))
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let text = Some(bare_line(source, index, t.start()));
                let msg = match open.pop() {
                    None => format!("unmatched '{}'", bracket_char(t.kind())),
                    Some((kind, _)) if kind == opener_of(t.kind()) => continue,
                    Some((kind, range)) => {
                        let (l_open, l_close) = (index.line(range.start()), index.line(t.start()));
                        let on_line = if l_open != l_close {
                            format!(" on line {l_open}")
                        } else {
                            String::new()
                        };
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'{on_line}",
                            bracket_char(t.kind()),
                            bracket_char(kind)
                        )
                    }
                };
                let e = error_with_text(
                    source,
                    filename,
                    SyntaxErrorKind::SyntaxError,
                    msg,
                    t.range(),
                    text,
                );
                return Brackets {
                    open,
                    error: Some((t.start(), e)),
                };
            }
            _ => {}
        }
    }
    Brackets { open, error: None }
}

/// CPython's indentation check: columns with tabs to multiples of 8 and with
/// tabs as 1 must order the lines the same way, else `TabError`; a dedent must
/// land on an enclosing level.
fn scan_indentation(
    source: &str,
    filename: &str,
    index: &LineIndex,
    tokens: &Tokens,
) -> Option<Found> {
    let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    // Lines inside brackets continue the logical line: no indentation.
    let mut depth = 0usize;
    for t in tokens {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
        if depth > 0
            && !matches!(
                t.kind(),
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace
            )
        {
            at_line_start = false;
            continue;
        }
        match t.kind() {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline
            | TokenKind::Comment
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::EndOfFile => continue,
            _ => {}
        }
        if !at_line_start {
            continue;
        }
        at_line_start = false;
        let line = index.line(t.start());
        let start = index.line_start(line).unwrap_or(0) as usize;
        let indent = source.get(start..usize::from(t.start())).unwrap_or("");
        let (mut col, mut altcol) = (0u32, 0u32);
        for c in indent.chars() {
            match c {
                ' ' => {
                    col += 1;
                    altcol += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                '\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => {}
            }
        }
        let line_range = TextRange::new(TextSize::from(start as u32), t.start());
        let tab_error = || {
            let e = error_with_kind(
                source,
                filename,
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation".to_string(),
                TextRange::empty(line_range.start()),
            );
            Some((t.start(), e))
        };
        let &(top, alttop) = stack.last()?;
        if col == top {
            if altcol != alttop {
                return tab_error();
            }
        } else if col > top {
            if altcol <= alttop {
                return tab_error();
            }
            stack.push((col, altcol));
        } else {
            while stack.len() > 1 && col < stack.last()?.0 {
                stack.pop();
            }
            let &(top, alttop) = stack.last()?;
            if col != top {
                // The tokenizer reports the whole line as read.
                let whole = {
                    let rest = source.get(start..).unwrap_or("");
                    let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
                    &rest[..end]
                };
                let end = TextSize::from((start + whole.len()) as u32);
                let mut e = error_with_kind(
                    source,
                    filename,
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level".to_string(),
                    TextRange::empty(end),
                );
                e.lineno = line;
                e.offset = whole.chars().count() as u32;
                return Some((t.start(), e));
            }
            if altcol != alttop {
                return tab_error();
            }
        }
    }
    None
}

/// From ruff's lexical errors: the first error CPython's tokenizer raises on
/// the spot (unterminated strings, bad characters and numbers), and the
/// first bad dedent (only flagged, see `tokenizer_error`).
fn scan_lexical(
    source: &str,
    filename: &str,
    index: &LineIndex,
    tokens: &Tokens,
    errors: &[ParseError],
) -> (Option<Found>, Option<Found>) {
    let dedent = errors.iter().find_map(|err| {
        if !matches!(
            err.error,
            ParseErrorType::Lexical(LexicalErrorType::IndentationError)
        ) {
            return None;
        }
        // A dedent to no enclosing level; CPython reports the whole line.
        let line = index.line(err.location.start());
        let start = index.line_start(line).unwrap_or(0) as usize;
        let rest = source.get(start..).unwrap_or("");
        let whole = &rest[..rest.find('\n').map_or(rest.len(), |i| i + 1)];
        let mut e = error_with_kind(
            source,
            filename,
            SyntaxErrorKind::IndentationError,
            "unindent does not match any outer indentation level".to_string(),
            err.location,
        );
        e.lineno = line;
        e.offset = whole.chars().count() as u32;
        Some((err.location.start(), e))
    });
    let immediate = errors
        .iter()
        .find_map(|err| immediate_error(source, filename, index, tokens, err));
    (immediate, dedent)
}

fn immediate_error(
    source: &str,
    filename: &str,
    index: &LineIndex,
    tokens: &Tokens,
    err: &ParseError,
) -> Option<Found> {
    if let Some(e) = bad_character_or_number(source, filename, index, err) {
        return Some(e);
    }
    use ruff_python_parser::InterpolatedStringErrorType as F;
    let (start, triple) = match &err.error {
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let s = source
                .get(usize::from(err.location.start())..)
                .unwrap_or("");
            let s = s.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            (
                err.location.start(),
                s.starts_with("'''") || s.starts_with("\"\"\""),
            )
        }
        // An f-string's error is at its end; CPython points at its start.
        ParseErrorType::Lexical(LexicalErrorType::FStringError(
            f @ (F::UnterminatedString | F::UnterminatedTripleQuotedString),
        )) => {
            let start = tokens
                .iter()
                .take_while(|t| t.start() <= err.location.start())
                .filter(|t| t.kind() == TokenKind::FStringStart)
                .last()
                .map_or(err.location.start(), |t| t.start());
            (start, matches!(f, F::UnterminatedTripleQuotedString))
        }
        _ => return None,
    };
    let line = index.line(start);
    let detected = if triple {
        index.line(TextSize::of(crate::errors::eof_text(source)))
    } else {
        line
    };
    let kind = if triple {
        "triple-quoted string"
    } else {
        "string"
    };
    let msg = format!("unterminated {kind} literal (detected at line {detected})");
    let text = Some(bare_line(source, index, start));
    let e = error_with_text(
        source,
        filename,
        SyntaxErrorKind::SyntaxError,
        msg,
        TextRange::empty(start),
        text,
    );
    Some((start, e))
}

/// Characters that start no token and malformed numbers, with the
/// tokenizer's messages (`verify_identifier`, `tok_decimal_tail`).
fn bad_character_or_number(
    source: &str,
    filename: &str,
    index: &LineIndex,
    err: &ParseError,
) -> Option<Found> {
    let at = err.location.start();
    let msg = match &err.error {
        // ASCII characters such as `$` are the parser's plain "invalid syntax".
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) if !tok.is_ascii() => {
            let c = *tok;
            let printable = !(c.is_control()
                || (c.is_whitespace() && c != ' ')
                || matches!(c as u32, 0xad | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x2064 | 0xfeff));
            if printable {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", c as u32)
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::OtherError(m))
            if m.contains("decimal integer literal") =>
        {
            let text = source.get(usize::from(at)..usize::from(err.location.end()))?;
            let digits: String = text.chars().filter(|c| *c != '_').collect();
            if !(digits.starts_with('0') && digits.chars().any(|c| c.is_ascii_digit() && c != '0'))
            {
                return None;
            }
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".to_string()
        }
        _ => return None,
    };
    let text = Some(bare_line(source, index, at));
    let e = error_with_text(
        source,
        filename,
        SyntaxErrorKind::SyntaxError,
        msg,
        TextRange::empty(at),
        text,
    );
    Some((at, e))
}

/// The tokenizer's error for a source the parser rejected, if it has one.
pub(crate) fn tokenizer_error(
    source: &str,
    filename: &str,
    tokens: &Tokens,
    errors: &[ParseError],
) -> Option<SyntaxErrorInfo> {
    let index = LineIndex::new(source);
    let brackets = scan_brackets(source, filename, &index, tokens);
    let first = errors.first()?;
    // Errors CPython's tokenizer raises on the spot (brackets, strings,
    // characters, numbers) override any parser error but an unexpected
    // indent, whose report comes first. Indentation errors (bad dedent,
    // TabError) are only flagged in the token stream: they count only up to
    // where the parser failed.
    let indent_error = matches!(first.error, ParseErrorType::UnexpectedIndentation);
    let (lexical, dedent) = scan_lexical(source, filename, &index, tokens, errors);
    let mut immediate: Vec<Found> = [brackets.error, lexical].into_iter().flatten().collect();
    immediate.sort_by_key(|(at, _)| *at);
    let mut flagged: Vec<Found> = [scan_indentation(source, filename, &index, tokens), dedent]
        .into_iter()
        .flatten()
        .filter(|(at, _)| *at <= first.location.end())
        .collect();
    flagged.sort_by_key(|(at, _)| *at);
    let candidates = immediate
        .into_iter()
        .filter(|(at, _)| !indent_error || *at <= first.location.end())
        .chain(flagged);
    if let Some((_, e)) = candidates.min_by_key(|(at, _)| *at) {
        return Some(e);
    }
    if indent_error {
        return None;
    }
    // Brackets still open at the end: the parser ran into the end of the
    // file, or failed on a later line than the innermost open bracket's.
    let at_eof = matches!(first.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
        || usize::from(first.location.start()) >= source.trim_end().len();
    let later = brackets
        .open
        .last()
        .is_some_and(|&(_, r)| index.line(first.location.start()) > index.line(r.start()));
    if let (true, Some(&(kind, range))) = (at_eof || later, brackets.open.last()) {
        let last_line = index.line(TextSize::of(source.trim_end()));
        let line = index.line(range.start());
        let mut text = bare_line(source, &index, range.start());
        if line == last_line {
            text.push('\n');
        }
        let msg = format!("'{}' was never closed", bracket_char(kind));
        return Some(error_with_text(
            source,
            filename,
            SyntaxErrorKind::SyntaxError,
            msg,
            range,
            Some(text),
        ));
    }
    None
}
