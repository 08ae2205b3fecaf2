//! Code generation: the AST of one module to the flow graphs of all its code
//! units. This file holds the compiler state and the helpers every visitor uses
//! (emitting instructions, locations, scopes, name resolution); the visitors live
//! in the sibling files by AST area. Mirrors CPython 3.11 Python/compile.c
//! (`compiler_enter_scope`, `compiler_nameop`, `compiler_addop*`, `SET_LOC`).

mod call;
mod comprehension;
mod control;
mod expr;
mod function;
mod pattern;
mod stmt;
mod try_star;

use crate::ir::{BlockId, Instr};
use crate::unit::{FBlock, FBlockKind, NameMap, ScopeType, Unit};
use crate::CompileOptions;
use pyrs_bytecode::linetable::Location;
use pyrs_bytecode::{CodeObject, Const, Opcode};
use pyrs_symtable::{flags as symflags, BlockType, Scope, ScopeId, SymbolTable};
use pyrs_syntax::ast::{self, Stmt};
use pyrs_syntax::{syntax_error_at, LineIndex, Ranged, SyntaxErrorInfo, TextRange};
use std::rc::Rc;

pub(crate) type CResult<T = ()> = Result<T, SyntaxErrorInfo>;

/// `STACK_USE_GUIDELINE`: above this many stack items, displays and calls are
/// built incrementally.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// Load, store or delete, as `expr_context_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl From<ast::ExprContext> for Ctx {
    fn from(c: ast::ExprContext) -> Ctx {
        match c {
            ast::ExprContext::Store => Ctx::Store,
            ast::ExprContext::Del => Ctx::Del,
            _ => Ctx::Load,
        }
    }
}

pub(crate) struct Compiler<'a> {
    pub source: &'a str,
    pub filename: &'a str,
    pub index: LineIndex,
    pub symtable: SymbolTable,
    pub options: &'a CompileOptions,
    /// The stack of units: the last is being compiled (`c->u` and `c_stack`).
    pub units: Vec<Unit>,
    pub interactive: bool,
    /// `finally` bodies that `return`/`break` may have to re-emit.
    pub finally_bodies: Vec<&'a [Stmt]>,
    /// Nesting depth of visits, to fail cleanly on absurdly deep trees.
    pub depth: u32,
    /// The line of the last `from __future__` import of the module's leading
    /// block (`ff_lineno` of Python/future.c); later ones are errors.
    pub future_lineno: u32,
}

impl<'a> Compiler<'a> {
    pub fn new(
        source: &'a str,
        filename: &'a str,
        symtable: SymbolTable,
        options: &'a CompileOptions,
    ) -> Compiler<'a> {
        Compiler {
            source,
            filename,
            index: LineIndex::new(source),
            symtable,
            options,
            units: Vec::new(),
            interactive: false,
            finally_bodies: Vec::new(),
            depth: 0,
            future_lineno: 0,
        }
    }

    pub fn u(&mut self) -> &mut Unit {
        self.units
            .last_mut()
            .expect("a unit is always open while compiling")
    }
    pub fn u_ref(&self) -> &Unit {
        self.units
            .last()
            .expect("a unit is always open while compiling")
    }

    pub fn error(&self, msg: impl Into<String>, range: TextRange) -> SyntaxErrorInfo {
        syntax_error_at(self.source, self.filename, msg.into(), range)
    }

    pub fn enter_nesting(&mut self, range: TextRange) -> CResult {
        self.depth += 1;
        if self.depth > pyrs_symtable::MAX_NESTING + 10 {
            return Err(self.error(
                "too many nested expressions or statements (pyrs recursion limit)",
                range,
            ));
        }
        Ok(())
    }

    // ----- locations -------------------------------------------------------

    pub fn location_of(&self, range: TextRange) -> Location {
        let (l, c) = self.index.line_col(range.start());
        let (el, ec) = self.index.line_col(range.end());
        Location {
            lineno: l as i32,
            end_lineno: el as i32,
            col_offset: c as i32,
            end_col_offset: ec as i32,
        }
    }

    /// `SET_LOC(c, x)`.
    pub fn set_loc(&mut self, range: TextRange) {
        let loc = self.location_of(range);
        self.u().loc = loc;
    }

    /// `UNSET_LOC(c)`: following instructions are artificial.
    pub fn unset_loc(&mut self) {
        self.u().loc.lineno = -1;
    }

    pub fn line_of(&self, range: TextRange) -> u32 {
        self.index.line(range.start())
    }

    // ----- emitting --------------------------------------------------------

    pub fn addop(&mut self, op: Opcode) {
        self.addop_i(op, 0);
    }

    /// `compiler_addop_i`. Jumps and scope exits end their block, as CPython's
    /// codegen always follows them with `NEXT_BLOCK`.
    pub fn addop_i(&mut self, op: Opcode, arg: u32) {
        let loc = self.u().loc;
        self.push_instr(Instr::new(op, arg, loc));
    }

    /// As `addop`, without a location (`ADDOP_NOLINE`).
    pub fn addop_noline(&mut self, op: Opcode) {
        self.push_instr(Instr::new(op, 0, Location::NONE));
    }

    pub fn addop_j(&mut self, op: Opcode, target: BlockId) {
        let loc = self.u().loc;
        let mut i = Instr::new(op, 0, loc);
        i.target = Some(target);
        self.push_instr(i);
    }

    /// `ADDOP_JUMP_NOLINE`.
    pub fn addop_j_noline(&mut self, op: Opcode, target: BlockId) {
        let mut i = Instr::new(op, 0, Location::NONE);
        i.target = Some(target);
        self.push_instr(i);
    }

    fn push_instr(&mut self, i: Instr) {
        // RETURN_VALUE does not end the block here: whether the current block
        // returns decides if `exit_scope` appends `return None` (CPython's
        // `basicblock_returns(u_curblock)`); `return` statements split explicitly.
        let ends_block = i.is_jump() || matches!(i.op, Opcode::RAISE_VARARGS | Opcode::RERAISE);
        // Code after a `return` (dead, but compiled) starts a new block.
        if self.u_ref().cfg.blocks[self.u_ref().cur].returns() {
            self.next_block();
        }
        let u = self.u();
        let cur = u.cur;
        u.cfg.blocks[cur].instrs.push(i);
        if ends_block {
            self.next_block();
        }
    }

    pub fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }

    /// `compiler_use_next_block`: `b` follows the current block in layout.
    pub fn use_next_block(&mut self, b: BlockId) {
        let u = self.u();
        let cur = u.cur;
        if cur == b {
            return;
        }
        u.cfg.blocks[cur].next = Some(b);
        u.cur = b;
    }

    /// `NEXT_BLOCK`: start a fresh block unless the current one is empty.
    pub fn next_block(&mut self) {
        let u = self.u();
        if u.cfg.blocks[u.cur].instrs.is_empty() {
            return;
        }
        let b = u.cfg.new_block();
        self.use_next_block(b);
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        self.u().add_const(c)
    }

    pub fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.addop_i(Opcode::LOAD_CONST, i);
    }

    pub fn mangle(&self, name: &str) -> String {
        pyrs_symtable::mangle(self.u_ref().private.as_deref(), name)
    }

    /// `ADDOP_NAME`: a `co_names` operand, mangled.
    pub fn addop_name(&mut self, op: Opcode, name: &str) {
        let m = self.mangle(name);
        let i = self.u().names.insert(&m);
        self.addop_i(op, i);
    }

    /// `ADDOP_N` on `u_names`: not mangled.
    pub fn addop_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.u().names.insert(name);
        self.addop_i(op, i);
    }

    // ----- scopes ----------------------------------------------------------

    /// `compiler_enter_scope`.
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        ste: ScopeId,
        lineno: u32,
    ) -> CResult {
        let entry = self.symtable.entry(ste);
        let varnames = NameMap::from_list(entry.varnames.iter().cloned());
        let mut cellvars = NameMap::default();
        if scope_type == ScopeType::Class && entry.needs_class_closure {
            cellvars.insert("__class__");
        } else {
            for n in entry.sorted_names(Scope::Cell, 0) {
                cellvars.insert(&n);
            }
        }
        let mut freevars = NameMap::default();
        let mut free: Vec<String> = entry
            .symbols
            .iter()
            .filter(|s| s.scope == Scope::Free || s.flags & symflags::DEF_FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        free.sort();
        for n in free {
            freevars.insert(&n);
        }
        let private = self.units.last().and_then(|u| u.private.clone());
        let unit = Unit {
            ste,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            private,
            consts: Vec::new(),
            names: NameMap::default(),
            varnames,
            cellvars,
            freevars,
            cfg: crate::ir::Cfg::new(),
            cur: 0,
            fblocks: Vec::new(),
            firstlineno: lineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            loc: Location {
                lineno: lineno as i32,
                end_lineno: lineno as i32,
                col_offset: 0,
                end_col_offset: 0,
            },
        };
        self.units.push(unit);
        if scope_type == ScopeType::Module {
            // The module's RESUME is on "line 0".
            self.u().loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.addop_i(Opcode::RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = -1;
        }
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n < 3 {
            // The parent is the module: the qualified name is the plain name.
            return;
        }
        let (name, scope_type) = {
            let u = &self.units[n - 1];
            (u.name.clone(), u.scope_type)
        };
        let parent = &self.units[n - 2];
        let mut force_global = false;
        if matches!(
            scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = pyrs_symtable::mangle(parent.private.as_deref(), &name);
            if self.symtable.entry(parent.ste).scope_of(&mangled) == Scope::GlobalExplicit {
                force_global = true;
            }
        }
        if !force_global {
            let base = if matches!(
                parent.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
            ) {
                format!("{}.<locals>", parent.qualname)
            } else {
                parent.qualname.clone()
            };
            self.u().qualname = format!("{base}.{name}");
        }
    }

    /// `compiler_exit_scope` + `assemble`: close the current unit into a code object.
    pub fn exit_scope(&mut self, add_none: bool) -> CResult<CodeObject> {
        let u = self.u_ref();
        if !u.cfg.blocks[u.cur].returns() {
            self.unset_loc();
            if add_none {
                self.load_const(Const::None);
            }
            self.addop(Opcode::RETURN_VALUE);
        }
        let unit = self.units.pop().expect("exit_scope with an open unit");
        let flags = self.compute_code_flags(&unit);
        crate::assemble::assemble(self, unit, flags)
    }

    /// `compute_code_flags`.
    pub fn compute_code_flags(&self, u: &Unit) -> u32 {
        use pyrs_bytecode::code::flags::*;
        let ste = self.symtable.entry(u.ste);
        let mut flags = 0;
        if ste.typ == BlockType::Function {
            flags |= CO_NEWLOCALS | CO_OPTIMIZED;
            if ste.nested {
                flags |= CO_NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= CO_GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= CO_COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= CO_ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= CO_VARARGS;
            }
            if ste.varkeywords {
                flags |= CO_VARKEYWORDS;
            }
        }
        if ste.typ == BlockType::Module
            && self.options.future_flags & crate::cf_flags::ALLOW_TOP_LEVEL_AWAIT != 0
            && ste.coroutine
            && !ste.generator
        {
            flags |= CO_COROUTINE;
        }
        flags | (self.options.future_flags & CO_FUTURE_ANNOTATIONS)
    }

    /// `IS_TOP_LEVEL_AWAIT`: module code compiled with
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub fn is_top_level_await(&self) -> bool {
        self.options.future_flags & crate::cf_flags::ALLOW_TOP_LEVEL_AWAIT != 0
            && self.ste_type() == BlockType::Module
    }

    /// Marks the current scope a coroutine (top-level `async for`/`with`).
    pub fn mark_coroutine(&mut self) {
        let ste = self.u_ref().ste;
        if let Some(e) = self.symtable.entries.get_mut(ste) {
            e.coroutine = true;
        }
    }

    pub fn ste_type(&self) -> BlockType {
        self.symtable.entry(self.u_ref().ste).typ
    }

    pub fn scope_for<T>(&self, node: &T, range: TextRange) -> CResult<ScopeId> {
        self.symtable
            .scope_for(node)
            .ok_or_else(|| self.error("pyrs: internal error: no symbol table entry", range))
    }

    // ----- names -----------------------------------------------------------

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: Ctx, range: TextRange) -> CResult {
        if name == "__debug__" && ctx != Ctx::Load {
            return Err(self.error("cannot assign to __debug__", range));
        }
        let mangled = self.mangle(name);
        let ste = self.symtable.entry(self.u_ref().ste);
        let scope = ste.scope_of(&mangled);
        let is_function = ste.typ == BlockType::Function;
        let is_class = ste.typ == BlockType::Class;
        enum OpType {
            Deref(bool),
            Fast,
            Global,
            Name,
        }
        let optype = match scope {
            Scope::Free => OpType::Deref(true),
            Scope::Cell => OpType::Deref(false),
            Scope::Local if is_function => OpType::Fast,
            Scope::GlobalImplicit if is_function => OpType::Global,
            Scope::GlobalExplicit => OpType::Global,
            _ => OpType::Name,
        };
        match optype {
            OpType::Deref(free) => {
                let op = match ctx {
                    Ctx::Load if is_class => Opcode::LOAD_CLASSDEREF,
                    Ctx::Load => Opcode::LOAD_DEREF,
                    Ctx::Store => Opcode::STORE_DEREF,
                    Ctx::Del => Opcode::DELETE_DEREF,
                };
                let u = self.u();
                let arg = if free {
                    u.cellvars.len() as u32 + u.freevars.insert(&mangled)
                } else {
                    u.cellvars.insert(&mangled)
                };
                self.addop_i(op, arg);
            }
            OpType::Fast => {
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_FAST,
                    Ctx::Store => Opcode::STORE_FAST,
                    Ctx::Del => Opcode::DELETE_FAST,
                };
                let arg = self.u().varnames.insert(&mangled);
                self.addop_i(op, arg);
            }
            OpType::Global => {
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_GLOBAL,
                    Ctx::Store => Opcode::STORE_GLOBAL,
                    Ctx::Del => Opcode::DELETE_GLOBAL,
                };
                let mut arg = self.u().names.insert(&mangled);
                if op == Opcode::LOAD_GLOBAL {
                    arg <<= 1;
                }
                self.addop_i(op, arg);
            }
            OpType::Name => {
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_NAME,
                    Ctx::Store => Opcode::STORE_NAME,
                    Ctx::Del => Opcode::DELETE_NAME,
                };
                let arg = self.u().names.insert(&mangled);
                self.addop_i(op, arg);
            }
        }
        Ok(())
    }

    // ----- frame blocks ----------------------------------------------------

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<BlockId>,
        exit: Option<BlockId>,
        range: TextRange,
    ) -> CResult {
        // CO_MAXBLOCKS of CPython 3.11.
        if self.u_ref().fblocks.len() >= 20 {
            return Err(self.error("too many statically nested blocks", range));
        }
        self.u().fblocks.push(FBlock { kind, block, exit });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    // ----- module ----------------------------------------------------------

    /// `compiler_mod` for `exec`/`single` input.
    pub fn compile_module(&mut self, body: &'a [Stmt], interactive: bool) -> CResult<CodeObject> {
        self.future_lineno = self.future_parse(body)?;
        self.enter_scope("<module>", ScopeType::Module, 0, 1)?;
        if interactive {
            self.interactive = true;
            for s in body {
                self.visit_stmt(s)?;
            }
        } else {
            self.compile_body(body)?;
        }
        self.exit_scope(true)
    }

    /// `compiler_mod` for `eval` input.
    /// `future_parse` of Python/future.c: the leading run of `from
    /// __future__` imports (a docstring may come first), checked feature by
    /// feature. Returns the line of the last one (`ff_lineno`); a later one on
    /// the same line as a statement that ended the run is an error here.
    fn future_parse(&self, body: &[Stmt]) -> CResult<u32> {
        const FEATURES: &[&str] = &[
            "nested_scopes",
            "generators",
            "division",
            "absolute_import",
            "with_statement",
            "print_function",
            "unicode_literals",
            "barry_as_FLUFL",
            "generator_stop",
            "annotations",
        ];
        let mut done = false;
        let (mut prev_line, mut ff_lineno) = (0, 0);
        // Only a docstring (the first statement) may precede them.
        let skip = usize::from(docstring_of(body).is_some());
        for s in &body[skip.min(body.len())..] {
            let line = self.line_of(s.range());
            if done && line > prev_line {
                break;
            }
            prev_line = line;
            match s {
                Stmt::ImportFrom(f)
                    if f.module
                        .as_ref()
                        .is_some_and(|m| m.as_str() == "__future__") =>
                {
                    if done {
                        // future.c gives this one the 0-based column as offset.
                        let mut e = self.error(
                            "from __future__ imports must occur at the beginning of the file",
                            f.range,
                        );
                        e.offset = e.offset.saturating_sub(1);
                        return Err(e);
                    }
                    for a in &f.names {
                        let name = a.name.as_str();
                        if name == "braces" {
                            return Err(self.error("not a chance", f.range));
                        }
                        if !FEATURES.contains(&name) {
                            return Err(self
                                .error(format!("future feature {name} is not defined"), f.range));
                        }
                    }
                    ff_lineno = line;
                }
                _ => done = true,
            }
        }
        Ok(ff_lineno)
    }

    pub fn compile_expression(&mut self, e: &'a ast::Expr) -> CResult<CodeObject> {
        self.enter_scope("<module>", ScopeType::Module, 0, 1)?;
        self.visit_expr(e)?;
        self.exit_scope(false)
    }

    /// `compiler_body`: a module or class body, with its docstring and the
    /// `__annotations__` set-up.
    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult {
        // A module's SETUP_ANNOTATIONS takes the first statement's location.
        if self.u_ref().scope_type == ScopeType::Module {
            if let Some(first) = body.first() {
                let range = match first {
                    Stmt::FunctionDef(f) => self.def_range(f.range, &f.decorator_list),
                    Stmt::ClassDef(c) => self.def_range(c.range, &c.decorator_list),
                    _ => first.range(),
                };
                self.set_loc(range);
            }
        }
        if stmt::find_ann(body) {
            self.addop(Opcode::SETUP_ANNOTATIONS);
        }
        let mut rest = body;
        if self.options.optimize < 2 {
            if let Some((doc, first)) = docstring_of(body) {
                self.set_loc(first.range());
                self.load_const(Const::Str(Rc::from(doc.as_str())));
                self.nameop("__doc__", Ctx::Store, first.range())?;
                rest = &body[1..];
            }
        }
        for s in rest {
            self.visit_stmt(s)?;
        }
        Ok(())
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
pub(crate) fn docstring_of(body: &[Stmt]) -> Option<(String, &Stmt)> {
    let first = body.first()?;
    if let Stmt::Expr(e) = first {
        if let ast::Expr::StringLiteral(s) = &*e.value {
            return Some((s.value.to_str().to_string(), first));
        }
    }
    None
}
