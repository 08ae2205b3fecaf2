//! Comprehensions and generator expressions: each is a nested function called
//! with the outermost iterator (`compiler_comprehension`,
//! `compiler_sync_comprehension_generator` and the async variant of CPython 3.11
//! Python/compile.c).

use super::{CResult, Compiler};
use crate::unit::{FBlockKind, ScopeType};
use pyrs_bytecode::{Const, Opcode};
use pyrs_syntax::ast::{self, Expr};
use pyrs_syntax::{Ranged, TextRange};

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompType {
    GenExp,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    pub fn visit_listcomp(&mut self, c: &'a ast::ExprListComp) -> CResult {
        self.comprehension(
            c,
            c.range,
            CompType::List,
            "<listcomp>",
            &c.generators,
            &c.elt,
            None,
        )
    }
    pub fn visit_setcomp(&mut self, c: &'a ast::ExprSetComp) -> CResult {
        self.comprehension(
            c,
            c.range,
            CompType::Set,
            "<setcomp>",
            &c.generators,
            &c.elt,
            None,
        )
    }
    pub fn visit_dictcomp(&mut self, c: &'a ast::ExprDictComp) -> CResult {
        let Some(key) = &c.key else {
            return Err(self.error("invalid syntax", c.range));
        };
        self.comprehension(
            c,
            c.range,
            CompType::Dict,
            "<dictcomp>",
            &c.generators,
            key,
            Some(&c.value),
        )
    }
    pub fn visit_genexp(&mut self, c: &'a ast::ExprGenerator) -> CResult {
        let range = self.genexp_range(c);
        self.comprehension(
            c,
            range,
            CompType::GenExp,
            "<genexpr>",
            &c.generators,
            &c.elt,
            None,
        )
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        range: TextRange,
        typ: CompType,
        name: &str,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult {
        let outer_scope_type = self.u_ref().scope_type;
        let is_top_level_await = self.is_top_level_await();
        let ste = self.scope_for(node, range)?;
        let lineno = self.line_of(range);
        let Some(outermost) = generators.first() else {
            return Err(self.error("invalid syntax", range));
        };
        let outer_loc = self.u().loc;
        self.enter_scope(name, ScopeType::Comprehension, ste, lineno)?;
        self.u().loc = outer_loc;
        let is_async_generator = self.symtable.entry(ste).coroutine;
        if is_async_generator
            && typ != CompType::GenExp
            && !matches!(
                outer_scope_type,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
            && !is_top_level_await
        {
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            ));
        }
        match typ {
            CompType::List => self.addop_i(Opcode::BUILD_LIST, 0),
            CompType::Set => self.addop_i(Opcode::BUILD_SET, 0),
            CompType::Dict => self.addop_i(Opcode::BUILD_MAP, 0),
            CompType::GenExp => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, typ)?;
        if typ != CompType::GenExp {
            self.addop(Opcode::RETURN_VALUE);
        }
        let qualname = self.u_ref().qualname.clone();
        let co = self.exit_scope(true)?;
        if is_top_level_await && is_async_generator {
            self.mark_coroutine();
        }
        self.make_closure(co, 0, &qualname, range)?;
        self.visit_for_iter(&outermost.iter)?;
        if outermost.is_async {
            self.addop(Opcode::GET_AITER);
        } else {
            self.addop(Opcode::GET_ITER);
        }
        self.addop_i(Opcode::PRECALL, 0);
        self.addop_i(Opcode::CALL, 0);
        if is_async_generator && typ != CompType::GenExp {
            self.addop_i(Opcode::GET_AWAITABLE, 0);
            self.load_const(Const::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
    ) -> CResult {
        if generators[gen_index].is_async {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, typ)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, typ)
        }
    }

    fn comprehension_body(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
        if_cleanup: crate::ir::BlockId,
    ) -> CResult {
        let gen = &generators[gen_index];
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        let gen_index = gen_index + 1;
        if gen_index < generators.len() {
            self.comprehension_generator(generators, gen_index, depth, elt, val, typ)?;
        } else {
            match typ {
                CompType::GenExp => {
                    self.visit_expr(elt)?;
                    self.addop_yield();
                    self.addop(Opcode::POP_TOP);
                }
                CompType::List => {
                    self.visit_expr(elt)?;
                    self.addop_i(Opcode::LIST_APPEND, depth + 1);
                }
                CompType::Set => {
                    self.visit_expr(elt)?;
                    self.addop_i(Opcode::SET_ADD, depth + 1);
                }
                CompType::Dict => {
                    self.visit_expr(elt)?;
                    if let Some(v) = val {
                        self.visit_expr(v)?;
                    }
                    self.addop_i(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            // The outermost iterator arrives as the implicit argument `.0`.
            self.u().argcount = 1;
            self.addop_i(Opcode::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]` binds without iterating (not when ast_opt
            // made the iterable a constant).
            let elts = match &gen.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1
                    && !matches!(elts[0], Expr::Starred(_))
                    && self.const_of(&elts[0]).is_none()
                {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_for_iter(&gen.iter)?;
                self.addop(Opcode::GET_ITER);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_next_block(start);
            self.addop_j(Opcode::FOR_ITER, anchor);
        }
        self.visit_expr(&gen.target)?;
        self.comprehension_body(generators, gen_index, depth, elt, val, typ, if_cleanup)?;
        self.use_next_block(if_cleanup);
        if let Some(start) = start {
            self.addop_j(Opcode::JUMP, start);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.addop_i(Opcode::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.addop(Opcode::GET_AITER);
        }
        self.use_next_block(start);
        self.push_fblock(
            FBlockKind::AsyncComprehensionGenerator,
            Some(start),
            None,
            gen.range(),
        )?;
        self.addop_j(Opcode::SETUP_FINALLY, except);
        self.addop(Opcode::GET_ANEXT);
        self.load_const(Const::None);
        self.add_yield_from(true);
        self.addop(Opcode::POP_BLOCK);
        self.visit_expr(&gen.target)?;
        depth += 1;
        self.comprehension_body(generators, gen_index, depth, elt, val, typ, if_cleanup)?;
        self.use_next_block(if_cleanup);
        self.addop_j(Opcode::JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.addop(Opcode::END_ASYNC_FOR);
        Ok(())
    }
}
