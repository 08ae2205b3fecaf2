//! Compound statements and the frame-block unwinding behind `return`, `break`
//! and `continue`: if, while, for, try/except/finally, with (CPython 3.11
//! Python/compile.c: `compiler_if`, `compiler_for`, `compiler_while`,
//! `compiler_try_except`, `compiler_try_finally`, `compiler_with`,
//! `compiler_unwind_fblock*`).

use super::{CResult, Compiler, Ctx};
use crate::ir::BlockId;
use crate::unit::{FBlock, FBlockKind, ScopeType};
use pyrs_bytecode::{Const, Opcode};
use pyrs_symtable::BlockType;
use pyrs_syntax::ast::{self, Expr, Stmt};
use pyrs_syntax::{Ranged, TextRange};

impl<'a> Compiler<'a> {
    pub(crate) fn visit_body(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// `compiler_if`; ruff's `elif` clauses become the nested `If` statements
    /// CPython's AST has, each spanning from its `elif` to the end of the chain.
    pub fn visit_if(
        &mut self,
        range: TextRange,
        test: &'a Expr,
        body: &'a [Stmt],
        clauses: &'a [ast::ElifElseClause],
    ) -> CResult {
        let end = self.new_block();
        let next = if clauses.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false)?;
        self.visit_body(body)?;
        if let Some(first) = clauses.first() {
            self.addop_j_noline(Opcode::JUMP, end);
            self.use_next_block(next);
            match &first.test {
                Some(t) => {
                    let r = TextRange::new(first.range.start(), range.end());
                    self.enter_nesting(r)?;
                    self.set_loc(r);
                    let res = self.visit_if(r, t, &first.body, &clauses[1..]);
                    self.depth -= 1;
                    res?;
                }
                None => self.visit_body(&first.body)?,
            }
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_while`: the test is compiled twice, before the loop and at its
    /// bottom.
    pub fn visit_while(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let lp = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(
            FBlockKind::WhileLoop,
            Some(lp),
            Some(end),
            self.compound_range(w.range),
        )?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_next_block(body);
        self.visit_body(&w.body)?;
        self.set_loc(self.compound_range(w.range));
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_body(&w.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_for`.
    pub fn visit_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        if f.is_async {
            return self.visit_async_for(f);
        }
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(
            FBlockKind::ForLoop,
            Some(start),
            Some(end),
            self.compound_range(f.range),
        )?;
        self.visit_for_iter(&f.iter)?;
        self.addop(Opcode::GET_ITER);
        self.use_next_block(start);
        self.addop_j(Opcode::FOR_ITER, cleanup);
        self.use_next_block(body);
        self.visit_expr(&f.target)?;
        self.visit_body(&f.body)?;
        self.unset_loc();
        self.addop_j(Opcode::JUMP, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_body(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// The iterable of a `for` or a comprehension (ast_opt's `fold_iter`): a
    /// constant list becomes a constant tuple and a constant set a frozenset;
    /// any other list without `*` is built as a tuple.
    pub(crate) fn visit_for_iter(&mut self, e: &'a Expr) -> CResult {
        let (elts, set) = match e {
            Expr::List(l) => (Some(&l.elts), false),
            Expr::Set(s) => (Some(&s.elts), true),
            _ => (None, false),
        };
        if let Some(elts) = elts {
            let consts: Option<Vec<Const>> = elts.iter().map(|x| self.const_of(x)).collect();
            if let Some(items) = consts {
                let saved = self.u().loc;
                self.set_loc(e.range());
                self.load_const(if set {
                    Const::FrozenSet(std::rc::Rc::from(crate::const_eq::set_items(items)))
                } else {
                    Const::Tuple(std::rc::Rc::from(items))
                });
                self.u().loc = saved;
                return Ok(());
            }
            if !set && !elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                let saved = self.u().loc;
                self.set_loc(e.range());
                self.starunpack_helper(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?;
                self.u().loc = saved;
                return Ok(());
            }
        }
        self.visit_expr(e)
    }

    /// `compiler_async_for`.
    fn visit_async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        if self.is_top_level_await() {
            self.mark_coroutine();
        } else if !matches!(self.u_ref().scope_type, ScopeType::AsyncFunction) {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.addop(Opcode::GET_AITER);
        self.use_next_block(start);
        self.push_fblock(
            FBlockKind::ForLoop,
            Some(start),
            Some(end),
            self.compound_range(f.range),
        )?;
        self.addop_j(Opcode::SETUP_FINALLY, except);
        self.addop(Opcode::GET_ANEXT);
        self.load_const(Const::None);
        self.add_yield_from(true);
        self.addop(Opcode::POP_BLOCK);
        self.visit_expr(&f.target)?;
        self.visit_body(&f.body)?;
        self.unset_loc();
        self.addop_j(Opcode::JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        // END_ASYNC_FOR ends the `for`, not the body: the iterator's location.
        self.set_loc(f.iter.range());
        self.addop(Opcode::END_ASYNC_FOR);
        self.visit_body(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_return`.
    pub fn visit_return(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if self.ste_type() != BlockType::Function {
            return Err(self.error("'return' outside function", r.range));
        }
        let ste = self.symtable.entry(self.u_ref().ste);
        if r.value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator", r.range));
        }
        let value_const = r.value.as_ref().and_then(|v| self.const_of(v));
        let preserve_tos = r.value.is_some() && value_const.is_none();
        if preserve_tos {
            if let Some(v) = &r.value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = &r.value {
            self.set_loc(v.range());
            self.addop(Opcode::NOP);
        }
        let same_line = r
            .value
            .as_ref()
            .is_some_and(|v| self.line_of(v.range()) == self.line_of(r.range));
        if !same_line {
            self.set_loc(r.range);
            self.addop(Opcode::NOP);
        }
        // Errors point where CPython's current location is: a constant
        // value's own range when it is on the statement's line.
        let loc_range = match &r.value {
            Some(v) if !preserve_tos && same_line => v.range(),
            _ => r.range,
        };
        self.unwind_fblock_stack(preserve_tos, false, loc_range)?;
        match (&r.value, value_const) {
            (None, _) => self.load_const(Const::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        // No NEXT_BLOCK: when `return` ends the body, the current block
        // returns and `exit_scope` adds no `return None` (nor its None
        // constant). Whatever follows starts a block in push_instr.
        self.addop(Opcode::RETURN_VALUE);
        Ok(())
    }

    /// `compiler_break`.
    pub fn visit_break(&mut self, range: TextRange) -> CResult {
        self.addop(Opcode::NOP);
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return Err(self.error("'break' outside loop", range));
        };
        self.unwind_fblock(&lp, false)?;
        if let Some(exit) = lp.exit {
            self.addop_j(Opcode::JUMP, exit);
        }
        Ok(())
    }

    /// `compiler_continue`.
    pub fn visit_continue(&mut self, range: TextRange) -> CResult {
        self.addop(Opcode::NOP);
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return Err(self.error("'continue' not properly in loop", range));
        };
        if let Some(b) = lp.block {
            self.addop_j(Opcode::JUMP, b);
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: emit the clean-up of every frame block up
    /// to the innermost loop (when `to_loop`), which is returned.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
        range: TextRange,
    ) -> CResult<Option<FBlock>> {
        let Some(top) = self.u_ref().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            ));
        }
        if to_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, to_loop, range)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    /// `compiler_unwind_fblock`.
    fn unwind_fblock(&mut self, info: &FBlock, preserve_tos: bool) -> CResult {
        match &info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_TOP);
            }
            FBlockKind::TryExcept => self.addop(Opcode::POP_BLOCK),
            FBlockKind::FinallyTry(body) => {
                self.addop(Opcode::POP_BLOCK);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, TextRange::default())?;
                }
                let body = self.finally_bodies[*body];
                self.visit_body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_TOP);
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_BLOCK);
                self.addop(Opcode::POP_EXCEPT);
            }
            FBlockKind::With(range) | FBlockKind::AsyncWith(range) => {
                let is_async = matches!(info.kind, FBlockKind::AsyncWith(_));
                self.set_loc(*range);
                self.addop(Opcode::POP_BLOCK);
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if is_async {
                    self.addop_i(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Const::None);
                    self.add_yield_from(true);
                }
                self.addop(Opcode::POP_TOP);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.addop(Opcode::POP_BLOCK);
                }
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_BLOCK);
                self.addop(Opcode::POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Const::None);
                    self.nameop(n, Ctx::Store, TextRange::default())?;
                    self.nameop(n, Ctx::Del, TextRange::default())?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.addop_i(Opcode::SWAP, 2);
                }
                self.addop(Opcode::POP_TOP);
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.addop_i(Opcode::PRECALL, 2);
        self.addop_i(Opcode::CALL, 2);
    }

    /// `POP_EXCEPT_AND_RERAISE`.
    pub(crate) fn pop_except_and_reraise(&mut self) {
        self.addop_i(Opcode::COPY, 3);
        self.addop(Opcode::POP_EXCEPT);
        self.addop_i(Opcode::RERAISE, 1);
    }

    /// `compiler_try`.
    pub fn visit_try(&mut self, t: &'a ast::StmtTry) -> CResult {
        if !t.finalbody.is_empty() {
            self.visit_try_finally(t)
        } else if t.is_star {
            self.visit_try_star_except(t)
        } else {
            self.visit_try_except(t)
        }
    }

    /// `compiler_try_finally`.
    fn visit_try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(Opcode::SETUP_FINALLY, end);
        self.use_next_block(body);
        self.finally_bodies.push(&t.finalbody);
        let idx = self.finally_bodies.len() - 1;
        self.push_fblock(FBlockKind::FinallyTry(idx), Some(body), Some(end), t.range)?;
        if t.is_star && !t.handlers.is_empty() {
            self.visit_try_star_except(t)?;
        } else if !t.handlers.is_empty() {
            self.visit_try_except(t)?;
        } else {
            self.visit_body(&t.body)?;
        }
        self.addop_noline(Opcode::POP_BLOCK);
        self.pop_fblock();
        self.visit_body(&t.finalbody)?;
        self.addop_j_noline(Opcode::JUMP, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.addop_j(Opcode::SETUP_CLEANUP, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, t.range)?;
        self.visit_body(&t.finalbody)?;
        self.pop_fblock();
        self.addop_i(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_try_except`.
    fn visit_try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(Opcode::SETUP_FINALLY, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, t.range)?;
        self.visit_body(&t.body)?;
        self.pop_fblock();
        self.addop_noline(Opcode::POP_BLOCK);
        self.visit_body(&t.orelse)?;
        self.addop_j_noline(Opcode::JUMP, end);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(Opcode::SETUP_CLEANUP, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, t.range)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.addop(Opcode::CHECK_EXC_MATCH);
                self.addop_j(Opcode::POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, Ctx::Store, name.range)?;
                self.addop_j(Opcode::SETUP_CLEANUP, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name.to_string())),
                    Some(cleanup_body),
                    None,
                    h.range,
                )?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop(Opcode::POP_BLOCK);
                self.addop(Opcode::POP_BLOCK);
                self.addop(Opcode::POP_EXCEPT);
                self.load_const(Const::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
                self.addop_j(Opcode::JUMP, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Const::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
                self.addop_i(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.addop(Opcode::POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(None),
                    Some(cleanup_body),
                    None,
                    h.range,
                )?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop(Opcode::POP_BLOCK);
                self.addop(Opcode::POP_EXCEPT);
                self.addop_j(Opcode::JUMP, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.addop_i(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_with`: one item at a time, nesting for the rest.
    pub fn visit_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(Opcode::BEFORE_WITH);
        self.addop_j(Opcode::SETUP_WITH, final_);
        self.use_next_block(block);
        self.push_fblock(
            FBlockKind::With(self.compound_range(w.range)),
            Some(block),
            Some(final_),
            w.range,
        )?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(Opcode::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_body(&w.body)?;
        } else {
            self.visit_with(w, pos + 1)?;
        }
        self.unset_loc();
        self.addop(Opcode::POP_BLOCK);
        self.pop_fblock();
        self.set_loc(self.compound_range(w.range));
        self.call_exit_with_nones();
        self.addop(Opcode::POP_TOP);
        self.addop_j(Opcode::JUMP, exit);
        self.use_next_block(final_);
        self.addop_j(Opcode::SETUP_CLEANUP, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        self.addop(Opcode::WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_async_with`.
    pub fn visit_async_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        if self.is_top_level_await() {
            self.mark_coroutine();
        } else if !matches!(self.u_ref().scope_type, ScopeType::AsyncFunction) {
            return Err(self.error("'async with' outside async function", w.range));
        }
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(Opcode::BEFORE_ASYNC_WITH);
        self.addop_i(Opcode::GET_AWAITABLE, 1);
        self.load_const(Const::None);
        self.add_yield_from(true);
        self.addop_j(Opcode::SETUP_WITH, final_);
        self.use_next_block(block);
        self.push_fblock(
            FBlockKind::AsyncWith(self.compound_range(w.range)),
            Some(block),
            Some(final_),
            w.range,
        )?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(Opcode::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_body(&w.body)?;
        } else {
            self.visit_async_with(w, pos + 1)?;
        }
        self.pop_fblock();
        self.unset_loc();
        self.addop(Opcode::POP_BLOCK);
        self.set_loc(self.compound_range(w.range));
        self.call_exit_with_nones();
        self.addop_i(Opcode::GET_AWAITABLE, 2);
        self.load_const(Const::None);
        self.add_yield_from(true);
        self.addop(Opcode::POP_TOP);
        self.addop_j(Opcode::JUMP, exit);
        self.use_next_block(final_);
        self.addop_j(Opcode::SETUP_CLEANUP, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        self.addop(Opcode::WITH_EXCEPT_START);
        self.addop_i(Opcode::GET_AWAITABLE, 2);
        self.load_const(Const::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_with_except_finish`.
    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.addop_j(Opcode::POP_JUMP_IF_TRUE, exit);
        self.addop_i(Opcode::RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.addop(Opcode::POP_TOP);
        self.addop(Opcode::POP_BLOCK);
        self.addop(Opcode::POP_EXCEPT);
        self.addop(Opcode::POP_TOP);
        self.addop(Opcode::POP_TOP);
    }
}
