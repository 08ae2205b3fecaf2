//! The second pass of the symbol table: resolve every name to local, global
//! (explicit or implicit), free or cell, propagating free variables up through
//! the enclosing blocks. Mirrors `analyze_block`, `analyze_name`,
//! `analyze_cells`, `update_symbols` and `drop_class_free` of Python/symtable.c.

use crate::flags::*;
use crate::{BlockType, Scope, ScopeId, SymbolTable};
use pyrs_syntax::TextRange;
use std::collections::{BTreeSet, HashMap};

type NameSet = BTreeSet<String>;
type AnalyzeError = (String, TextRange);

pub(crate) fn analyze(table: &mut SymbolTable) -> Result<(), AnalyzeError> {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    analyze_block(table, 0, None, &mut free, &mut global)
}

fn directive_range(table: &SymbolTable, id: ScopeId, name: &str) -> TextRange {
    table.entries[id]
        .directives
        .get(name)
        .copied()
        .unwrap_or_default()
}

fn analyze_name(
    table: &mut SymbolTable,
    id: ScopeId,
    scopes: &mut HashMap<String, Scope>,
    name: &str,
    flags: u32,
    bound: Option<&NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), AnalyzeError> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err((
                format!("name '{name}' is nonlocal and global"),
                directive_range(table, id, name),
            ));
        }
        scopes.insert(name.to_string(), Scope::GlobalExplicit);
        global.insert(name.to_string());
        // `bound` is the caller's copy; removing from it is what CPython does too,
        // but only the set passed down matters, which `analyze_block` rebuilds.
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err((
                "nonlocal declaration not allowed at module level".into(),
                directive_range(table, id, name),
            ));
        };
        if !bound.contains(name) {
            return Err((
                format!("no binding for nonlocal '{name}' found"),
                directive_range(table, id, name),
            ));
        }
        scopes.insert(name.to_string(), Scope::Free);
        table.entries[id].free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_string(), Scope::Local);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    // A name that is bound in an enclosing function is free here; a name bound in
    // no enclosing function is global (implicitly).
    if bound.is_some_and(|b| b.contains(name)) {
        scopes.insert(name.to_string(), Scope::Free);
        table.entries[id].free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if global.contains(name) {
        scopes.insert(name.to_string(), Scope::GlobalImplicit);
        return Ok(());
    }
    if table.entries[id].nested {
        table.entries[id].free = true;
    }
    scopes.insert(name.to_string(), Scope::GlobalImplicit);
    Ok(())
}

fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), AnalyzeError> {
    let mut local = NameSet::new();
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();
    let typ = table.entries[id].typ;

    // A class namespace is invisible to nested functions: what they see is
    // computed from the enclosing blocks before the class's own names.
    if typ == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(String, u32)> = table.entries[id]
        .symbols
        .iter()
        .map(|s| (s.name.clone(), s.flags))
        .collect();
    for (name, flags) in &symbols {
        if flags & DEF_GLOBAL != 0 {
            if let Some(b) = bound.as_deref_mut() {
                b.remove(name);
            }
        }
        analyze_name(
            table,
            id,
            &mut scopes,
            name,
            *flags,
            bound.as_deref(),
            &mut local,
            free,
            global,
        )?;
    }

    if typ != BlockType::Class {
        if typ == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let mut allfree = NameSet::new();
    let children = table.entries[id].children.clone();
    for child in children {
        // Each child works on copies: what it binds or declares must not leak
        // into its siblings.
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        analyze_block(
            table,
            child,
            Some(&mut temp_bound),
            &mut temp_free,
            &mut temp_global,
        )?;
        allfree.extend(temp_free);
        let c = &table.entries[child];
        if c.free || c.child_free {
            table.entries[id].child_free = true;
        }
    }
    newfree.extend(allfree);

    match typ {
        BlockType::Function => analyze_cells(&mut scopes, &mut newfree),
        BlockType::Class => {
            if newfree.remove("__class__") {
                table.entries[id].needs_class_closure = true;
            }
        }
        BlockType::Module => {}
    }

    update_symbols(
        table,
        id,
        &scopes,
        bound.as_deref(),
        &newfree,
        typ == BlockType::Class,
    );
    free.extend(newfree);
    Ok(())
}

/// A local that a child block uses freely becomes a cell.
fn analyze_cells(scopes: &mut HashMap<String, Scope>, free: &mut NameSet) {
    for (name, scope) in scopes.iter_mut() {
        if *scope == Scope::Local && free.remove(name) {
            *scope = Scope::Cell;
        }
    }
}

fn update_symbols(
    table: &mut SymbolTable,
    id: ScopeId,
    scopes: &HashMap<String, Scope>,
    bound: Option<&NameSet>,
    free: &NameSet,
    classflag: bool,
) {
    let ste = &mut table.entries[id];
    for sym in ste.symbols.iter_mut() {
        if let Some(&s) = scopes.get(&sym.name) {
            sym.scope = s;
        }
    }
    // Free variables of children that this block does not bind pass through it.
    for name in free {
        if let Some(&i) = ste.index.get(name) {
            let sym = &mut ste.symbols[i];
            if classflag && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue;
        }
        if bound.is_none() {
            continue;
        }
        let sym = ste.symbol_mut(name);
        sym.scope = Scope::Free;
    }
}
