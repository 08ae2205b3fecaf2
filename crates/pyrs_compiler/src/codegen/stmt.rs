//! Simple statements: `compiler_visit_stmt` of CPython 3.11 Python/compile.c for
//! assignments, augmented and annotated assignment, expression statements,
//! imports, raise, assert, delete, global/nonlocal and pass. Compound statements
//! are in control.rs.

use super::{CResult, Compiler, Ctx};
use crate::codegen::expr::binop_arg;
use pyrs_bytecode::opcode::nb;
use pyrs_bytecode::{Const, Opcode};
use pyrs_syntax::ast::{self, Expr, Stmt};
use pyrs_syntax::Ranged;
use std::rc::Rc;

/// `find_ann`: does a body (not nested functions or classes) hold an annotation?
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// `compiler_visit_stmt`.
    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_nesting(s.range())?;
        let range = match s {
            Stmt::FunctionDef(f) => self.def_range(f.range, &f.decorator_list),
            Stmt::ClassDef(c) => self.def_range(c.range, &c.decorator_list),
            Stmt::For(_)
            | Stmt::While(_)
            | Stmt::If(_)
            | Stmt::With(_)
            | Stmt::Try(_)
            | Stmt::Match(_) => self.compound_range(s.range()),
            _ => s.range(),
        };
        self.set_loc(range);
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.visit_function_def(f),
            Stmt::ClassDef(c) => self.visit_class_def(c),
            Stmt::Return(r) => self.visit_return(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i < n - 1 {
                        self.addop_i(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.visit_augassign(a),
            Stmt::AnnAssign(a) => self.visit_annassign(a),
            Stmt::For(f) => self.visit_for(f),
            Stmt::While(w) => self.visit_while(w),
            Stmt::If(i) => self.visit_if(i.range, &i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => {
                if w.is_async {
                    self.visit_async_with(w, 0)
                } else {
                    self.visit_with(w, 0)
                }
            }
            Stmt::Match(m) => self.visit_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.addop_i(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(t) => self.visit_try(t),
            Stmt::Assert(a) => self.visit_assert(a),
            Stmt::Import(i) => self.visit_import(i),
            Stmt::ImportFrom(i) => self.visit_import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.visit_stmt_expr(&e.value),
            Stmt::Pass(_) => {
                self.addop(Opcode::NOP);
                Ok(())
            }
            Stmt::Break(b) => self.visit_break(b.range),
            Stmt::Continue(c) => self.visit_continue(c.range),
            Stmt::TypeAlias(t) => Err(self.error("invalid syntax", t.range)),
            Stmt::IpyEscapeCommand(c) => Err(self.error("invalid syntax", c.range)),
        }
    }

    /// `compiler_visit_stmt_expr`.
    fn visit_stmt_expr(&mut self, value: &'a Expr) -> CResult {
        if self.interactive && self.units.len() <= 1 {
            self.visit_expr(value)?;
            self.addop(Opcode::PRINT_EXPR);
            return Ok(());
        }
        if self.const_of(value).is_some() {
            // A constant statement (a string used as a comment) compiles to NOP.
            self.addop(Opcode::NOP);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.addop(Opcode::POP_TOP);
        Ok(())
    }

    /// `compiler_augassign`.
    fn visit_augassign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let e = &*a.target;
        let saved = self.u().loc;
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.addop_i(Opcode::COPY, 1);
                self.update_start_location_to_match_attr(at);
                self.addop_name(Opcode::LOAD_ATTR, &at.attr);
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                self.visit_expr(&sub.slice)?;
                self.addop_i(Opcode::COPY, 2);
                self.addop_i(Opcode::COPY, 2);
                self.addop(Opcode::BINARY_SUBSCR);
            }
            Expr::Name(n) => self.nameop(&n.id, Ctx::Load, n.range)?,
            _ => return Err(self.error("illegal expression for augmented assignment", e.range())),
        }
        self.u().loc = saved;
        self.visit_expr(&a.value)?;
        self.addop_i(Opcode::BINARY_OP, binop_arg(a.op) + nb::INPLACE);
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.update_start_location_to_match_attr(at);
                self.addop_i(Opcode::SWAP, 2);
                self.addop_name(Opcode::STORE_ATTR, &at.attr);
            }
            Expr::Subscript(_) => {
                self.addop_i(Opcode::SWAP, 3);
                self.addop_i(Opcode::SWAP, 2);
                self.addop(Opcode::STORE_SUBSCR);
            }
            Expr::Name(n) => self.nameop(&n.id, Ctx::Store, n.range)?,
            _ => {}
        }
        Ok(())
    }

    /// `compiler_annassign`.
    fn visit_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        let future =
            self.options.future_flags & pyrs_bytecode::code::flags::CO_FUTURE_ANNOTATIONS != 0;
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                let module_or_class = matches!(
                    self.u_ref().scope_type,
                    crate::unit::ScopeType::Module | crate::unit::ScopeType::Class
                );
                if a.simple && module_or_class {
                    if future {
                        let text = crate::unparse::unparse(&a.annotation);
                        self.load_const(Const::Str(Rc::from(text.as_str())));
                    } else {
                        self.visit_expr(&a.annotation)?;
                    }
                    self.addop_name(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = self.mangle(&n.id);
                    self.load_const(Const::Str(Rc::from(mangled.as_str())));
                    self.addop(Opcode::STORE_SUBSCR);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.visit_expr(&at.value)?;
                    self.addop(Opcode::POP_TOP);
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.visit_expr(&sub.value)?;
                    self.addop(Opcode::POP_TOP);
                    self.visit_expr(&sub.slice)?;
                    self.addop(Opcode::POP_TOP);
                }
            }
            other => {
                return Err(self.error("invalid node type for annotated assignment", other.range()))
            }
        }
        // Annotations of complex targets and in functions are evaluated only
        // when they are not simple names (`check_annotation`).
        if !a.simple && !future {
            let is_module_or_class = matches!(
                self.u_ref().scope_type,
                crate::unit::ScopeType::Module | crate::unit::ScopeType::Class
            );
            if is_module_or_class {
                self.visit_expr(&a.annotation)?;
                self.addop(Opcode::POP_TOP);
            }
        }
        Ok(())
    }

    /// `compiler_assert`.
    fn visit_assert(&mut self, a: &'a ast::StmtAssert) -> CResult {
        if self.options.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(&a.test, end, true)?;
        self.addop(Opcode::LOAD_ASSERTION_ERROR);
        if let Some(m) = &a.msg {
            self.visit_expr(m)?;
            self.addop_i(Opcode::PRECALL, 0);
            self.addop_i(Opcode::CALL, 0);
        }
        self.addop_i(Opcode::RAISE_VARARGS, 1);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_import`.
    fn visit_import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            self.load_const(Const::Int(0.into()));
            self.load_const(Const::None);
            self.addop_name(Opcode::IMPORT_NAME, &alias.name);
            let name = alias.name.as_str();
            if let Some(asname) = &alias.asname {
                let mut parts = name.split('.');
                parts.next();
                let rest: Vec<&str> = parts.collect();
                if !rest.is_empty() {
                    for (k, attr) in rest.iter().enumerate() {
                        self.addop_name_raw(Opcode::IMPORT_FROM, attr);
                        if k + 1 < rest.len() {
                            self.addop_i(Opcode::SWAP, 2);
                            self.addop(Opcode::POP_TOP);
                        }
                    }
                    self.nameop(asname, Ctx::Store, asname.range)?;
                    self.addop(Opcode::POP_TOP);
                } else {
                    self.nameop(asname, Ctx::Store, asname.range)?;
                }
            } else {
                let first = name.split('.').next().unwrap_or(name);
                self.nameop(first, Ctx::Store, alias.range)?;
            }
        }
        Ok(())
    }

    /// `compiler_from_import`.
    fn visit_import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        self.load_const(Const::Int(i.level.into()));
        let names: Vec<Const> = i
            .names
            .iter()
            .map(|a| Const::Str(Rc::from(a.name.as_str())))
            .collect();
        if i.module
            .as_ref()
            .is_some_and(|m| m.as_str() == "__future__")
        {
            // Future imports are valid only at the top (the parser does not check it).
            if self.line_of(i.range) > self.future_lineno {
                return Err(self.error(
                    "from __future__ imports must occur at the beginning of the file",
                    i.range,
                ));
            }
        }
        self.load_const(Const::Tuple(Rc::from(names)));
        match &i.module {
            Some(m) => self.addop_name(Opcode::IMPORT_NAME, m),
            None => self.addop_name(Opcode::IMPORT_NAME, ""),
        }
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.as_str() == "*" {
                self.addop(Opcode::IMPORT_STAR);
                return Ok(());
            }
            self.addop_name(Opcode::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store, Ctx::Store, alias.range)?;
        }
        self.addop(Opcode::POP_TOP);
        Ok(())
    }
}
