//! The virtual machine: interpreter and thread state, values and heap objects,
//! builtin types and functions, frames on a frame stack, and the eval loop that
//! runs CPython 3.11 code objects. Reference: CPython 3.11 Python/ceval.c, Objects/.

pub mod builtins;
pub mod builtins_class;
pub mod call;
pub mod error;
pub mod eval;
pub mod fast_hash;
pub mod format;
pub mod frame;
pub mod gil_cell;
pub mod import;
mod import_path;
pub mod modules;
pub mod object;
pub mod objects;
pub mod protocol;
pub mod pyc_cache;
pub mod run;
pub mod runtime;
mod stdlib_names;
pub mod suggestions;
pub mod sys_hooks;
pub mod sys_info;
pub mod sys_runtime;
pub mod sysmodule;
pub mod traceback_print;
pub mod types;
pub mod value;
pub mod vm;

/// The old name of `types`, kept while other branches that still say
/// `builtins_types::` merge; new code uses `types`.
pub use types as builtins_types;

pub use error::{PyErr, PyResult};
pub use object::ObjRef;
pub use value::Value;
pub use vm::Vm;

use std::path::PathBuf;

/// How the interpreter was started: what `sys.flags`, `sys.argv` and friends say.
#[derive(Clone, Default)]
pub struct Config {
    /// `sys.argv` exactly as CPython sets it (`argv[0]` is the script, `-c` or `-`).
    pub argv: Vec<String>,
    /// `sys.orig_argv`: the command line as the process received it.
    pub orig_argv: Vec<String>,
    /// `-B` or `PYTHONDONTWRITEBYTECODE`.
    pub dont_write_bytecode: bool,
    /// `-E`.
    pub ignore_environment: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-s`, `PYTHONNOUSERSITE` or `-I`: site adds no user site-packages.
    pub no_user_site: bool,
    /// `-P`, `PYTHONSAFEPATH` or `-I`: no script folder (or '') in sys.path.
    pub safe_path: bool,
    /// `-u`.
    pub unbuffered: bool,
    /// `-O` count.
    pub optimize: u8,
    /// `-X` options in order, as given (`name` or `name=value`).
    pub xoptions: Vec<String>,
    /// Native modules beyond the VM's own (`pyrs_stdlib::MODULES`), found by
    /// `import` after `sys.modules`, like the VM's builtin modules.
    pub native_modules: &'static [modules::ModuleDef],
}

/// What `__main__` runs.
#[derive(Clone, Debug)]
pub enum MainSource {
    /// `pyrs FILE`: a source file (or a `.pyc`).
    File(PathBuf),
    /// `pyrs -c CODE`.
    Command(String),
    /// A program read from standard input (already read, as text).
    Stdin(String),
    /// `pyrs -m MODULE` (needs the import system of issue 5).
    Module(String),
}

/// Run `__main__` to completion and return the process exit status: 0, 1 for an
/// uncaught exception (after printing its traceback), or what `sys.exit()` asked for.
pub fn run_main(config: Config, main: MainSource) -> i32 {
    run::run_main(config, main)
}
