//! `try` ... `except*` (PEP 654): `compiler_try_star_except` of CPython 3.11
//! Python/compile.c. The raised group is split handler by handler with
//! CHECK_EG_MATCH; what each handler raises or re-raises, and the unmatched
//! rest, are collected in a list that PREP_RERAISE_STAR turns into the
//! exception to re-raise (or None).
//!
//! Value stack during the handlers: `[orig, res, rest]`, where `orig` is the
//! original group, `res` the list of raised exceptions and `rest` what is left
//! to match.

use super::{CResult, Compiler, Ctx};
use crate::unit::FBlockKind;
use pyrs_bytecode::{Const, Opcode};
use pyrs_syntax::ast;

impl<'a> Compiler<'a> {
    /// `compiler_try_star_except`.
    pub fn visit_try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();

        self.addop_j(Opcode::SETUP_FINALLY, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, t.range)?;
        self.visit_body(&t.body)?;
        self.pop_fblock();
        self.addop_noline(Opcode::POP_BLOCK);
        self.addop_j_noline(Opcode::JUMP, orelse);
        let n = t.handlers.len();

        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(Opcode::SETUP_CLEANUP, cleanup);
        self.addop(Opcode::PUSH_EXC_INFO);
        // The runtime pushes a block here.
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None, t.range)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [exc] -> [orig, [], exc]
                self.addop_i(Opcode::COPY, 1);
                self.addop_i(Opcode::BUILD_LIST, 0);
                self.addop_i(Opcode::SWAP, 2);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.addop(Opcode::CHECK_EG_MATCH);
                self.addop_i(Opcode::COPY, 1);
                self.addop_j(Opcode::POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, Ctx::Store, name.range)?,
                None => self.addop(Opcode::POP_TOP),
            }
            // The handler body runs in a try/finally that unbinds the name.
            self.addop_j(Opcode::SETUP_CLEANUP, cleanup_end);
            self.use_next_block(cleanup_body);
            let bound = h.name.as_ref().map(|n| n.to_string());
            self.push_fblock(
                FBlockKind::HandlerCleanup(bound),
                Some(cleanup_body),
                None,
                h.range,
            )?;
            self.visit_body(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.addop(Opcode::POP_BLOCK);
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
            }
            self.addop_j(Opcode::JUMP, except);

            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
            }
            // What the body raised joins the result list.
            self.addop_i(Opcode::LIST_APPEND, 3);
            self.addop(Opcode::POP_TOP);
            self.addop_j(Opcode::JUMP, except_with_error);

            self.use_next_block(except);
            // Holds a propagated location, which keeps the jump above from
            // being threaded past this block.
            self.addop(Opcode::NOP);
            self.addop_j(Opcode::JUMP, except_with_error);
            self.use_next_block(no_match);
            self.addop(Opcode::POP_TOP);

            self.use_next_block(except_with_error);
            if i == n - 1 {
                // The unmatched rest (None if everything matched) joins too.
                self.addop_i(Opcode::LIST_APPEND, 1);
                self.addop_j(Opcode::JUMP, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();

        self.use_next_block(reraise_star);
        self.addop(Opcode::PREP_RERAISE_STAR);
        self.addop_i(Opcode::COPY, 1);
        self.addop_j(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        // Nothing to re-raise.
        self.addop(Opcode::POP_TOP);
        self.addop(Opcode::POP_BLOCK);
        self.addop(Opcode::POP_EXCEPT);
        self.addop_j(Opcode::JUMP, end);

        self.use_next_block(reraise);
        self.addop(Opcode::POP_BLOCK);
        self.addop_i(Opcode::SWAP, 2);
        self.addop(Opcode::POP_EXCEPT);
        self.addop_i(Opcode::RERAISE, 0);

        self.use_next_block(cleanup);
        self.pop_except_and_reraise();

        self.use_next_block(orelse);
        self.visit_body(&t.orelse)?;

        self.use_next_block(end);
        Ok(())
    }
}
