//! An expression back to source text, as CPython's `_PyAST_ExprAsUnicode`
//! writes it for `from __future__ import annotations` (Python/ast_unparse.c):
//! canonical spacing, parentheses only where precedence needs them, constants
//! by their `repr()`. Annotations are unparsed before constant folding.

use crate::const_eq::repr;
use crate::fold::parse_int;
use pyrs_bytecode::Const;
use pyrs_syntax::ast::{self, BoolOp, CmpOp, Expr, Number, Operator, UnaryOp};
use std::rc::Rc;

// Precedence levels of ast_unparse.c, lowest first.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode`.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST, 0);
    out
}

/// Deeper than this, CPython's compiler would have refused the source long
/// before; stop instead of overflowing the stack.
const MAX_DEPTH: u32 = 1000;

fn paren_if(out: &mut String, cond: bool, s: &str) {
    if cond {
        out.push_str(s);
    }
}

fn join<'a>(out: &mut String, items: impl IntoIterator<Item = &'a Expr>, level: u8, depth: u32) {
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, level, depth);
    }
}

fn constant(out: &mut String, c: &Const) {
    // `inf` is not a literal: CPython writes a number too big to be finite.
    let text = repr(c)
        .replace("inf", "1e309")
        .replace("nan", "(1e309-1e309)");
    out.push_str(&text);
}

fn expr(out: &mut String, e: &Expr, level: u8, depth: u32) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    let d = depth + 1;
    match e {
        Expr::BoolOp(b) => {
            let (pr, op) = match b.op {
                BoolOp::And => (PR_AND, " and "),
                BoolOp::Or => (PR_OR, " or "),
            };
            paren_if(out, level > pr, "(");
            for (i, v) in b.values.iter().enumerate() {
                if i > 0 {
                    out.push_str(op);
                }
                expr(out, v, pr + 1, d);
            }
            paren_if(out, level > pr, ")");
        }
        Expr::BinOp(b) => {
            let (pr, op) = match b.op {
                Operator::Add => (PR_ARITH, " + "),
                Operator::Sub => (PR_ARITH, " - "),
                Operator::Mult => (PR_TERM, " * "),
                Operator::MatMult => (PR_TERM, " @ "),
                Operator::Div => (PR_TERM, " / "),
                Operator::FloorDiv => (PR_TERM, " // "),
                Operator::Mod => (PR_TERM, " % "),
                Operator::LShift => (PR_SHIFT, " << "),
                Operator::RShift => (PR_SHIFT, " >> "),
                Operator::BitOr => (PR_BOR, " | "),
                Operator::BitXor => (PR_BXOR, " ^ "),
                Operator::BitAnd => (PR_BAND, " & "),
                Operator::Pow => (PR_POWER, " ** "),
            };
            let rassoc = u8::from(b.op == Operator::Pow);
            paren_if(out, level > pr, "(");
            expr(out, &b.left, pr + rassoc, d);
            out.push_str(op);
            expr(out, &b.right, pr + 1 - rassoc, d);
            paren_if(out, level > pr, ")");
        }
        Expr::UnaryOp(u) => {
            let (pr, op) = match u.op {
                UnaryOp::Invert => (PR_FACTOR, "~"),
                UnaryOp::Not => (PR_NOT, "not "),
                UnaryOp::UAdd => (PR_FACTOR, "+"),
                UnaryOp::USub => (PR_FACTOR, "-"),
            };
            paren_if(out, level > pr, "(");
            out.push_str(op);
            expr(out, &u.operand, pr, d);
            paren_if(out, level > pr, ")");
        }
        Expr::Lambda(l) => {
            paren_if(out, level > PR_TEST, "(");
            out.push_str("lambda");
            if let Some(p) = &l.parameters {
                let mut args = String::new();
                parameters(&mut args, p, d);
                if !args.is_empty() {
                    out.push(' ');
                    out.push_str(&args);
                }
            }
            out.push_str(": ");
            expr(out, &l.body, PR_TEST, d);
            paren_if(out, level > PR_TEST, ")");
        }
        Expr::If(i) => {
            paren_if(out, level > PR_TEST, "(");
            expr(out, &i.body, PR_TEST + 1, d);
            out.push_str(" if ");
            expr(out, &i.test, PR_TEST + 1, d);
            out.push_str(" else ");
            expr(out, &i.orelse, PR_TEST, d);
            paren_if(out, level > PR_TEST, ")");
        }
        Expr::Dict(di) => {
            out.push('{');
            for (i, item) in di.items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match &item.key {
                    Some(k) => {
                        expr(out, k, PR_TEST, d);
                        out.push_str(": ");
                        expr(out, &item.value, PR_TEST, d);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, &item.value, PR_BOR, d);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(s) => {
            out.push('{');
            join(out, &s.elts, PR_TEST, d);
            out.push('}');
        }
        Expr::ListComp(c) => {
            out.push('[');
            expr(out, &c.elt, PR_TEST, d);
            comprehensions(out, &c.generators, d);
            out.push(']');
        }
        Expr::SetComp(c) => {
            out.push('{');
            expr(out, &c.elt, PR_TEST, d);
            comprehensions(out, &c.generators, d);
            out.push('}');
        }
        Expr::DictComp(c) => {
            out.push('{');
            if let Some(k) = &c.key {
                expr(out, k, PR_TEST, d);
            }
            out.push_str(": ");
            expr(out, &c.value, PR_TEST, d);
            comprehensions(out, &c.generators, d);
            out.push('}');
        }
        Expr::Generator(g) => {
            out.push('(');
            expr(out, &g.elt, PR_TEST, d);
            comprehensions(out, &g.generators, d);
            out.push(')');
        }
        Expr::Await(a) => {
            paren_if(out, level > PR_AWAIT, "(");
            out.push_str("await ");
            expr(out, &a.value, PR_ATOM, d);
            paren_if(out, level > PR_AWAIT, ")");
        }
        Expr::Yield(y) => match &y.value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST, d);
                out.push(')');
            }
        },
        Expr::YieldFrom(y) => {
            out.push_str("(yield from ");
            expr(out, &y.value, PR_TEST, d);
            out.push(')');
        }
        Expr::Compare(c) => {
            paren_if(out, level > PR_CMP, "(");
            expr(out, &c.left, PR_CMP + 1, d);
            for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, right, PR_CMP + 1, d);
            }
            paren_if(out, level > PR_CMP, ")");
        }
        Expr::Call(c) => {
            expr(out, &c.func, PR_ATOM, d);
            let args = &c.arguments;
            if let ([Expr::Generator(g)], true) = (&args.args[..], args.keywords.is_empty()) {
                // The call's parentheses are the generator's.
                expr(out, &Expr::Generator(g.clone()), PR_TEST, d);
                return;
            }
            out.push('(');
            let mut first = true;
            for a in args.args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST, d);
            }
            for k in args.keywords.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name.as_str());
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, PR_TEST, d);
            }
            out.push(')');
        }
        Expr::FString(f) => fstring(out, f, d),
        Expr::StringLiteral(s) => constant(out, &Const::Str(Rc::from(s.value.to_str()))),
        Expr::BytesLiteral(b) => {
            let mut v = Vec::new();
            for part in b.value.iter() {
                v.extend_from_slice(&part.value);
            }
            constant(out, &Const::Bytes(Rc::from(v)));
        }
        Expr::NumberLiteral(n) => constant(
            out,
            &match &n.value {
                Number::Int(i) => Const::Int(parse_int(i)),
                Number::Float(f) => Const::Float(*f),
                Number::Complex { real, imag } => Const::Complex {
                    real: *real,
                    imag: *imag,
                },
            },
        ),
        Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
        Expr::NoneLiteral(_) => out.push_str("None"),
        Expr::EllipsisLiteral(_) => out.push_str("..."),
        Expr::Attribute(a) => {
            expr(out, &a.value, PR_ATOM, d);
            // `1 .real`: a bare int literal needs a space before the dot.
            let int_literal =
                matches!(&*a.value, Expr::NumberLiteral(n) if matches!(n.value, Number::Int(_)));
            out.push_str(if int_literal { " ." } else { "." });
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            expr(out, &s.value, PR_ATOM, d);
            out.push('[');
            expr(out, &s.slice, PR_TUPLE, d);
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            expr(out, &s.value, PR_BOR, d);
        }
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::List(l) => {
            out.push('[');
            join(out, &l.elts, PR_TEST, d);
            out.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
                return;
            }
            paren_if(out, level > PR_TUPLE, "(");
            join(out, &t.elts, PR_TEST, d);
            if t.elts.len() == 1 {
                out.push(',');
            }
            paren_if(out, level > PR_TUPLE, ")");
        }
        Expr::Slice(s) => {
            if let Some(l) = &s.lower {
                expr(out, l, PR_TEST, d);
            }
            out.push(':');
            if let Some(u) = &s.upper {
                expr(out, u, PR_TEST, d);
            }
            if let Some(st) = &s.step {
                out.push(':');
                expr(out, st, PR_TEST, d);
            }
        }
        Expr::Named(n) => {
            paren_if(out, level > PR_TUPLE, "(");
            expr(out, &n.target, PR_ATOM, d);
            out.push_str(" := ");
            expr(out, &n.value, PR_ATOM, d);
            paren_if(out, level > PR_TUPLE, ")");
        }
        Expr::TString(_) | Expr::IpyEscapeCommand(_) => out.push_str("..."),
    }
}

fn comprehensions(out: &mut String, gens: &[ast::Comprehension], d: u32) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE, d);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1, d);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1, d);
        }
    }
}

/// `append_ast_args` (lambda parameters; they have no annotations).
fn parameters(out: &mut String, p: &ast::Parameters, d: u32) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional = p.posonlyargs.iter().chain(p.args.iter());
    for (i, a) in positional.enumerate() {
        sep(out);
        out.push_str(a.parameter.name.as_str());
        if let Some(def) = &a.default {
            out.push('=');
            expr(out, def, PR_TEST, d);
        }
        if i + 1 == p.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if p.vararg.is_some() || !p.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &p.vararg {
            out.push_str(v.name.as_str());
        }
    }
    for a in p.kwonlyargs.iter() {
        sep(out);
        out.push_str(a.parameter.name.as_str());
        if let Some(def) = &a.default {
            out.push('=');
            expr(out, def, PR_TEST, d);
        }
    }
    if let Some(k) = &p.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(k.name.as_str());
    }
}

/// `append_joinedstr`: the body with braces doubled, then `f` + its repr.
fn fstring(out: &mut String, f: &ast::ExprFString, d: u32) {
    let mut body = String::new();
    for part in f.value.iter() {
        match part {
            ast::FStringPart::Literal(s) => {
                body.push_str(&s.value.replace('{', "{{").replace('}', "}}"))
            }
            ast::FStringPart::FString(fs) => fstring_elements(&mut body, &fs.elements, d),
        }
    }
    out.push('f');
    out.push_str(&repr(&Const::Str(Rc::from(body.as_str()))));
}

fn fstring_elements(body: &mut String, elements: &ast::InterpolatedStringElements, d: u32) {
    for el in elements.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => {
                body.push_str(&l.value.replace('{', "{{").replace('}', "}}"))
            }
            ast::InterpolatedStringElement::Interpolation(i) => {
                let mut inner = String::new();
                expr(&mut inner, &i.expression, PR_TEST + 1, d);
                body.push('{');
                if inner.starts_with('{') {
                    // Keep `{ {...}` from reading as an escaped brace.
                    body.push(' ');
                }
                body.push_str(&inner);
                match i.conversion {
                    ast::ConversionFlag::Str => body.push_str("!s"),
                    ast::ConversionFlag::Repr => body.push_str("!r"),
                    ast::ConversionFlag::Ascii => body.push_str("!a"),
                    ast::ConversionFlag::None => {}
                }
                if let Some(spec) = &i.format_spec {
                    body.push(':');
                    fstring_elements(body, &spec.elements, d + 1);
                }
                body.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unparse;
    use pyrs_syntax::{parse, ParseMode, Parsed};

    fn roundtrip(src: &str) -> String {
        match parse(src, "<t>", ParseMode::Expression) {
            Ok(Parsed::Expression(e)) => unparse(&e.body),
            _ => "parse error".into(),
        }
    }

    // Expected strings are CPython's: compile('x: <src>', ..., flags=annotations).
    #[test]
    fn unparse_matches_cpython() {
        assert_eq!(roundtrip("\"str\""), "'str'");
        assert_eq!(roundtrip("Optional[ int ]"), "Optional[int]");
        assert_eq!(roundtrip("a|b"), "a | b");
        assert_eq!(roundtrip("(a+b)*c"), "(a + b) * c");
        assert_eq!(roundtrip("a**-b"), "a ** (-b)");
        assert_eq!(
            roundtrip("dict[str,tuple[int,...]]"),
            "dict[str, tuple[int, ...]]"
        );
        assert_eq!(
            roundtrip("lambda x,*a,k=1,**kw: x"),
            "lambda x, *a, k=1, **kw: x"
        );
        assert_eq!(roundtrip("f(x for x in y)"), "f(x for x in y)");
        assert_eq!(roundtrip("-1 ** 2"), "-1 ** 2");
        assert_eq!(roundtrip("(-1) ** 2"), "(-1) ** 2");
        assert_eq!(roundtrip("1e16"), "1e+16");
        assert_eq!(roundtrip("1e400"), "1e309");
        assert_eq!(roundtrip("f\"{x!r:>{w}} {{}}\""), "f'{x!r:>{w}} {{}}'");
        assert_eq!(roundtrip("1 .real"), "1 .real");
        assert_eq!(roundtrip("x[1:2, ::3]"), "x[1:2, ::3]");
        assert_eq!(roundtrip("not a and b"), "not a and b");
    }
}
