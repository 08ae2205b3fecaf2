//! Calls: `compiler_call`, `maybe_optimize_method_call` (LOAD_METHOD),
//! `compiler_call_helper` with KW_NAMES or CALL_FUNCTION_EX, of CPython 3.11
//! Python/compile.c.

use super::{CResult, Compiler, STACK_USE_GUIDELINE};
use pyrs_bytecode::{Const, Opcode};
use pyrs_syntax::ast::{self, Expr};
use pyrs_syntax::Ranged;
use std::collections::HashSet;
use std::rc::Rc;

impl<'a> Compiler<'a> {
    /// `compiler_call`.
    pub fn visit_call(&mut self, c: &'a ast::ExprCall) -> CResult {
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        self.set_loc(c.func.range());
        self.addop(Opcode::PUSH_NULL);
        self.set_loc(c.range());
        self.visit_expr(&c.func)?;
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords)
    }

    /// `maybe_optimize_method_call`: `obj.meth(args)` without `*`/`**` becomes
    /// LOAD_METHOD + PRECALL + CALL.
    fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if meth.ctx != ast::ExprContext::Load {
            return Ok(false);
        }
        let args = &c.arguments.args;
        let kwds = &c.arguments.keywords;
        let argsl = args.len();
        let kwdsl = kwds.len();
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kwds.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        // `is_import_originated`: methods of imported modules are plain attributes.
        if let Expr::Name(n) = &*meth.value {
            if self.symtable.entry(0).flags_of(&n.id) & pyrs_symtable::flags::DEF_IMPORT != 0 {
                return Ok(false);
            }
        }
        self.validate_keywords(kwds)?;
        self.visit_expr(&meth.value)?;
        let old_lineno = self.u().loc.lineno;
        let saved = self.u().loc;
        self.set_loc(meth.range);
        self.update_start_location_to_match_attr(meth);
        self.addop_name(Opcode::LOAD_METHOD, &meth.attr);
        // The attribute's location stays current through KW_NAMES (as in CPython).
        for a in args.iter() {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in kwds.iter() {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(kwds);
        }
        self.u().loc = saved;
        self.update_start_location_to_match_attr(meth);
        self.addop_i(Opcode::PRECALL, (argsl + kwdsl) as u32);
        self.addop_i(Opcode::CALL, (argsl + kwdsl) as u32);
        self.u().loc.lineno = old_lineno;
        Ok(true)
    }

    /// `validate_keywords`.
    fn validate_keywords(&self, kwds: &[ast::Keyword]) -> CResult {
        let mut seen = HashSet::new();
        for k in kwds {
            if let Some(a) = &k.arg {
                if a.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", k.range));
                }
                if !seen.insert(a.as_str()) {
                    return Err(self.error(
                        format!("keyword argument repeated: {}", a.as_str()),
                        k.range,
                    ));
                }
            }
        }
        Ok(())
    }

    /// `compiler_call_simple_kw_helper`: KW_NAMES with the names tuple.
    fn call_simple_kw_helper(&mut self, kwds: &[ast::Keyword]) {
        let names: Vec<Const> = kwds
            .iter()
            .map(|k| Const::Str(Rc::from(k.arg.as_ref().map_or("", |a| a.as_str()))))
            .collect();
        let idx = self.add_const(Const::Tuple(Rc::from(names)));
        self.addop_i(Opcode::KW_NAMES, idx);
    }

    /// `compiler_call_helper`: `n` values (e.g. the class body function and name)
    /// are already on the stack.
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], kwds: &'a [ast::Keyword]) -> CResult {
        self.validate_keywords(kwds)?;
        let nelts = args.len();
        let nkwelts = kwds.len();
        let simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !kwds.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in kwds {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(kwds);
            }
            let total = n + (nelts + nkwelts) as u32;
            self.addop_i(Opcode::PRECALL, total);
            self.addop_i(Opcode::CALL, total);
            return Ok(());
        }
        // ex_call: positional arguments as one tuple, keywords as one dict.
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.visit_expr(&s.value)?;
            } else {
                self.starunpack_helper(
                    args,
                    n,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?;
            }
        } else {
            self.starunpack_helper(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in kwds.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kwds[i - nseen..i])?;
                        if have_dict {
                            self.addop_i(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.addop_i(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kwds[nkwelts - nseen..])?;
                if have_dict {
                    self.addop_i(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.addop_i(Opcode::CALL_FUNCTION_EX, (nkwelts > 0) as u32);
        Ok(())
    }

    /// `compiler_subkwargs`: a run of `name=value` keywords as a dict.
    fn subkwargs(&mut self, kwds: &'a [ast::Keyword]) -> CResult {
        let n = kwds.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        let name =
            |k: &ast::Keyword| Const::Str(Rc::from(k.arg.as_ref().map_or("", |a| a.as_str())));
        if n > 1 && !big {
            for k in kwds {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Const> = kwds.iter().map(name).collect();
            self.load_const(Const::Tuple(Rc::from(keys)));
            self.addop_i(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.addop_noline(Opcode::BUILD_MAP);
        }
        for k in kwds {
            self.load_const(name(k));
            self.visit_expr(&k.value)?;
            if big {
                let loc = pyrs_bytecode::linetable::Location::NONE;
                let u = self.u();
                let cur = u.cur;
                let mut i = crate::ir::Instr::new(Opcode::MAP_ADD, 1, loc);
                i.loc = loc;
                u.cfg.blocks[cur].instrs.push(i);
            }
        }
        if !big {
            self.addop_i(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
