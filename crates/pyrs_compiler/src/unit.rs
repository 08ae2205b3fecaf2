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
        if let Some(i) = self.consts.iter().position(|x| const_key_eq(x, &c)) {
            return i as u32;
        }
        self.consts.push(c);
        (self.consts.len() - 1) as u32
    }
}

/// `same_key`, except that code objects are equal by content, as CPython's
/// constant cache merges them: a `while` test compiled twice makes one
/// lambda or generator expression constant, not two.
fn const_key_eq(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Code(x), Const::Code(y)) => code_eq(x, y),
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_key_eq(p, q))
        }
        // Sets are equal whatever the order of their items.
        (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| const_key_eq(p, q)))
        }
        _ => a.same_key(b),
    }
}

/// The fields `code_richcompare` compares (Objects/codeobject.c).
fn code_eq(a: &pyrs_bytecode::CodeObject, b: &pyrs_bytecode::CodeObject) -> bool {
    a.co_name == b.co_name
        && a.co_argcount == b.co_argcount
        && a.co_posonlyargcount == b.co_posonlyargcount
        && a.co_kwonlyargcount == b.co_kwonlyargcount
        && a.co_flags == b.co_flags
        && a.co_firstlineno == b.co_firstlineno
        && a.co_code == b.co_code
        && a.co_consts.len() == b.co_consts.len()
        && a.co_consts
            .iter()
            .zip(&b.co_consts)
            .all(|(x, y)| const_key_eq(x, y))
        && a.co_names == b.co_names
        && a.co_localsplusnames == b.co_localsplusnames
        && a.co_linetable == b.co_linetable
        && a.co_exceptiontable == b.co_exceptiontable
}
