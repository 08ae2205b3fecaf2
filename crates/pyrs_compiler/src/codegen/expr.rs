//! Expressions: `compiler_visit_expr1` and its helpers in CPython 3.11
//! Python/compile.c (operators, comparisons, boolean operators and conditional
//! jumps, displays, attribute and subscript access, f-strings, yield/await).

use super::{CResult, Compiler, Ctx, STACK_USE_GUIDELINE};
use crate::fold::const_value;
use pyrs_bytecode::opcode::{format_value, nb};
use pyrs_bytecode::{Const, Opcode};
use pyrs_syntax::ast::{self, CmpOp, Expr, Operator, UnaryOp};
use pyrs_syntax::{Ranged, TextRange};
use std::rc::Rc;

pub(crate) fn binop_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => nb::ADD,
        Operator::Sub => nb::SUBTRACT,
        Operator::Mult => nb::MULTIPLY,
        Operator::MatMult => nb::MATRIX_MULTIPLY,
        Operator::Div => nb::TRUE_DIVIDE,
        Operator::Mod => nb::REMAINDER,
        Operator::Pow => nb::POWER,
        Operator::LShift => nb::LSHIFT,
        Operator::RShift => nb::RSHIFT,
        Operator::BitOr => nb::OR,
        Operator::BitXor => nb::XOR,
        Operator::BitAnd => nb::AND,
        Operator::FloorDiv => nb::FLOOR_DIVIDE,
    }
}

impl<'a> Compiler<'a> {
    /// The folded constant of `e`, if CPython's AST optimizer would produce one.
    pub fn const_of(&self, e: &Expr) -> Option<Const> {
        const_value(e, self.options.optimize)
    }

    /// `compiler_visit_expr`: set the location for the expression, visit it,
    /// restore the enclosing location.
    pub fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_nesting(e.range())?;
        let saved = self.u().loc;
        self.set_loc(self.expr_range(e));
        let r = self.visit_expr1(e);
        self.u().loc = saved;
        self.depth -= 1;
        r
    }

    fn visit_expr1(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = self.const_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.addop_i(Opcode::COPY, 1);
                self.visit_expr(&n.target)?;
            }
            Expr::BoolOp(b) => self.visit_boolop(b)?,
            Expr::BinOp(b) if self.percent_format(b)? => {}
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.addop_i(Opcode::BINARY_OP, binop_arg(b.op));
            }
            Expr::UnaryOp(u) => {
                if let Some(cmp) = negated_compare(u) {
                    // CPython replaces the `not` node by the compare, location included.
                    self.set_loc(cmp.0.range);
                    return self.visit_compare(cmp.0, Some(cmp.1));
                }
                self.visit_expr(&u.operand)?;
                let op = match u.op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.addop(op);
            }
            Expr::Lambda(l) => self.visit_lambda(l)?,
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.addop_j_noline(Opcode::JUMP, end);
                self.use_next_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_next_block(end);
            }
            Expr::Dict(d) => self.visit_dict(d)?,
            Expr::Set(s) => self.starunpack_helper(
                &s.elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            )?,
            Expr::ListComp(c) => self.visit_listcomp(c)?,
            Expr::SetComp(c) => self.visit_setcomp(c)?,
            Expr::DictComp(c) => self.visit_dictcomp(c)?,
            Expr::Generator(c) => self.visit_genexp(c)?,
            Expr::Yield(y) => {
                if self.ste_type() != pyrs_symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function", e.range()));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.addop_yield();
            }
            Expr::YieldFrom(y) => {
                if self.ste_type() != pyrs_symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function", e.range()));
                }
                if self.u_ref().scope_type == crate::unit::ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", e.range()));
                }
                self.visit_expr(&y.value)?;
                self.addop(Opcode::GET_YIELD_FROM_ITER);
                self.load_const(Const::None);
                self.add_yield_from(false);
            }
            Expr::Await(a) => {
                if !self.is_top_level_await() {
                    if self.ste_type() != pyrs_symtable::BlockType::Function {
                        return Err(self.error("'await' outside function", e.range()));
                    }
                    if !matches!(
                        self.u_ref().scope_type,
                        crate::unit::ScopeType::AsyncFunction
                            | crate::unit::ScopeType::Comprehension
                    ) {
                        return Err(self.error("'await' outside async function", e.range()));
                    }
                }
                self.visit_expr(&a.value)?;
                self.addop_i(Opcode::GET_AWAITABLE, 0);
                self.load_const(Const::None);
                self.add_yield_from(true);
            }
            Expr::Compare(c) => self.visit_compare(c, None)?,
            Expr::Call(c) => self.visit_call(c)?,
            Expr::FString(f) => self.visit_fstring(f)?,
            Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                match Ctx::from(a.ctx) {
                    Ctx::Load => self.addop_name(Opcode::LOAD_ATTR, &a.attr),
                    Ctx::Store => {
                        if a.attr.as_str() == "__debug__" {
                            return Err(self.error("cannot assign to __debug__", a.range));
                        }
                        self.addop_name(Opcode::STORE_ATTR, &a.attr)
                    }
                    Ctx::Del => self.addop_name(Opcode::DELETE_ATTR, &a.attr),
                }
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                let op = match Ctx::from(s.ctx) {
                    Ctx::Load => Opcode::BINARY_SUBSCR,
                    Ctx::Store => Opcode::STORE_SUBSCR,
                    Ctx::Del => Opcode::DELETE_SUBSCR,
                };
                self.addop(op);
            }
            Expr::Starred(s) => {
                return Err(match Ctx::from(s.ctx) {
                    Ctx::Store => self.error(
                        "starred assignment target must be in a list or tuple",
                        s.range,
                    ),
                    _ => self.error("can't use starred expression here", s.range),
                });
            }
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_const(Const::None),
                }
                match &s.upper {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_const(Const::None),
                }
                if let Some(x) = &s.step {
                    n += 1;
                    self.visit_expr(x)?;
                }
                self.addop_i(Opcode::BUILD_SLICE, n);
            }
            Expr::Name(n) => self.nameop(&n.id, Ctx::from(n.ctx), n.range)?,
            Expr::List(l) => match Ctx::from(l.ctx) {
                Ctx::Store => self.assignment_helper(&l.elts, l.range)?,
                Ctx::Del => {
                    for x in &l.elts {
                        self.visit_expr(x)?;
                    }
                }
                Ctx::Load => self.starunpack_helper(
                    &l.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                )?,
            },
            Expr::Tuple(t) => match Ctx::from(t.ctx) {
                Ctx::Store => self.assignment_helper(&t.elts, t.range)?,
                Ctx::Del => {
                    for x in &t.elts {
                        self.visit_expr(x)?;
                    }
                }
                Ctx::Load => self.starunpack_helper(
                    &t.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?,
            },
            Expr::TString(_) => return Err(self.error("invalid syntax", e.range())),
            Expr::IpyEscapeCommand(_) => return Err(self.error("invalid syntax", e.range())),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                return Err(self.error("pyrs: internal error: unfolded constant", e.range()))
            }
        }
        Ok(())
    }

    /// `update_start_location_to_match_attr`: a method or attribute on a later
    /// line than its object is located at the attribute name.
    pub fn update_start_location_to_match_attr(&mut self, a: &ast::ExprAttribute) {
        let loc = self.location_of(a.range);
        let u = self.u();
        if u.loc.lineno != loc.end_lineno {
            u.loc.lineno = loc.end_lineno;
            let len = a.attr.as_str().len() as i32;
            if len <= loc.end_col_offset {
                u.loc.col_offset = loc.end_col_offset - len;
            } else {
                u.loc.col_offset = -1;
                u.loc.end_col_offset = -1;
            }
            u.loc.end_lineno = u.loc.end_lineno.max(u.loc.lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col_offset = u.loc.end_col_offset.max(u.loc.col_offset);
            }
        }
    }

    /// `ADDOP_YIELD`.
    pub fn addop_yield(&mut self) {
        let ste = self.symtable.entry(self.u_ref().ste);
        if ste.generator && ste.coroutine {
            self.addop(Opcode::ASYNC_GEN_WRAP);
        }
        self.addop(Opcode::YIELD_VALUE);
        self.addop_i(Opcode::RESUME, 1);
    }

    /// `compiler_add_yield_from`.
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.addop_j(Opcode::SEND, exit);
        self.use_next_block(resume);
        self.addop(Opcode::YIELD_VALUE);
        self.addop_i(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.addop_j(Opcode::JUMP_NO_INTERRUPT, start);
        self.use_next_block(exit);
    }

    fn visit_boolop(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let jumpi = match b.op {
            ast::BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
            ast::BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_block();
        let n = b.values.len() - 1;
        for v in &b.values[..n] {
            self.visit_expr(v)?;
            self.addop_j(jumpi, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.visit_expr(&b.values[n])?;
        self.use_next_block(end);
        Ok(())
    }

    pub(crate) fn addop_compare(&mut self, op: CmpOp) {
        use pyrs_bytecode::opcode::CMP_OP;
        let (opcode, arg) = match op {
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
            other => {
                let s = other.as_str();
                (
                    Opcode::COMPARE_OP,
                    CMP_OP.iter().position(|&x| x == s).unwrap_or(0) as u32,
                )
            }
        };
        self.addop_i(opcode, arg);
    }

    /// A comparator: the last one of a chain, after `in`/`not in`, goes
    /// through ast_opt's `fold_iter` (list -> tuple, constant set -> frozenset).
    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            return self.visit_for_iter(e);
        }
        self.visit_expr(e)
    }

    /// `compiler_compare`. `negate` replaces the single operator (ast_opt's
    /// folding of `not (a is b)` into `a is not b`).
    fn visit_compare(&mut self, c: &'a ast::ExprCompare, negate: Option<CmpOp>) -> CResult {
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        let op_at = |i: usize| {
            if i == 0 {
                negate.unwrap_or(c.ops[0])
            } else {
                c.ops[i]
            }
        };
        if n == 0 {
            self.visit_comparator(op_at(0), &c.comparators[0])?;
            self.addop_compare(op_at(0));
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.visit_expr(&c.comparators[i])?;
            self.addop_i(Opcode::SWAP, 2);
            self.addop_i(Opcode::COPY, 2);
            self.addop_compare(op_at(i));
            self.addop_j(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.visit_comparator(op_at(n), &c.comparators[n])?;
        self.addop_compare(op_at(n));
        let end = self.new_block();
        self.addop_j_noline(Opcode::JUMP, end);
        self.use_next_block(cleanup);
        self.addop_i(Opcode::SWAP, 2);
        self.addop(Opcode::POP_TOP);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_jump_if`: jump to `next` when `e` is `cond`.
    pub fn jump_if(&mut self, e: &'a Expr, next: crate::ir::BlockId, cond: bool) -> CResult {
        self.enter_nesting(e.range())?;
        let r = self.jump_if_inner(e, next, cond);
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: crate::ir::BlockId, cond: bool) -> CResult {
        if self.const_of(e).is_none() {
            match e {
                Expr::UnaryOp(u) if u.op == UnaryOp::Not && negated_compare(u).is_none() => {
                    return self.jump_if(&u.operand, next, !cond);
                }
                Expr::BoolOp(b) => {
                    let n = b.values.len() - 1;
                    let cond2 = b.op == ast::BoolOp::Or;
                    let next2 = if cond2 != cond {
                        self.new_block()
                    } else {
                        next
                    };
                    for v in &b.values[..n] {
                        self.jump_if(v, next2, cond2)?;
                    }
                    self.jump_if(&b.values[n], next, cond)?;
                    if next2 != next {
                        self.use_next_block(next2);
                    }
                    return Ok(());
                }
                Expr::If(i) => {
                    let end = self.new_block();
                    let next2 = self.new_block();
                    self.jump_if(&i.test, next2, false)?;
                    self.jump_if(&i.body, next, cond)?;
                    self.addop_j_noline(Opcode::JUMP, end);
                    self.use_next_block(next2);
                    self.jump_if(&i.orelse, next, cond)?;
                    self.use_next_block(end);
                    return Ok(());
                }
                Expr::UnaryOp(u) if negated_compare(u).is_some() => {
                    // ast_opt made `not (a in b)` the compare `a not in b`, with
                    // the compare's location: as below.
                    let Some((c, op)) = negated_compare(u) else {
                        return Ok(());
                    };
                    self.set_loc(c.range);
                    self.visit_compare(c, Some(op))?;
                    let op = if cond {
                        Opcode::POP_JUMP_IF_TRUE
                    } else {
                        Opcode::POP_JUMP_IF_FALSE
                    };
                    self.addop_j(op, next);
                    return Ok(());
                }
                Expr::Compare(c) if c.ops.len() == 1 => {
                    // A compared condition's jump carries the comparison's location,
                    // which stays current afterwards (CPython 3.11 does not restore it).
                    self.set_loc(c.range);
                    self.visit_compare(c, None)?;
                    let op = if cond {
                        Opcode::POP_JUMP_IF_TRUE
                    } else {
                        Opcode::POP_JUMP_IF_FALSE
                    };
                    self.addop_j(op, next);
                    return Ok(());
                }
                Expr::Compare(c) if c.ops.len() > 1 => {
                    self.set_loc(c.range);
                    let n = c.ops.len() - 1;
                    let cleanup = self.new_block();
                    self.visit_expr(&c.left)?;
                    for i in 0..n {
                        self.visit_expr(&c.comparators[i])?;
                        self.addop_i(Opcode::SWAP, 2);
                        self.addop_i(Opcode::COPY, 2);
                        self.addop_compare(c.ops[i]);
                        self.addop_j(Opcode::POP_JUMP_IF_FALSE, cleanup);
                    }
                    self.visit_comparator(c.ops[n], &c.comparators[n])?;
                    self.addop_compare(c.ops[n]);
                    let op = if cond {
                        Opcode::POP_JUMP_IF_TRUE
                    } else {
                        Opcode::POP_JUMP_IF_FALSE
                    };
                    self.addop_j(op, next);
                    let end = self.new_block();
                    self.addop_j_noline(Opcode::JUMP, end);
                    self.use_next_block(cleanup);
                    self.addop(Opcode::POP_TOP);
                    if !cond {
                        self.addop_j_noline(Opcode::JUMP, next);
                    }
                    self.use_next_block(end);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.visit_expr(e)?;
        let op = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.addop_j(op, next);
        Ok(())
    }

    /// `starunpack_helper`: lists, tuples, sets and call arguments, with the
    /// constant shortcut and `*x` unpacking.
    pub fn starunpack_helper(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Const>> = elts.iter().map(|x| self.const_of(x)).collect();
            if let Some(items) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Const::Tuple(Rc::from(items)));
                } else {
                    let folded = if add == Opcode::SET_ADD {
                        Const::FrozenSet(Rc::from(crate::const_eq::set_items(items)))
                    } else {
                        Const::Tuple(Rc::from(items))
                    };
                    self.addop_i(build, pushed);
                    self.load_const(folded);
                    self.addop_i(extend, 1);
                    if tuple {
                        self.addop(Opcode::LIST_TO_TUPLE);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|x| matches!(x, Expr::Starred(_)));
        if !seen_star && !big {
            for x in elts {
                self.visit_expr(x)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.addop_i(op, n as u32 + pushed);
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.addop_i(build, pushed);
            sequence_built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let Expr::Starred(s) = x {
                if !sequence_built {
                    self.addop_i(build, i as u32 + pushed);
                    sequence_built = true;
                }
                self.visit_expr(&s.value)?;
                self.addop_i(extend, 1);
            } else {
                self.visit_expr(x)?;
                if sequence_built {
                    self.addop_i(add, 1);
                }
            }
        }
        if tuple {
            self.addop(Opcode::LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// `unpack_helper` + `assignment_helper`: `a, *b, c = ...`.
    pub fn assignment_helper(&mut self, elts: &'a [Expr], range: TextRange) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", range)
                    );
                }
                self.addop_i(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for x in elts {
            match x {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(x)?,
            }
        }
        Ok(())
    }

    /// `compiler_dict`.
    fn visit_dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.addop_i(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.items[i].value)?;
                self.addop_i(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.addop_i(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// `compiler_subdict`.
    fn subdict(&mut self, d: &'a ast::ExprDict, begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let items = &d.items[begin..end];
        if n > 1 && !big {
            let keys: Option<Vec<Const>> = items
                .iter()
                .map(|it| it.key.as_ref().and_then(|k| self.const_of(k)))
                .collect();
            if let Some(keys) = keys {
                for it in items {
                    self.visit_expr(&it.value)?;
                }
                self.load_const(Const::Tuple(Rc::from(keys)));
                self.addop_i(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.addop_i(Opcode::BUILD_MAP, 0);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&it.value)?;
            if big {
                self.addop_i(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    // ----- f-strings -------------------------------------------------------

    /// `compiler_joined_str` over the parts CPython's parser would build: adjacent
    /// literal text merged, empty text dropped.
    fn visit_fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut parts: Vec<FPart<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => push_text(&mut parts, &s.value),
                ast::FStringPart::FString(fs) => {
                    // 3.11's string parser locates a format spec from the first
                    // string token to the one holding the spec.
                    let spec_range = TextRange::new(f.range.start(), fs.range.end());
                    for el in fs.elements.iter() {
                        collect_element(&mut parts, el, (spec_range, fs.range));
                    }
                }
            }
        }
        let range = f.range;
        self.joined_str(parts, range, None)
    }

    /// `compiler_joined_str`. `build_at`: where the final BUILD_STRING (or
    /// join call) is located, when not at the current location.
    fn joined_str(
        &mut self,
        parts: Vec<FPart<'a>>,
        range: TextRange,
        build_at: Option<TextRange>,
    ) -> CResult {
        let n = parts.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Const::Str(Rc::from("")));
            self.addop_name(Opcode::LOAD_METHOD, "join");
            self.addop_i(Opcode::BUILD_LIST, 0);
            for p in parts {
                self.visit_fpart(p, range)?;
                self.addop_i(Opcode::LIST_APPEND, 1);
            }
            if let Some(r) = build_at {
                self.set_loc(r);
            }
            self.addop_i(Opcode::PRECALL, 1);
            self.addop_i(Opcode::CALL, 1);
        } else {
            for p in parts {
                self.visit_fpart(p, range)?;
            }
            if n != 1 {
                if let Some(r) = build_at {
                    self.set_loc(r);
                }
                self.addop_i(Opcode::BUILD_STRING, n as u32);
            }
        }
        Ok(())
    }

    /// ast_opt's `optimize_format`: `'..%s..' % (a, b)` compiled as the
    /// f-string it is equivalent to. Returns false (emitting nothing) when
    /// CPython keeps the `%` operation.
    fn percent_format(&mut self, b: &'a ast::ExprBinOp) -> CResult<bool> {
        if b.op != Operator::Mod {
            return Ok(false);
        }
        let Expr::Tuple(t) = &*b.right else {
            return Ok(false);
        };
        // A tuple of constants is folded into a constant first, and starred
        // items cannot be counted.
        if t.elts.iter().any(|e| matches!(e, Expr::Starred(_))) || self.const_of(&b.right).is_some()
        {
            return Ok(false);
        }
        let Some(Const::Str(fmt)) = self.const_of(&b.left) else {
            return Ok(false);
        };
        let Some(pieces) = crate::percent_format::parse(&fmt, t.elts.len()) else {
            return Ok(false);
        };
        let parts = pieces
            .into_iter()
            .map(|p| match p {
                crate::percent_format::Piece::Text(s) => FPart::PercentText(s),
                crate::percent_format::Piece::Value {
                    index,
                    conversion,
                    spec,
                } => {
                    let conv = match conversion {
                        'r' => format_value::CONV_REPR,
                        'a' => format_value::CONV_ASCII,
                        _ => format_value::CONV_STR,
                    };
                    FPart::Percent(&t.elts[index], conv, spec)
                }
            })
            .collect();
        self.joined_str(parts, b.range, None)?;
        Ok(true)
    }

    fn visit_fpart(&mut self, p: FPart<'a>, range: TextRange) -> CResult {
        match p {
            // The optimizer's new constants have no location (lineno -1): they
            // take their neighbour's line.
            FPart::PercentText(s) => {
                let saved = self.u().loc;
                self.u().loc = pyrs_bytecode::linetable::Location::NONE;
                self.load_const(Const::Str(Rc::from(s.as_str())));
                self.u().loc = saved;
            }
            FPart::Percent(e, conv, spec) => {
                let saved = self.u().loc;
                self.visit_expr(e)?;
                self.set_loc(self.expr_range(e));
                let mut oparg = conv;
                if let Some(spec) = spec {
                    let here = self.u().loc;
                    self.u().loc = pyrs_bytecode::linetable::Location::NONE;
                    self.load_const(Const::Str(Rc::from(spec.as_str())));
                    self.u().loc = here;
                    oparg |= format_value::HAVE_SPEC;
                }
                self.addop_i(Opcode::FORMAT_VALUE, oparg);
                self.u().loc = saved;
            }
            FPart::Text(s) => self.load_const(Const::Str(Rc::from(s.as_str()))),
            FPart::Value(i, (elements_at, token_range)) => {
                self.visit_expr(&i.expression)?;
                let mut oparg = match i.conversion {
                    ast::ConversionFlag::Str => format_value::CONV_STR,
                    ast::ConversionFlag::Repr => format_value::CONV_REPR,
                    ast::ConversionFlag::Ascii => format_value::CONV_ASCII,
                    ast::ConversionFlag::None => {
                        if i.debug_text.is_some() && i.format_spec.is_none() {
                            format_value::CONV_REPR
                        } else {
                            format_value::CONV_NONE
                        }
                    }
                };
                if let Some(spec) = &i.format_spec {
                    let mut parts = Vec::new();
                    for el in spec.elements.iter() {
                        collect_element(&mut parts, el, (elements_at, token_range));
                    }
                    let saved = self.u().loc;
                    // A spec that is only text is one constant with the token's
                    // location; the pieces of a composite spec span further.
                    if matches!(parts.as_slice(), [FPart::Text(_)]) {
                        self.set_loc(token_range);
                    } else {
                        self.set_loc(elements_at);
                    }
                    self.joined_str(parts, range, Some(token_range))?;
                    self.u().loc = saved;
                    oparg |= format_value::HAVE_SPEC;
                }
                self.addop_i(Opcode::FORMAT_VALUE, oparg);
            }
        }
        Ok(())
    }
}

/// A piece of an f-string as CPython's `JoinedStr.values` holds it.
pub(crate) enum FPart<'a> {
    Text(String),
    /// A replacement field, and the locations of its format spec as 3.11's
    /// string parser makes them: a composite spec's pieces span from the
    /// f-string's first token to the end of the one holding the field; the
    /// spec itself (its BUILD_STRING, or its only constant) only that token.
    Value(&'a ast::InterpolatedElement, (TextRange, TextRange)),
    /// A `%s`-style unit that ast_opt turned into a formatted value: its
    /// expression, FORMAT_VALUE's conversion and the constant format spec.
    Percent(&'a Expr, u32, Option<String>),
    /// Literal text of such a format.
    PercentText(String),
}

fn push_text(parts: &mut Vec<FPart<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Text(t)) = parts.last_mut() {
        t.push_str(s);
    } else {
        parts.push(FPart::Text(s.to_string()));
    }
}

fn collect_element<'a>(
    parts: &mut Vec<FPart<'a>>,
    el: &'a ast::InterpolatedStringElement,
    token: (TextRange, TextRange),
) {
    match el {
        ast::InterpolatedStringElement::Literal(l) => push_text(parts, &l.value),
        ast::InterpolatedStringElement::Interpolation(i) => {
            if let Some(d) = &i.debug_text {
                push_text(parts, d.leading());
                push_text(parts, d.expression());
                push_text(parts, d.trailing());
            }
            parts.push(FPart::Value(i, token));
        }
    }
}

impl Compiler<'_> {
    /// An expression's range as CPython's AST has it: a generator expression
    /// that is a call's only argument includes the call's parentheses.
    pub(crate) fn expr_range(&self, e: &Expr) -> TextRange {
        match e {
            Expr::Generator(g) => self.genexp_range(g),
            _ => e.range(),
        }
    }

    /// `f(x for x in y)`: the generator spans the parentheses, which ruff
    /// leaves out. Whitespace and comments may separate them from it.
    pub(crate) fn genexp_range(&self, g: &ast::ExprGenerator) -> TextRange {
        if g.parenthesized {
            return g.range;
        }
        let src = self.source.as_bytes();
        // Backwards to the '(' (a line ending in a comment is read up to its '#').
        let mut i = usize::from(g.range.start()).min(src.len());
        let start = loop {
            if i == 0 {
                break None;
            }
            match src[i - 1] {
                b'(' => break Some(i - 1),
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\\' => i -= 1,
                b'\n' => {
                    i -= 1;
                    let line_start = src[..i]
                        .iter()
                        .rposition(|&c| c == b'\n')
                        .map_or(0, |p| p + 1);
                    if let Some(hash) = src[line_start..i].iter().position(|&c| c == b'#') {
                        i = line_start + hash;
                    }
                }
                _ => break None,
            }
        };
        // Forwards to the ')'.
        let mut j = usize::from(g.range.end()).min(src.len());
        let end = loop {
            match src.get(j) {
                Some(b')') => break Some(j + 1),
                Some(b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\') => j += 1,
                Some(b'#') => {
                    while j < src.len() && src[j] != b'\n' {
                        j += 1;
                    }
                }
                _ => break None,
            }
        };
        match (start, end) {
            (Some(s), Some(e)) => TextRange::new(
                pyrs_syntax::TextSize::from(s as u32),
                pyrs_syntax::TextSize::from(e as u32),
            ),
            _ => g.range,
        }
    }
}

/// ast_opt's `not (a is b)` -> `a is not b` (and `in`/`not in`): the compare to
/// compile instead, with its replacement operator.
pub(crate) fn negated_compare(u: &ast::ExprUnaryOp) -> Option<(&ast::ExprCompare, CmpOp)> {
    if u.op != UnaryOp::Not {
        return None;
    }
    if let Expr::Compare(c) = &*u.operand {
        if c.ops.len() == 1 {
            let op = match c.ops[0] {
                CmpOp::Is => CmpOp::IsNot,
                CmpOp::IsNot => CmpOp::Is,
                CmpOp::In => CmpOp::NotIn,
                CmpOp::NotIn => CmpOp::In,
                _ => return None,
            };
            return Some((c, op));
        }
    }
    None
}
