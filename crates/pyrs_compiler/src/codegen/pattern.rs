//! The `match` statement and its patterns (PEP 634): `compiler_match`,
//! `compiler_pattern*` and the `pattern_helper_*` functions of CPython 3.11
//! Python/compile.c. A pattern is compiled with the subject on top of the
//! stack; on success the captured values are left under any items still needed
//! (`on_top`) and stored only once the whole case matched. On failure, a jump
//! goes to `fail_pop[n]`, a chain of blocks that pops the `n` items live at
//! that point and falls through to the next case.

use super::{CResult, Compiler, Ctx};
use crate::ir::BlockId;
use pyrs_bytecode::{Const, Opcode};
use pyrs_syntax::ast::{self, CmpOp, Expr, Pattern};
use pyrs_syntax::{Ranged, TextRange};
use std::rc::Rc;

/// `pattern_context`.
struct PatternContext {
    /// Names captured so far, in the order their values sit on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here (last case, guarded,
    /// or a sub-pattern).
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items and falls through to `fail_pop[i - 1]`.
    fail_pop: Vec<BlockId>,
    /// Items above the captures that must stay on top (all popped on failure).
    on_top: usize,
}

impl PatternContext {
    fn new(allow_irrefutable: bool) -> PatternContext {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }
}

/// `WILDCARD_CHECK`: `_`.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `WILDCARD_STAR_CHECK`: `*_`.
fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    /// `compiler_match`.
    pub fn visit_match(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.visit_expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Err(self.error("invalid syntax", m.range));
        };
        let has_default = usize::from(is_wildcard(&last.pattern) && cases > 1);
        for (i, case) in m.cases[..cases - has_default].iter().enumerate() {
            self.set_loc(case.pattern.range());
            // Only copy the subject if we're *not* on the last case.
            let copies = i != cases - has_default - 1;
            if copies {
                self.addop_i(Opcode::COPY, 1);
            }
            // Irrefutable cases must be either guarded, last, or both.
            let mut pc = PatternContext::new(case.guard.is_some() || i == cases - 1);
            self.visit_pattern(&case.pattern, &mut pc)?;
            // It's a match: store the captured names (they're on the stack).
            for name in std::mem::take(&mut pc.stores) {
                let range = case.pattern.range();
                self.nameop(&name, Ctx::Store, range)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if copies {
                self.addop(Opcode::POP_TOP);
            }
            for s in &case.body {
                self.visit_stmt(s)?;
            }
            // The jump out of a case body has no line of its own.
            self.addop_j_noline(Opcode::JUMP, end);
            // A failed pattern's cleanup belongs to the pattern's line, not to
            // the body's last one.
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default == 1 {
            // A trailing `case _:` needs no copy of the subject.
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.addop(Opcode::POP_TOP);
            } else {
                // Shows line coverage for the default case.
                self.addop(Opcode::NOP);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            for s in &last.body {
                self.visit_stmt(s)?;
            }
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `ensure_fail_pop`: room to pop `n` items on failure.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// `jump_to_fail_pop`: on failure pop what is on top plus the captures.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.addop_j(op, pc.fail_pop[pops]);
    }

    /// `emit_and_reset_fail_pop`: lay out the POP_TOP chain.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        let blocks = std::mem::take(&mut pc.fail_pop);
        let Some((&first, rest)) = blocks.split_first() else {
            return;
        };
        for &b in rest.iter().rev() {
            self.use_next_block(b);
            self.addop(Opcode::POP_TOP);
        }
        self.use_next_block(first);
    }

    /// `pattern_helper_rotate`: 3.10's ROT_N as SWAPs.
    fn pattern_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.addop_i(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    /// `pattern_helper_store_name`: keep the value for storing later, below
    /// what must stay on top.
    fn pattern_store_name(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternContext,
    ) -> CResult {
        let Some(name) = name else {
            self.addop(Opcode::POP_TOP);
            return Ok(());
        };
        if name.as_str() == "__debug__" {
            return Err(self.error("cannot assign to __debug__", name.range));
        }
        if pc.stores.iter().any(|s| s == name.as_str()) {
            return Err(self.duplicate_store(name.as_str(), name.range));
        }
        self.pattern_rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn duplicate_store(&self, name: &str, range: TextRange) -> pyrs_syntax::SyntaxErrorInfo {
        self.error(
            format!("multiple assignments to name '{name}' in pattern"),
            range,
        )
    }

    /// `compiler_pattern`.
    fn visit_pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.enter_nesting(p.range())?;
        self.set_loc(p.range());
        let r = match p {
            Pattern::MatchValue(v) => self.pattern_value(v, pc),
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                };
                self.load_const(c);
                self.addop_compare(CmpOp::Is);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, s.range, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.pattern_store_name(s.name.as_ref(), pc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.depth -= 1;
        r
    }

    /// `compiler_pattern_subpattern`: sub-patterns may be irrefutable.
    fn visit_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.visit_pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    /// `compiler_pattern_value`.
    fn pattern_value(&mut self, v: &'a ast::PatternMatchValue, pc: &mut PatternContext) -> CResult {
        if self.const_of(&v.value).is_none() && !matches!(&*v.value, Expr::Attribute(_)) {
            return Err(self.error(
                "patterns may only match literals and attribute lookups",
                v.range,
            ));
        }
        self.visit_expr(&v.value)?;
        self.addop_compare(CmpOp::Eq);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        Ok(())
    }

    /// `compiler_pattern_as`.
    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternContext) -> CResult {
        let Some(inner) = &a.pattern else {
            // An irrefutable match.
            if !pc.allow_irrefutable {
                return Err(match &a.name {
                    Some(n) => self.error(
                        format!("name capture '{}' makes remaining patterns unreachable", n),
                        a.range,
                    ),
                    None => self.error("wildcard makes remaining patterns unreachable", a.range),
                });
            }
            return self.pattern_store_name(a.name.as_ref(), pc);
        };
        // A copy for (possibly) storing later.
        pc.on_top += 1;
        self.addop_i(Opcode::COPY, 1);
        self.visit_pattern(inner, pc)?;
        pc.on_top -= 1;
        self.pattern_store_name(a.name.as_ref(), pc)
    }

    /// `compiler_pattern_sequence`.
    fn pattern_sequence(
        &mut self,
        patterns: &'a [Pattern],
        range: TextRange,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", range));
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top during the sequence and length checks.
        pc.on_top += 1;
        self.addop(Opcode::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.addop(Opcode::GET_LEN);
                self.load_const(Const::Int(size.into()));
                self.addop_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.addop(Opcode::GET_LEN);
                self.load_const(Const::Int((size - 1).into()));
                self.addop_compare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            // [] / [_] / [_, *_] ...: nothing to extract.
            self.addop(Opcode::POP_TOP);
        } else if star_wildcard {
            self.pattern_sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc)?;
        } else {
            self.pattern_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_unpack` (with `pattern_unpack_helper`).
    fn pattern_sequence_unpack(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let n = patterns.len();
        match patterns
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)))
        {
            Some(i) => {
                if i >= 1 << 8 || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error(
                        "too many expressions in star-unpacking sequence pattern",
                        patterns[i].range(),
                    ));
                }
                self.addop_i(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
            }
            None => self.addop_i(Opcode::UNPACK_SEQUENCE, n as u32),
        }
        // The new subjects stay on the stack after each sub-pattern.
        pc.on_top += n;
        for p in patterns {
            pc.on_top -= 1;
            self.visit_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_subscr`: `[first, *_, last]` by indexing.
    fn pattern_sequence_subscr(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> CResult {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.addop_i(Opcode::COPY, 1);
            if i < star {
                self.load_const(Const::Int(i.into()));
            } else {
                // The subject may not support negative indexing.
                self.addop(Opcode::GET_LEN);
                self.load_const(Const::Int((size - i).into()));
                self.addop_i(Opcode::BINARY_OP, pyrs_bytecode::opcode::nb::SUBTRACT);
            }
            self.addop(Opcode::BINARY_SUBSCR);
            self.visit_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.addop(Opcode::POP_TOP);
        Ok(())
    }

    /// `compiler_pattern_class`.
    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult {
        let patterns = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        let (nargs, nattrs) = (patterns.len(), keywords.len());
        if nattrs > 0 {
            // validate_kwd_attrs
            for (i, k) in keywords.iter().enumerate() {
                self.set_loc(k.pattern.range());
                if k.attr.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", k.pattern.range()));
                }
                if let Some(other) = keywords[i + 1..]
                    .iter()
                    .find(|o| o.attr.as_str() == k.attr.as_str())
                {
                    return Err(self.error(
                        format!("attribute name repeated in class pattern: {}", k.attr),
                        other.pattern.range(),
                    ));
                }
            }
            self.set_loc(c.range);
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Const> = keywords
            .iter()
            .map(|k| Const::Str(Rc::from(k.attr.as_str())))
            .collect();
        self.load_const(Const::Tuple(Rc::from(names)));
        self.addop_i(Opcode::MATCH_CLASS, nargs as u32);
        self.addop_i(Opcode::COPY, 1);
        self.load_const(Const::None);
        self.addop_i(Opcode::IS_OP, 1);
        // On top: a tuple of nargs + nattrs attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.addop_i(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let subpatterns = patterns.iter().chain(keywords.iter().map(|k| &k.pattern));
        for p in subpatterns {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.addop(Opcode::POP_TOP);
                continue;
            }
            self.visit_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `compiler_pattern_mapping`.
    fn pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.error("invalid syntax", m.range));
        }
        // The subject stays on top during the mapping and length checks.
        pc.on_top += 1;
        self.addop(Opcode::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && m.rest.is_none() {
            // `{}`: done, pop the subject.
            pc.on_top -= 1;
            self.addop(Opcode::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.addop(Opcode::GET_LEN);
            self.load_const(Const::Int(size.into()));
            self.addop_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Const> = Vec::new();
        for key in &m.keys {
            if let Some(c) = self.const_of(key) {
                if seen.iter().any(|s| crate::const_eq::python_eq(s, &c)) {
                    return Err(self.error(
                        format!(
                            "mapping pattern checks duplicate key ({})",
                            crate::const_eq::repr(&c)
                        ),
                        m.range,
                    ));
                }
                seen.push(c);
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    m.range,
                ));
            }
            self.visit_expr(key)?;
        }
        self.addop_i(Opcode::BUILD_TUPLE, size as u32);
        self.addop(Opcode::MATCH_KEYS);
        // A tuple of keys and a tuple of values are now on top of the subject.
        pc.on_top += 2;
        self.addop_i(Opcode::COPY, 1);
        self.load_const(Const::None);
        self.addop_i(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.addop_i(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.visit_subpattern(p, pc)?;
        }
        // A match: what follows consumes the keys tuple and the subject.
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            // rest = dict(subject); del rest[key] for each key.
            self.addop_i(Opcode::BUILD_MAP, 0);
            self.addop_i(Opcode::SWAP, 3);
            self.addop_i(Opcode::DICT_UPDATE, 2);
            self.addop_i(Opcode::UNPACK_SEQUENCE, size as u32);
            let mut n = size;
            while n > 0 {
                self.addop_i(Opcode::COPY, (1 + n) as u32);
                n -= 1;
                self.addop_i(Opcode::SWAP, 2);
                self.addop(Opcode::DELETE_SUBSCR);
            }
            self.pattern_store_name(Some(rest), pc)?;
        } else {
            self.addop(Opcode::POP_TOP);
            self.addop(Opcode::POP_TOP);
        }
        Ok(())
    }

    /// `compiler_pattern_or`: each alternative on a copy of the subject; the
    /// names every alternative binds are brought into the first one's order.
    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult {
        let end = self.new_block();
        let size = o.patterns.len();
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_stores = std::mem::take(&mut pc.stores);
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            // An irrefutable alternative must be last, if allowed at all.
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.addop_i(Opcode::COPY, 1);
            self.visit_pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != pc.stores.len() => {
                    return Err(self.error("alternative patterns bind different names", o.range));
                }
                Some(ctl) => {
                    let nstores = ctl.len();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error("alternative patterns bind different names", o.range)
                            );
                        };
                        if icontrol != istores {
                            // Reorder the names on the stack to match control.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, s) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, s);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.addop_j(Opcode::JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        // No alternative matched: pop the remaining copy of the subject and fail.
        self.addop(Opcode::POP_TOP);
        self.jump_to_fail_pop(pc, Opcode::JUMP);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        // Between the new captures and their place: the other new captures,
        // the subject's copy, what stays on top, and the earlier captures.
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.duplicate_store(&name, o.range));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.addop(Opcode::POP_TOP);
        Ok(())
    }
}
