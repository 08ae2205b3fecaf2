//! `'...' % (a, b)` with only simple `%s`/`%r`/`%a` units becomes an f-string,
//! as CPython 3.11's AST optimizer does it (`optimize_format`, `parse_literal`,
//! `simple_format_arg_parse`, `parse_format` in Python/ast_opt.c). This file only
//! decides the pieces; `codegen/expr.rs` compiles them like a `JoinedStr`.

/// One piece of the f-string the format becomes.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text, `%%` already reduced to `%`.
    Text(String),
    /// The `index`th item of the tuple, formatted with `conversion` (`s`, `r`
    /// or `a`) and an optional format spec such as `>5` or `.3`.
    Value {
        index: usize,
        conversion: char,
        spec: Option<String>,
    },
}

/// At most this many digits in a width or precision (`MAXDIGITS` - 1 digits are
/// accepted, as CPython's loop stops at the third).
const MAXDIGITS: usize = 3;

/// The pieces of `fmt % (nargs items)`, or `None` when CPython keeps the `%`
/// operation: any unit other than simple `%s`/`%r`/`%a`, a mapping key, `*`,
/// or a count of units that differs from `nargs`.
pub fn parse(fmt: &str, nargs: usize) -> Option<Vec<Piece>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut pieces = Vec::new();
    let mut count = 0;
    loop {
        if let Some(text) = literal(&chars, &mut pos) {
            pieces.push(Piece::Text(text));
        }
        if pos >= chars.len() {
            break;
        }
        if count >= nargs {
            return None;
        }
        // chars[pos] is the '%' that starts a unit.
        pos += 1;
        pieces.push(unit(&chars, &mut pos, count)?);
        count += 1;
    }
    if count < nargs {
        return None;
    }
    Some(pieces)
}

/// `parse_literal`: text up to the next single `%`.
fn literal(chars: &[char], pos: &mut usize) -> Option<String> {
    let start = *pos;
    let mut p = start;
    while p < chars.len() {
        if chars[p] != '%' {
            p += 1;
        } else if p + 1 < chars.len() && chars[p + 1] == '%' {
            p += 2;
        } else {
            break;
        }
    }
    *pos = p;
    if p == start {
        return None;
    }
    let s: String = chars[start..p].iter().collect();
    Some(s.replace("%%", "%"))
}

/// `simple_format_arg_parse` + `parse_format`: flags, width, precision and the
/// conversion character after a `%`.
fn unit(chars: &[char], pos: &mut usize, index: usize) -> Option<Piece> {
    let mut p = *pos;
    let mut next = || {
        let c = chars.get(p).copied();
        p += 1;
        c
    };
    let mut left_justify = false;
    let mut ch = next()?;
    while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
        if ch == '-' {
            left_justify = true;
        }
        ch = next()?;
    }
    let mut width: Option<u32> = None;
    if ch.is_ascii_digit() {
        let mut w = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            w = w * 10 + d;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
        width = Some(w);
    }
    let mut precision: Option<u32> = None;
    if ch == '.' {
        ch = next()?;
        let mut pr = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            pr = pr * 10 + d;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
        precision = Some(pr);
    }
    *pos = p;
    if !matches!(ch, 's' | 'r' | 'a') {
        return None;
    }
    let mut spec = String::new();
    if !left_justify && width.is_some_and(|w| w > 0) {
        spec.push('>');
    }
    if let Some(w) = width {
        spec.push_str(&w.to_string());
    }
    if let Some(pr) = precision {
        spec.push('.');
        spec.push_str(&pr.to_string());
    }
    Some(Piece::Value {
        index,
        conversion: ch,
        spec: (!spec.is_empty()).then_some(spec),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(index: usize, conversion: char, spec: Option<&str>) -> Piece {
        Piece::Value {
            index,
            conversion,
            spec: spec.map(String::from),
        }
    }

    // Expected pieces read off `dis` of CPython 3.11 compiling each format.
    #[test]
    fn simple_units_become_pieces() {
        assert_eq!(
            parse("a%sb", 1),
            Some(vec![
                Piece::Text("a".into()),
                v(0, 's', None),
                Piece::Text("b".into())
            ])
        );
        assert_eq!(
            parse("%-5s|%+s", 2),
            Some(vec![
                v(0, 's', Some("5")),
                Piece::Text("|".into()),
                v(1, 's', None)
            ])
        );
        assert_eq!(parse("%05s", 1), Some(vec![v(0, 's', Some(">5"))]));
        assert_eq!(parse("%12s", 1), Some(vec![v(0, 's', Some(">12"))]));
        assert_eq!(parse("%.12a", 1), Some(vec![v(0, 'a', Some(".12"))]));
        assert_eq!(parse("%.s", 1), Some(vec![v(0, 's', Some(".0"))]));
        assert_eq!(
            parse("100%% %r", 1),
            Some(vec![Piece::Text("100% ".into()), v(0, 'r', None)])
        );
    }

    #[test]
    fn other_formats_are_kept() {
        assert_eq!(parse("%123s", 1), None);
        assert_eq!(parse("%d", 1), None);
        assert_eq!(parse("%s", 2), None);
        assert_eq!(parse("%s %s", 1), None);
        assert_eq!(parse("x%", 1), None);
        assert_eq!(parse("%(a)s", 1), None);
        assert_eq!(parse("%5.3r%%", 2), None);
    }
}
