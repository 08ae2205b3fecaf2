//! What CPython's error rules call an expression (`_PyPegen_get_expr_name` in
//! Parser/pegen.c), and finding the expression a ruff error points at, so
//! that invalid targets get CPython's "cannot assign to function call",
//! "cannot delete literal", ... messages (Grammar/python.gram `invalid_*`).

use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::IpyEscapeCommand(_) | Expr::Slice(_) => "expression",
    }
}

/// The expression spanning exactly `range`, and whether it is the single
/// whole target of an `x = ...` statement (CPython then suggests `==`).
pub(crate) struct Target<'a> {
    pub expr: &'a Expr,
    pub sole_assign_target: bool,
}

struct Finder<'a> {
    range: TextRange,
    found: Option<&'a Expr>,
    sole: bool,
}

impl<'a> Visitor<'a> for Finder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        if let Stmt::Assign(a) = stmt {
            if let [t] = a.targets.as_slice() {
                if t.range() == self.range {
                    self.found = Some(t);
                    self.sole = true;
                    return;
                }
            }
        }
        walk_stmt(self, stmt);
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        if expr.range() == self.range {
            self.found = Some(expr);
            return;
        }
        walk_expr(self, expr);
    }
}

pub(crate) fn find_target(module: &Mod, range: TextRange) -> Option<Target<'_>> {
    let mut f = Finder {
        range,
        found: None,
        sole: false,
    };
    match module {
        Mod::Module(m) => {
            for s in &m.body {
                f.visit_stmt(s);
            }
        }
        Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found.map(|expr| Target {
        expr,
        sole_assign_target: f.sole,
    })
}

struct EndingAt<'a> {
    after: TextSize,
    end: TextSize,
    found: Option<&'a Expr>,
}

impl<'a> Visitor<'a> for EndingAt<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        let r = expr.range();
        if r.end() == self.end && r.start() >= self.after {
            // The outermost one wins: it is visited first.
            if self.found.is_none() {
                self.found = Some(expr);
            }
            return;
        }
        if r.start() <= self.end && r.end() >= self.end {
            walk_expr(self, expr);
        }
    }
}

/// The outermost expression that starts at or after `after` and ends at `end`.
pub(crate) fn expr_ending_at(module: &Mod, after: TextSize, end: TextSize) -> Option<&Expr> {
    let mut f = EndingAt {
        after,
        end,
        found: None,
    };
    match module {
        Mod::Module(m) => {
            for s in &m.body {
                f.visit_stmt(s);
            }
        }
        Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found
}
