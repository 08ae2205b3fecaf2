//! `_string` (Modules/_string.c over Objects/stringlib/unicode_format.h): the
//! format-string parser that string.py's `Formatter` uses, with CPython's
//! `MarkupIterator` and `FieldNameIterator` rules and messages.
//!
//! The VM has no iterator type for Rust-made sequences yet, so both functions
//! parse eagerly and return an iterator over a tuple of the results: a
//! malformed string raises at the call rather than at the failing step (both
//! happen inside the caller's `for` statement in string.py).

use crate::args::{check, fargs};
use pyrs_vm::modules::add_functions;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("formatter_parser", formatter_parser),
    MethodDef::method("formatter_field_name_split", formatter_field_name_split),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    Ok(())
}

/// One step of the markup iterator: literal text, then the field if present.
struct Markup {
    literal: String,
    /// (field name, format spec, conversion) when a replacement field follows.
    field: Option<(String, String, Option<char>)>,
}

/// `get_integer`: a non-empty run of decimal digits as an index, else None.
fn get_integer(vm: &Vm, s: &[char]) -> PyResult<Option<i64>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for &c in s {
        let Some(d) = c.to_digit(10).or_else(|| unicode_decimal(c)) else {
            return Ok(None);
        };
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// The value of a non-ASCII decimal digit (Unicode category Nd), which
/// `str.isdecimal` also accepts: digit blocks are runs of ten from a zero.
fn unicode_decimal(c: char) -> Option<u32> {
    if c.is_ascii() || !c.is_numeric() {
        return None;
    }
    // Find the block's zero: the nearest code point at or below c that is
    // numeric and whose predecessor is not part of the same run of ten.
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0, 0xFF10,
    ];
    let cp = c as u32;
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&cp))
        .map(|&z| cp - z)
}

/// `parse_field`: the replacement field starting at `*pos` (just after its
/// '{'): name, then an optional "!c" conversion and ":spec" (whose nested
/// braces are counted), up to the matching '}'; `*pos` ends after it.
fn parse_field(vm: &Vm, s: &[char], pos: &mut usize) -> PyResult<(String, String, Option<char>)> {
    let start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                // An index may hold any of the terminators.
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    if c != '}' && c != ':' && c != '!' || (*pos == start) {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    let name: String = s[start..*pos - 1].iter().collect();
    if c == '}' {
        return Ok((name, String::new(), None));
    }
    let mut conversion = None;
    if c == '!' {
        if *pos >= s.len() {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        }
        conversion = Some(s[*pos]);
        *pos += 1;
        if *pos < s.len() {
            let next = s[*pos];
            *pos += 1;
            if next == '}' {
                return Ok((name, String::new(), conversion));
            }
            if next != ':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut count = 1;
    while *pos < s.len() {
        let c = s[*pos];
        *pos += 1;
        if c == '{' {
            count += 1;
        } else if c == '}' {
            count -= 1;
            if count == 0 {
                let spec = s[spec_start..*pos - 1].iter().collect();
                return Ok((name, spec, conversion));
            }
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// `MarkupIterator`: the whole string as literal/field steps.
fn parse_markup(vm: &Vm, s: &[char]) -> PyResult<Vec<Markup>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < s.len() {
        let start = pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while pos < s.len() {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = pos >= s.len();
        let mut len = pos - start;
        if c == '}' && markup_follows && (at_end || s[pos] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup_follows {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup_follows {
            if s[pos] == c {
                // An escaped brace: the literal keeps one, no field follows.
                pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        let literal: String = s[start..start + len].iter().collect();
        if !markup_follows {
            out.push(Markup {
                literal,
                field: None,
            });
            continue;
        }
        let field = parse_field(vm, s, &mut pos)?;
        out.push(Markup {
            literal,
            field: Some(field),
        });
    }
    Ok(out)
}

fn str_arg(vm: &Vm, v: &Value) -> Result<Vec<char>, PyErr> {
    match v.as_str() {
        Some(s) => Ok(s.chars().collect()),
        None => Err(vm.type_error(format!("expected str, got {}", vm.type_name(v)))),
    }
}

/// `formatter_parser(s)`: (literal, field_name, format_spec, conversion)
/// tuples; the last three are None where no field follows the literal.
fn formatter_parser(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "formatter_parser", &a, 1, 1)?;
    let s = str_arg(vm, &pos[0])?;
    let steps = parse_markup(vm, &s)?;
    let items: Vec<Value> = steps
        .into_iter()
        .map(|m| {
            let lit = vm.new_str(m.literal);
            match m.field {
                None => vm.new_tuple(vec![lit, Value::None, Value::None, Value::None]),
                Some((name, spec, conv)) => {
                    let conv = conv.map_or(Value::None, |c| vm.new_str(c.to_string()));
                    vm.new_tuple(vec![lit, vm.new_str(name), vm.new_str(spec), conv])
                }
            }
        })
        .collect();
    let t = vm.new_tuple(items);
    vm.iter(&t)
}

/// `formatter_field_name_split(s)`: (first, iterator of (is_attribute, key)),
/// with `first` and item keys made ints when they are all decimal digits.
fn formatter_field_name_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "formatter_field_name_split", &a, 1, 1)?;
    let s = str_arg(vm, &pos[0])?;
    let first_end = s
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(s.len());
    let first_chars = &s[..first_end];
    let first = match get_integer(vm, first_chars)? {
        Some(i) => Value::Int(i),
        None => vm.new_str(first_chars.iter().collect::<String>()),
    };
    let mut rest = Vec::new();
    let mut i = first_end;
    while i < s.len() {
        let c = s[i];
        i += 1;
        let (is_attr, name) = match c {
            '.' => {
                let start = i;
                while i < s.len() && s[i] != '.' && s[i] != '[' {
                    i += 1;
                }
                (true, &s[start..i])
            }
            '[' => {
                let start = i;
                while i < s.len() && s[i] != ']' {
                    i += 1;
                }
                if i >= s.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let name = &s[start..i];
                i += 1;
                (false, name)
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        };
        if name.is_empty() {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        let key = match (is_attr, get_integer(vm, name)?) {
            (false, Some(n)) => Value::Int(n),
            _ => vm.new_str(name.iter().collect::<String>()),
        };
        rest.push(vm.new_tuple(vec![Value::Bool(is_attr), key]));
    }
    let rest = vm.new_tuple(rest);
    let it = vm.iter(&rest)?;
    Ok(vm.new_tuple(vec![first, it]))
}
