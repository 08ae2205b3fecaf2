//! One code object under construction, CPython's `struct compiler_unit`: its
//! scope, names, constants, flow graph, frame-block stack and current location.

use crate::ir::{BlockId, Cfg};
use pyrs_bytecode::linetable::Location;
use pyrs_bytecode::Const;
use pyrs_symtable::ScopeId;
use std::collections::HashMap;

/// CPython's `COMPILER_SCOPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// An insertion-ordered name table (`u_names`, `u_varnames`, ...): a name's
/// index is its position.
#[derive(Clone, Debug, Default)]
pub struct NameMap {
    pub names: Vec<String>,
    index: HashMap<String, u32>,
}

impl NameMap {
    pub fn from_list(names: impl IntoIterator<Item = String>) -> NameMap {
        let mut m = NameMap::default();
        for n in names {
            m.insert(&n);
        }
        m
    }
    pub fn insert(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Frame blocks: what `break`, `continue` and `return` must unwind
/// (`enum fblocktype`).
#[derive(Clone, Debug)]
pub enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    /// Holds the index of the `finally` body to re-emit (into `Compiler::finally_bodies`).
    FinallyTry(usize),
    FinallyEnd,
    /// The `with` statement's range, for the location of the exit call.
    With(pyrs_syntax::TextRange),
    AsyncWith(pyrs_syntax::TextRange),
    /// The `except ... as name` name, if any.
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    /// `except*` bodies (not compiled yet; kept for the unwinding rules).
    #[allow(dead_code)]
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Debug)]
pub struct FBlock {
    pub kind: FBlockKind,
    pub block: Option<BlockId>,
    pub exit: Option<BlockId>,
}

pub struct Unit {
    pub ste: ScopeId,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    /// The class whose private names are mangled (`u_private`).
    pub private: Option<String>,
    pub consts: Vec<Const>,
    pub names: NameMap,
    pub varnames: NameMap,
    pub cellvars: NameMap,
    pub freevars: NameMap,
    pub cfg: Cfg,
    pub cur: BlockId,
    pub fblocks: Vec<FBlock>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub loc: Location,
}

impl Unit {
    /// `compiler_add_const`: the index of `c`, added if new. Equality is
    /// CPython's constant key (type-sensitive, floats by bits).
    pub fn add_const(&mut self, c: Const) -> u32 {
        if let Some(i) = self.consts.iter().position(|x| x.same_key(&c)) {
            return i as u32;
        }
        self.consts.push(c);
        (self.consts.len() - 1) as u32
    }
}
