//! The compiler: source text to a CPython 3.11 code object, through parse, symbol
//! table, codegen, flow graph and assembly. Reference: CPython 3.11 Python/compile.c.

mod assemble;
mod codegen;
mod const_eq;
mod flowgraph;
mod fold;
mod ir;
mod peephole;
mod percent_format;
mod unit;
mod unparse;

pub use pyrs_bytecode::CodeObject;
pub use pyrs_syntax::{SyntaxErrorInfo, SyntaxErrorKind};

/// `compile()`'s mode argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// The rest of `compile()`'s arguments.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// 0, 1 (`-O`: no asserts, `__debug__` is False) or 2 (`-OO`: no docstrings either).
    pub optimize: u8,
    /// `compile()`'s `flags`: the `CO_FUTURE_*` flags in force (from the
    /// caller or an enclosing module) and the `PyCF_*` ones of `cf_flags`.
    pub future_flags: u32,
}

/// `compile()`'s `PyCF_*` flags that change code generation.
pub mod cf_flags {
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for`, `async with` and
    /// async comprehensions at module level make the module a coroutine.
    pub const ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
}

/// Compile `source` (named `filename` in code objects and errors) to a code object.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    options: &CompileOptions,
) -> Result<CodeObject, SyntaxErrorInfo> {
    use pyrs_syntax::{parse, ParseMode, Parsed};
    let parse_mode = match mode {
        Mode::Eval => ParseMode::Expression,
        Mode::Exec | Mode::Single => ParseMode::Module,
    };
    let parsed = parse(source, filename, parse_mode)?;
    let mut options = options.clone();
    if let Parsed::Module(m) = &parsed {
        options.future_flags |= future_flags_of(&m.body);
    }
    let future_annotations =
        options.future_flags & pyrs_bytecode::code::flags::CO_FUTURE_ANNOTATIONS != 0;
    let body = match &parsed {
        Parsed::Module(m) => pyrs_symtable::Body::Module(&m.body),
        Parsed::Expression(e) => pyrs_symtable::Body::Expression(&e.body),
    };
    let with_file_text = |mut e: SyntaxErrorInfo| {
        e.text = pyrs_syntax::program_text(filename, e.lineno);
        e
    };
    let symtable =
        pyrs_symtable::build(body, source, filename, future_annotations).map_err(with_file_text)?;
    let mut c = codegen::Compiler::new(source, filename, symtable, &options);
    match &parsed {
        Parsed::Module(m) => c.compile_module(&m.body, mode == Mode::Single),
        Parsed::Expression(e) => c.compile_expression(&e.body),
    }
    // Errors found after parsing carry the file's line, as CPython's do.
    .map_err(with_file_text)
}

/// As `compile`, from a source's bytes decoded as CPython decodes a file
/// (PEP 263 coding declarations, a UTF-8 BOM).
pub fn compile_bytes(
    source: &[u8],
    filename: &str,
    mode: Mode,
    options: &CompileOptions,
) -> Result<CodeObject, SyntaxErrorInfo> {
    let text = pyrs_syntax::decode_source(source, filename)?;
    compile(&text, filename, mode, options)
}

/// `future_parse`: the `from __future__ import ...` statements at the top of a
/// module (after an optional docstring).
fn future_flags_of(body: &[pyrs_syntax::ast::Stmt]) -> u32 {
    use pyrs_syntax::ast::{Expr, Stmt};
    let mut flags = 0;
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => {}
            Stmt::ImportFrom(f)
                if f.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__") =>
            {
                for a in &f.names {
                    if a.name.as_str() == "annotations" {
                        flags |= pyrs_bytecode::code::flags::CO_FUTURE_ANNOTATIONS;
                    }
                }
            }
            _ => break,
        }
    }
    flags
}
