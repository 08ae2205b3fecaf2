//! Functions, lambdas and classes: defaults, annotations, decorators, closures
//! and the class-body protocol (`compiler_function`, `compiler_lambda`,
//! `compiler_class`, `compiler_make_closure`, `compiler_default_arguments` of
//! CPython 3.11 Python/compile.c).

use super::{docstring_of, CResult, Compiler, Ctx};
use crate::unit::ScopeType;
use pyrs_bytecode::opcode::make_function;
use pyrs_bytecode::{CodeObject, Const, Opcode};
use pyrs_symtable::Scope;
use pyrs_syntax::ast::{self, Expr};
use pyrs_syntax::{Ranged, TextRange, TextSize};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    /// A compound statement's range as CPython's AST has it: its block ends
    /// with its last token, which is the `;` after a final simple statement
    /// (ruff's range stops before it).
    pub fn compound_range(&self, range: TextRange) -> TextRange {
        let end = usize::from(range.end());
        let rest = self.source.get(end..).unwrap_or("");
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t', '\x0c']).len();
        if rest[spaces..].starts_with(';') {
            TextRange::new(range.start(), TextSize::from((end + spaces + 1) as u32))
        } else {
            range
        }
    }

    /// The range of a `def`/`class` statement as CPython's AST has it: from the
    /// `def`/`async`/`class` keyword, not from the first decorator.
    pub fn def_range(&self, range: TextRange, decorators: &[ast::Decorator]) -> TextRange {
        let range = self.compound_range(range);
        let Some(last) = decorators.last() else {
            return range;
        };
        let bytes = self.source.as_bytes();
        let mut i = usize::from(last.range.end());
        let end = usize::from(range.end()).min(bytes.len());
        while i < end {
            match bytes[i] {
                b'#' => {
                    while i < end && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' => i += 1,
                _ => break,
            }
        }
        TextRange::new(TextSize::from(i as u32), range.end())
    }

    /// `compiler_decorators`.
    fn visit_decorators(&mut self, decorators: &'a [ast::Decorator]) -> CResult {
        for d in decorators {
            self.visit_expr(&d.expression)?;
        }
        Ok(())
    }

    /// `compiler_apply_decorators`: innermost first.
    fn apply_decorators(&mut self, decorators: &'a [ast::Decorator]) {
        let saved = self.u().loc;
        for d in decorators.iter().rev() {
            self.set_loc(d.expression.range());
            self.addop_i(Opcode::PRECALL, 0);
            self.addop_i(Opcode::CALL, 0);
        }
        self.u().loc = saved;
    }

    /// `compiler_default_arguments`: the MAKE_FUNCTION flags for what it pushed.
    fn default_arguments(&mut self, params: &'a ast::Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(Opcode::BUILD_TUPLE, defaults.len() as u32);
            flags |= make_function::DEFAULTS;
        }
        let mut keys = Vec::new();
        for p in params.kwonlyargs.iter() {
            if let Some(d) = &p.default {
                keys.push(Const::Str(Rc::from(
                    self.mangle(&p.parameter.name).as_str(),
                )));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Const::Tuple(Rc::from(keys)));
            self.addop_i(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= make_function::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn visit_argannotation(
        &mut self,
        name: &str,
        ann: Option<&'a Expr>,
        count: &mut u32,
    ) -> CResult {
        let Some(ann) = ann else {
            return Ok(());
        };
        let mangled = self.mangle(name);
        self.load_const(Const::Str(Rc::from(mangled.as_str())));
        if self.options.future_flags & pyrs_bytecode::code::flags::CO_FUTURE_ANNOTATIONS != 0 {
            let text = crate::unparse::unparse(ann);
            self.load_const(Const::Str(Rc::from(text.as_str())));
        } else if let Expr::Starred(s) = ann {
            // `*args: *Ts` (PEP 646) is 3.11 syntax: unpack the single value.
            self.visit_expr(&s.value)?;
            self.addop_i(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *count += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: whether an annotations tuple was pushed.
    fn visit_annotations(
        &mut self,
        params: &'a ast::Parameters,
        returns: Option<&'a Expr>,
    ) -> CResult<bool> {
        let mut count = 0;
        for p in params.args.iter() {
            self.visit_argannotation(
                &p.parameter.name,
                p.parameter.annotation.as_deref(),
                &mut count,
            )?;
        }
        for p in params.posonlyargs.iter() {
            self.visit_argannotation(
                &p.parameter.name,
                p.parameter.annotation.as_deref(),
                &mut count,
            )?;
        }
        if let Some(v) = &params.vararg {
            self.visit_argannotation(&v.name, v.annotation.as_deref(), &mut count)?;
        }
        for p in params.kwonlyargs.iter() {
            self.visit_argannotation(
                &p.parameter.name,
                p.parameter.annotation.as_deref(),
                &mut count,
            )?;
        }
        if let Some(k) = &params.kwarg {
            self.visit_argannotation(&k.name, k.annotation.as_deref(), &mut count)?;
        }
        self.visit_argannotation("return", returns, &mut count)?;
        if count > 0 {
            self.addop_i(Opcode::BUILD_TUPLE, count);
            return Ok(true);
        }
        Ok(false)
    }

    fn check_debug_args(&self, params: &ast::Parameters) -> CResult {
        for p in params.iter() {
            if p.name().as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", p.range()));
            }
        }
        Ok(())
    }

    /// `compiler_function`.
    pub fn visit_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        if f.type_params.is_some() {
            return Err(self.error("invalid syntax", f.range));
        }
        let def_range = self.def_range(f.range, &f.decorator_list);
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.line_of(d.expression.range()),
            None => self.line_of(def_range),
        };
        self.check_debug_args(&f.parameters)?;
        self.visit_decorators(&f.decorator_list)?;
        let mut funcflags = self.default_arguments(&f.parameters)?;
        if self.visit_annotations(&f.parameters, f.returns.as_deref())? {
            funcflags |= make_function::ANNOTATIONS;
        }
        let ste = self.scope_for(f, f.range)?;
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(&f.name, scope_type, ste, firstlineno)?;
        let doc = if self.options.optimize < 2 {
            docstring_of(&f.body).map(|d| d.0)
        } else {
            None
        };
        let has_doc = doc.is_some();
        self.add_const(match doc {
            Some(d) => Const::Str(Rc::from(d.as_str())),
            None => Const::None,
        });
        let p = &f.parameters;
        self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        self.u().posonlyargcount = p.posonlyargs.len() as u32;
        self.u().kwonlyargcount = p.kwonlyargs.len() as u32;
        let body = if has_doc { &f.body[1..] } else { &f.body[..] };
        for s in body {
            self.visit_stmt(s)?;
        }
        let qualname = self.u_ref().qualname.clone();
        let co = self.exit_scope(true)?;
        self.make_closure(co, funcflags, &qualname, f.range)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, Ctx::Store, f.name.range)
    }

    /// `compiler_lambda`.
    pub fn visit_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let mut funcflags = 0;
        if let Some(p) = &l.parameters {
            self.check_debug_args(p)?;
            funcflags = self.default_arguments(p)?;
        }
        let ste = self.scope_for(l, l.range)?;
        let lineno = self.line_of(l.range);
        self.enter_scope("<lambda>", ScopeType::Lambda, ste, lineno)?;
        // None is the first constant, so a lambda never has a docstring.
        self.add_const(Const::None);
        if let Some(p) = &l.parameters {
            self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            self.u().posonlyargcount = p.posonlyargs.len() as u32;
            self.u().kwonlyargcount = p.kwonlyargs.len() as u32;
        }
        self.visit_expr(&l.body)?;
        let co = if self.symtable.entry(ste).generator {
            self.exit_scope(false)?
        } else {
            self.addop(Opcode::RETURN_VALUE);
            self.exit_scope(true)?
        };
        let qualname = co.co_qualname.to_string();
        self.make_closure(co, funcflags, &qualname, l.range)
    }

    /// `compiler_make_closure`: LOAD_CLOSURE the child's free variables, then
    /// MAKE_FUNCTION.
    pub fn make_closure(
        &mut self,
        co: CodeObject,
        mut flags: u32,
        _qualname: &str,
        range: TextRange,
    ) -> CResult {
        let freevars = co.co_freevars();
        if !freevars.is_empty() {
            for name in &freevars {
                let is_class_cell =
                    self.u_ref().scope_type == ScopeType::Class && &**name == "__class__";
                let scope = self.symtable.entry(self.u_ref().ste).scope_of(name);
                let u = self.u();
                let arg = if is_class_cell || scope == Scope::Cell {
                    match u.cellvars.get(name) {
                        Some(i) => i,
                        None => {
                            return Err(self
                                .error(format!("pyrs: internal error: no cell for {name}"), range))
                        }
                    }
                } else {
                    u.cellvars.len() as u32 + u.freevars.insert(name)
                };
                self.addop_i(Opcode::LOAD_CLOSURE, arg);
            }
            flags |= make_function::CLOSURE;
            self.addop_i(Opcode::BUILD_TUPLE, freevars.len() as u32);
        }
        self.load_const(Const::Code(Rc::new(co)));
        self.addop_i(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// `compiler_class`.
    pub fn visit_class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        if c.type_params.is_some() {
            return Err(self.error("invalid syntax", c.range));
        }
        let def_range = self.def_range(c.range, &c.decorator_list);
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.line_of(d.expression.range()),
            None => self.line_of(def_range),
        };
        self.visit_decorators(&c.decorator_list)?;
        let ste = self.scope_for(c, c.range)?;
        self.enter_scope(&c.name, ScopeType::Class, ste, firstlineno)?;
        self.u().private = Some(c.name.to_string());
        let r = c.name.range;
        self.nameop("__name__", Ctx::Load, r)?;
        self.nameop("__module__", Ctx::Store, r)?;
        let qualname = self.u_ref().qualname.clone();
        self.load_const(Const::Str(Rc::from(qualname.as_str())));
        self.nameop("__qualname__", Ctx::Store, r)?;
        self.compile_body(&c.body)?;
        self.unset_loc();
        if self.symtable.entry(ste).needs_class_closure {
            let i = self.u().cellvars.insert("__class__");
            self.addop_i(Opcode::LOAD_CLOSURE, i);
            self.addop_i(Opcode::COPY, 1);
            self.nameop("__classcell__", Ctx::Store, r)?;
        } else {
            self.load_const(Const::None);
        }
        self.addop(Opcode::RETURN_VALUE);
        let co = self.exit_scope(true)?;
        self.addop(Opcode::PUSH_NULL);
        self.addop(Opcode::LOAD_BUILD_CLASS);
        self.make_closure(co, 0, &qualname, c.range)?;
        self.load_const(Const::Str(Rc::from(c.name.as_str())));
        match &c.arguments {
            Some(a) => self.call_helper(2, &a.args, &a.keywords)?,
            None => self.call_helper(2, &[], &[])?,
        }
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, Ctx::Store, c.name.range)
    }
}
