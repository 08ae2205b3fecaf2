//! The symbol table: scopes of module, class, function, lambda and comprehension,
//! and CPython's classification of every name in them. Never sees an opcode.
//! Reference: CPython 3.11 Python/symtable.c (`_PySymtable_Build`, `analyze`).
//!
//! Scopes are keyed by the address of their AST node, as CPython keys them by
//! `PyObject *` of the node: the AST is borrowed for the whole compilation, so the
//! addresses are stable.

mod analyze;
mod build;
mod mangle;

pub use build::{build, Body, MAX_NESTING};
pub use mangle::mangle;

use std::collections::HashMap;

/// Symbol flags of Include/internal/pycore_symtable.h.
pub mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE: u32 = 32;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

/// Where a name lives, CPython's `LOCAL`..`CELL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Not yet analysed, or not a symbol of the block at all.
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    /// Functions, lambdas and comprehensions.
    Function,
}

/// Which comprehension a function block is, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: Scope,
}

/// Index of a block in `SymbolTable::entries`.
pub type ScopeId = usize;

/// One block, CPython's `PySTEntryObject`.
#[derive(Clone, Debug)]
pub struct SymbolTableEntry {
    pub typ: BlockType,
    pub name: String,
    /// Symbols in first-seen order.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names in `co_varnames` order (`ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<ComprehensionKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    /// The block has free variables (`ste_free`).
    pub free: bool,
    /// A child block has free variables (`ste_child_free`).
    pub child_free: bool,
    /// A method uses `__class__` or `super` (`ste_needs_class_closure`).
    pub needs_class_closure: bool,
    /// Inside a comprehension's iteration target (`ste_comp_iter_target`).
    pub(crate) comp_iter_target: bool,
    /// Where each `global`/`nonlocal` name was declared, for analysis errors.
    pub(crate) directives: HashMap<String, pyrs_syntax::TextRange>,
    /// 1-based line of the block's node.
    pub lineno: u32,
}

impl SymbolTableEntry {
    fn new(typ: BlockType, name: &str, lineno: u32) -> Self {
        SymbolTableEntry {
            typ,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested: false,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            free: false,
            child_free: false,
            needs_class_closure: false,
            comp_iter_target: false,
            directives: HashMap::new(),
            lineno,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The flags of `name`, 0 when the block never saw it.
    pub fn flags_of(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// `_PyST_GetScope`: the scope of an (already mangled) name.
    pub fn scope_of(&self, name: &str) -> Scope {
        self.lookup(name).map_or(Scope::Unknown, |s| s.scope)
    }

    fn symbol_mut(&mut self, name: &str) -> &mut Symbol {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: 0,
                    scope: Scope::Unknown,
                });
                self.index.insert(name.to_string(), self.symbols.len() - 1);
                self.symbols.len() - 1
            }
        };
        &mut self.symbols[i]
    }

    /// Names of the given scope, sorted as CPython's `dictbytype` sorts them.
    pub fn sorted_names(&self, scope: Scope, skip_flag: u32) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == scope && s.flags & skip_flag == 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }
}

/// All blocks of one compilation, the module block first.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub entries: Vec<SymbolTableEntry>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The block of the AST node at `node` (the address of the `Stmt`/`Expr` variant
    /// payload that opened it, or of the module).
    pub fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    pub fn entry(&self, id: ScopeId) -> &SymbolTableEntry {
        &self.entries[id]
    }
}
