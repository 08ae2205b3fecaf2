//! The compiler: source text to a CPython 3.11 code object, through parse, symbol
//! table, codegen, flow graph and assembly. Reference: CPython 3.11 Python/compile.c.

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
    /// `CO_FUTURE_*` flags in force (from `compile(flags=...)` or an enclosing module).
    pub future_flags: u32,
}

/// Compile `source` (named `filename` in code objects and errors) to a code object.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    options: &CompileOptions,
) -> Result<CodeObject, SyntaxErrorInfo> {
    let _ = (source, mode, options);
    Err(SyntaxErrorInfo {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "the compiler is not written yet".into(),
        filename: filename.into(),
        lineno: 1,
        offset: 1,
        end_lineno: 1,
        end_offset: 1,
        text: None,
    })
}
