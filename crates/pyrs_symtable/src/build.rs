//! The first pass of the symbol table: walk the AST, open a block for every
//! scope and record how each name is used in it. Mirrors `symtable_visit_stmt`,
//! `symtable_visit_expr` and friends in CPython 3.11 Python/symtable.c.

use crate::flags::*;
use crate::{BlockType, ComprehensionKind, ScopeId, SymbolTable, SymbolTableEntry};
use pyrs_syntax::ast::{self, Expr, Stmt};
use pyrs_syntax::{syntax_error_at, LineIndex, Ranged, SyntaxErrorInfo, TextRange};
use std::collections::HashMap;

/// Deepest AST nesting accepted before reporting an error instead of risking the
/// Rust stack (CPython raises RecursionError during compilation).
pub const MAX_NESTING: u32 = 1000;

/// What the source to analyse is.
pub enum Body<'a> {
    Module(&'a [Stmt]),
    Expression(&'a Expr),
}

/// `_PySymtable_Build`: build and analyse the symbol table of a module or expression.
pub fn build(
    body: Body<'_>,
    source: &str,
    filename: &str,
    future_annotations: bool,
) -> Result<SymbolTable, SyntaxErrorInfo> {
    let mut b = Builder {
        entries: vec![SymbolTableEntry::new(BlockType::Module, "top", 1)],
        by_node: HashMap::new(),
        stack: vec![0],
        private: None,
        source,
        filename,
        index: LineIndex::new(source),
        future_annotations,
        depth: 0,
    };
    match body {
        Body::Module(stmts) => {
            for s in stmts {
                b.visit_stmt(s)?;
            }
        }
        Body::Expression(e) => b.visit_expr(e)?,
    }
    let mut table = SymbolTable {
        entries: b.entries,
        by_node: b.by_node,
    };
    crate::analyze::analyze(&mut table)
        .map_err(|(msg, range)| syntax_error_at(source, filename, msg, range))?;
    Ok(table)
}

struct Builder<'s> {
    entries: Vec<SymbolTableEntry>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    /// The class whose names are mangled (`st_private`).
    private: Option<String>,
    source: &'s str,
    filename: &'s str,
    index: LineIndex,
    future_annotations: bool,
    depth: u32,
}

type R = Result<(), SyntaxErrorInfo>;

impl Builder<'_> {
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap_or(&0)
    }
    fn ste(&mut self) -> &mut SymbolTableEntry {
        let c = self.cur();
        &mut self.entries[c]
    }

    fn error(&self, msg: String, range: TextRange) -> SyntaxErrorInfo {
        syntax_error_at(self.source, self.filename, msg, range)
    }

    fn enter_block<T>(&mut self, name: &str, typ: BlockType, node: &T, range: TextRange) {
        let lineno = self.index.line(range.start());
        let prev = self.cur();
        let mut ste = SymbolTableEntry::new(typ, name, lineno);
        let p = &self.entries[prev];
        ste.nested = p.nested || p.typ == BlockType::Function;
        self.entries.push(ste);
        let id = self.entries.len() - 1;
        self.entries[prev].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    fn mangled(&self, name: &str) -> String {
        crate::mangle(self.private.as_deref(), name)
    }

    /// `symtable_add_def_helper` on block `id`.
    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, range: TextRange) -> R {
        let mangled = self.mangled(name);
        let ste = &mut self.entries[id];
        let comp_iter = ste.comp_iter_target;
        let sym = ste.symbol_mut(&mangled);
        if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
            return Err(self.error(
                format!("duplicate argument '{name}' in function definition"),
                range,
            ));
        }
        sym.flags |= flag;
        if comp_iter {
            sym.flags |= DEF_COMP_ITER;
        }
        if flag & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
            ste.directives.entry(mangled.clone()).or_insert(range);
        }
        if flag & DEF_PARAM != 0 {
            self.entries[id].varnames.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 {
            // Explicit globals are recorded in the module block too.
            let top = self.entries[0].symbol_mut(&mangled);
            top.flags |= flag;
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let c = self.cur();
        self.add_def_in(c, name, flag, range)
    }

    fn lookup(&self, name: &str) -> u32 {
        self.entries[self.cur()].flags_of(&self.mangled(name))
    }

    fn enter_nesting(&mut self, range: TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.error(
                "too many nested expressions or statements (pyrs recursion limit)".into(),
                range,
            ));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.enter_nesting(s.range())?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.name.range)?;
                self.visit_param_defaults(&f.parameters)?;
                self.visit_param_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.visit_annotation(r)?;
                }
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter_block(&f.name, BlockType::Function, f, f.range);
                if f.is_async {
                    self.ste().coroutine = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit_block();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter_block(&c.name, BlockType::Class, c, c.range);
                let saved = self.private.replace(c.name.to_string());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.exit_block();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                    self.ste().returns_value = true;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.lookup(&n.id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && a.simple {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(self.error(
                            format!("annotated name '{}' can't be {what}", n.id),
                            s.range(),
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for c in &m.cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.visit_alias(a, s.range())?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.visit_alias(a, s.range())?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let cur = self.lookup(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            "is parameter and global"
                        } else if cur & USE != 0 {
                            "is used prior to global declaration"
                        } else if cur & DEF_ANNOT != 0 {
                            "is annotated and global"
                        } else {
                            "is assigned to before global declaration"
                        };
                        let msg = if cur & DEF_ANNOT != 0 && cur & (DEF_PARAM | USE) == 0 {
                            format!("annotated name '{}' can't be global", n.as_str())
                        } else {
                            format!("name '{}' {msg}", n.as_str())
                        };
                        return Err(self.error(msg, s.range()));
                    }
                    // The directive's location is the statement's (CPython's
                    // `symtable_record_directive`), which later errors point at.
                    self.add_def(n, DEF_GLOBAL, s.range())?;
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let cur = self.lookup(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n.as_str())
                        } else if cur & USE != 0 {
                            format!(
                                "name '{}' is used prior to nonlocal declaration",
                                n.as_str()
                            )
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n.as_str())
                        } else {
                            format!(
                                "name '{}' is assigned to before nonlocal declaration",
                                n.as_str()
                            )
                        };
                        return Err(self.error(msg, s.range()));
                    }
                    self.add_def(n, DEF_NONLOCAL, s.range())?;
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(self.error("invalid syntax".into(), s.range()));
            }
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &ast::Alias, _stmt_range: TextRange) -> R {
        let store = match &a.asname {
            Some(n) => n.as_str(),
            None => a.name.as_str().split('.').next().unwrap_or(""),
        };
        if store == "*" {
            if self.entries[self.cur()].typ != BlockType::Module {
                // CPython points at the `*` itself.
                return Err(self.error("import * only allowed at module level".into(), a.range));
            }
            return Ok(());
        }
        let store = store.to_string();
        self.add_def(&store, DEF_IMPORT, a.range)
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_param_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_param_annotations(&mut self, p: &ast::Parameters) -> R {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(ann) = &a.parameter.annotation {
                self.visit_annotation(ann)?;
            }
        }
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(ann) = &a.annotation {
                self.visit_annotation(ann)?;
            }
        }
        Ok(())
    }

    /// `symtable_visit_arguments`: parameters in `co_varnames` order.
    fn visit_params(&mut self, p: &ast::Parameters) -> R {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name, DEF_PARAM, v.range)?;
            self.ste().varargs = true;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name, DEF_PARAM, k.range)?;
            self.ste().varkeywords = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) -> R {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.visit_expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.visit_pattern(p)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.visit_pattern(p)?;
                }
            }
            P::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.visit_expr(k)?;
                }
                for p in m.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                if let Some(n) = &m.rest {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for p in c.arguments.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
            }
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.enter_nesting(e.range())?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::Named(n) => {
                if let Expr::Name(t) = &*n.target {
                    self.extend_namedexpr_scope(t)?;
                } else {
                    self.visit_expr(&n.target)?;
                }
                self.visit_expr(&n.value)?;
            }
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v)?;
                }
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_param_defaults(p)?;
                }
                self.enter_block("lambda", BlockType::Function, l, l.range);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit_block();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::ListComp(c) => self.visit_comprehension(
                c,
                "listcomp",
                ComprehensionKind::List,
                &c.generators,
                &c.elt,
                None,
                c.range,
            )?,
            Expr::SetComp(c) => self.visit_comprehension(
                c,
                "setcomp",
                ComprehensionKind::Set,
                &c.generators,
                &c.elt,
                None,
                c.range,
            )?,
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.error("invalid syntax".into(), c.range));
                };
                self.visit_comprehension(
                    c,
                    "dictcomp",
                    ComprehensionKind::Dict,
                    &c.generators,
                    key,
                    Some(&c.value),
                    c.range,
                )?
            }
            Expr::Generator(c) => self.visit_comprehension(
                c,
                "genexpr",
                ComprehensionKind::Generator,
                &c.generators,
                &c.elt,
                None,
                c.range,
            )?,
            Expr::Yield(y) => {
                self.check_yield_in_comprehension(e.range(), "yield")?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.ste().generator = true;
            }
            Expr::YieldFrom(y) => {
                self.check_yield_in_comprehension(e.range(), "yield")?;
                self.visit_expr(&y.value)?;
                self.ste().generator = true;
            }
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.ste().coroutine = true;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.visit_expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.visit_expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.visit_fstring_element(el)?;
                }
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                return Err(self.error("invalid syntax".into(), e.range()));
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            Expr::Name(n) => {
                let flag = if n.ctx == ast::ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(&n.id, flag, n.range)?;
                // `super()` needs the implicit `__class__` cell of the enclosing class.
                if n.ctx == ast::ExprContext::Load
                    && self.entries[self.cur()].typ == BlockType::Function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.visit_expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn visit_fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> R {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.visit_fstring_element(el)?;
                }
            }
        }
        Ok(())
    }

    fn check_yield_in_comprehension(&self, range: TextRange, what: &str) -> R {
        if let Some(kind) = self.entries[self.cur()].comprehension {
            let name = match kind {
                ComprehensionKind::List => "list comprehension",
                ComprehensionKind::Set => "set comprehension",
                ComprehensionKind::Dict => "dict comprehension",
                ComprehensionKind::Generator => "generator expression",
            };
            return Err(self.error(format!("'{what}' inside {name}"), range));
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`: the first iterable is evaluated in the
    /// enclosing scope, everything else in the comprehension's own function block.
    fn visit_comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        kind: ComprehensionKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        range: TextRange,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Err(self.error("invalid syntax".into(), range));
        };
        self.visit_expr(&outermost.iter)?;
        let is_generator = kind == ComprehensionKind::Generator;
        self.enter_block(&format!("<{name}>"), BlockType::Function, node, range);
        if outermost.is_async {
            self.ste().coroutine = true;
        }
        self.ste().comprehension = Some(kind);
        // The implicit `.0` argument holds the outermost iterator.
        self.add_def(".0", DEF_PARAM, range)?;
        self.visit_comp_target(&outermost.target)?;
        for cond in &outermost.ifs {
            self.visit_expr(cond)?;
        }
        for g in &generators[1..] {
            self.visit_comp_target(&g.target)?;
            self.visit_expr(&g.iter)?;
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
            if g.is_async {
                self.ste().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        if is_generator {
            self.ste().generator = true;
        }
        // A list/set/dict comprehension that awaits is awaited by its
        // enclosing scope, which so becomes a coroutine too.
        let is_async = self.ste().coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.ste().coroutine = true;
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, t: &Expr) -> R {
        self.ste().comp_iter_target = true;
        let r = self.visit_expr(t);
        self.ste().comp_iter_target = false;
        r
    }

    /// `symtable_extend_namedexpr_scope`: `(x := v)` in a comprehension binds `x`
    /// in the nearest enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> R {
        let name = target.id.as_str();
        if self.entries[self.cur()].comprehension.is_none() {
            return self.add_def(name, DEF_LOCAL, target.range);
        }
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let ste = &self.entries[id];
            if ste.comprehension.is_some() {
                if ste.flags_of(&self.mangled(name)) & DEF_COMP_ITER != 0 {
                    return Err(self.error(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        target.range,
                    ));
                }
                continue;
            }
            match ste.typ {
                BlockType::Function => {
                    let flag = if ste.flags_of(&self.mangled(name)) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.range)?;
                    return self.add_def_in(id, name, DEF_LOCAL, target.range);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range)?;
                    return self.add_def_in(id, name, DEF_GLOBAL, target.range);
                }
                BlockType::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        target.range,
                    ));
                }
            }
        }
        Ok(())
    }
}
