//! Assembly: a unit's flow graph to a `CodeObject`. Runs the flow-graph passes,
//! inserts the prefix instructions (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR),
//! lays out `co_localsplusnames`, computes the stack depth, labels exception
//! handlers (3.11 keeps them in place: moving cold blocks to the end is 3.12),
//! resolves jumps (direction, EXTENDED_ARG)
//! and writes `co_code`, `co_linetable` and `co_exceptiontable`. Mirrors
//! `assemble()` and its helpers in CPython 3.11 Python/compile.c.

use crate::codegen::{CResult, Compiler};
use crate::flowgraph;
use crate::ir::{BlockId, Cfg, Instr};
use crate::unit::Unit;
use pyrs_bytecode::code::{flags as coflags, kinds};
use pyrs_bytecode::exception_table::{self, ExceptionTableEntry};
use pyrs_bytecode::linetable::{LineTableWriter, Location};
use pyrs_bytecode::{CodeObject, Opcode};
use std::rc::Rc;

pub(crate) fn assemble(c: &Compiler<'_>, mut u: Unit, code_flags: u32) -> CResult<CodeObject> {
    let nlocals = u.varnames.len();
    let ncells = u.cellvars.len();
    let nfree = u.freevars.len();

    // `build_cellfixedoffsets`: a cell that is also an argument lives in the
    // argument's slot.
    let mut fixed: Vec<usize> = (0..ncells + nfree).map(|i| nlocals + i).collect();
    for (ci, name) in u.cellvars.names.iter().enumerate() {
        if let Some(vi) = u.varnames.get(name) {
            fixed[ci] = vi as usize;
        }
    }
    insert_prefix_instructions(&mut u, &fixed, nfree, code_flags);
    fix_cell_offsets(&mut u.cfg, &mut fixed, nlocals);

    let mut consts = std::mem::take(&mut u.consts);
    flowgraph::optimize_cfg(&mut u.cfg, &mut consts);
    flowgraph::duplicate_exits_without_lineno(&mut u.cfg);
    flowgraph::trim_unused_consts(&u.cfg, &mut consts);
    flowgraph::propagate_line_numbers(&mut u.cfg);
    flowgraph::guarantee_lineno_for_exits(&mut u.cfg, u.firstlineno);
    let maxdepth = stackdepth(&mut u.cfg, code_flags);

    label_exception_targets(&mut u.cfg);
    for b in u.cfg.order() {
        for i in u.cfg.blocks[b].instrs.iter_mut() {
            if i.is_block_push() || i.op == Opcode::POP_BLOCK {
                i.op = Opcode::NOP;
                i.target = None;
            }
        }
    }
    flowgraph::remove_redundant_nops(&mut u.cfg);
    normalize_jumps(&mut u.cfg).map_err(|m| c.error(m, Default::default()))?;
    assemble_jump_offsets(&mut u.cfg);

    // Emit code, locations and handlers.
    let order = u.cfg.order();
    let mut code = Vec::new();
    let mut lt = LineTableWriter::new(u.firstlineno as i32);
    for &b in &order {
        for ins in &u.cfg.blocks[b].instrs {
            write_instr(&mut code, ins);
            lt.push(ins.loc, ins.size());
        }
    }
    let exceptiontable = assemble_exception_table(&u.cfg, &order);

    // `compute_localsplus_info`.
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut kinds_v: Vec<u8> = Vec::new();
    for n in &u.varnames.names {
        let mut k = kinds::CO_FAST_LOCAL;
        if u.cellvars.get(n).is_some() {
            k |= kinds::CO_FAST_CELL;
        }
        names.push(Rc::from(n.as_str()));
        kinds_v.push(k);
    }
    for n in &u.cellvars.names {
        if u.varnames.get(n).is_none() {
            names.push(Rc::from(n.as_str()));
            kinds_v.push(kinds::CO_FAST_CELL);
        }
    }
    for n in &u.freevars.names {
        names.push(Rc::from(n.as_str()));
        kinds_v.push(kinds::CO_FAST_FREE);
    }

    let _ = coflags::CO_NOFREE;
    Ok(CodeObject {
        co_argcount: u.argcount,
        co_posonlyargcount: u.posonlyargcount,
        co_kwonlyargcount: u.kwonlyargcount,
        co_stacksize: maxdepth as u32,
        co_flags: code_flags,
        co_code: code,
        co_consts: consts,
        co_names: u.names.names.iter().map(|n| Rc::from(n.as_str())).collect(),
        co_localsplusnames: names,
        co_localspluskinds: kinds_v,
        co_filename: Rc::from(c.filename),
        co_name: Rc::from(u.name.as_str()),
        co_qualname: Rc::from(u.qualname.as_str()),
        co_firstlineno: u.firstlineno,
        co_linetable: lt.finish(),
        co_exceptiontable: exceptiontable,
    })
}

fn no_loc() -> Location {
    Location::NONE
}

/// `insert_prefix_instructions`.
fn insert_prefix_instructions(u: &mut Unit, fixed: &[usize], nfree: usize, code_flags: u32) {
    let entry = u.cfg.entry;
    let instrs = &mut u.cfg.blocks[entry].instrs;
    if code_flags & (coflags::CO_GENERATOR | coflags::CO_COROUTINE | coflags::CO_ASYNC_GENERATOR)
        != 0
    {
        let fl = u.firstlineno as i32;
        let make_gen = Instr::new(
            Opcode::RETURN_GENERATOR,
            0,
            Location {
                lineno: fl,
                end_lineno: fl,
                col_offset: -1,
                end_col_offset: -1,
            },
        );
        instrs.insert(0, make_gen);
        instrs.insert(1, Instr::new(Opcode::POP_TOP, 0, no_loc()));
    }
    let ncells = u.cellvars.len();
    if ncells > 0 {
        // MAKE_CELL in the order of the cells' final slots.
        let mut sorted: Vec<(usize, usize)> = (0..ncells).map(|i| (fixed[i], i)).collect();
        sorted.sort();
        for (k, (_, oldindex)) in sorted.into_iter().enumerate() {
            instrs.insert(k, Instr::new(Opcode::MAKE_CELL, oldindex as u32, no_loc()));
        }
    }
    if nfree > 0 {
        instrs.insert(
            0,
            Instr::new(Opcode::COPY_FREE_VARS, nfree as u32, no_loc()),
        );
    }
}

/// `fix_cell_offsets`: cell and free indices become `co_localsplusnames` slots.
fn fix_cell_offsets(cfg: &mut Cfg, fixed: &mut [usize], nlocals: usize) {
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in cfg.blocks.iter_mut() {
        for ins in b.instrs.iter_mut() {
            if matches!(
                ins.op,
                Opcode::MAKE_CELL
                    | Opcode::LOAD_CLOSURE
                    | Opcode::LOAD_DEREF
                    | Opcode::STORE_DEREF
                    | Opcode::DELETE_DEREF
                    | Opcode::LOAD_CLASSDEREF
            ) {
                if let Some(&f) = fixed.get(ins.arg as usize) {
                    ins.arg = f as u32;
                }
            }
        }
    }
}

/// `stackdepth`.
fn stackdepth(cfg: &mut Cfg, code_flags: u32) -> i32 {
    for b in cfg.blocks.iter_mut() {
        b.startdepth = i32::MIN;
    }
    let mut stack: Vec<BlockId> = Vec::new();
    let mut maxdepth = 0;
    let push = |cfg: &mut Cfg, stack: &mut Vec<BlockId>, b: BlockId, depth: i32| {
        if cfg.blocks[b].startdepth < depth && cfg.blocks[b].startdepth < 100 {
            cfg.blocks[b].startdepth = depth;
            stack.push(b);
        }
    };
    let gen = code_flags
        & (coflags::CO_GENERATOR | coflags::CO_COROUTINE | coflags::CO_ASYNC_GENERATOR)
        != 0;
    let entry = cfg.entry;
    push(cfg, &mut stack, entry, if gen { 1 } else { 0 });
    while let Some(b) = stack.pop() {
        let mut depth = cfg.blocks[b].startdepth;
        let mut next = cfg.blocks[b].next;
        let n = cfg.blocks[b].instrs.len();
        for k in 0..n {
            let ins = cfg.blocks[b].instrs[k].clone();
            let effect = ins.op.stack_effect(ins.arg, false);
            let new_depth = depth + effect;
            maxdepth = maxdepth.max(new_depth);
            if ins.has_target() {
                let effect = ins.op.stack_effect(ins.arg, true);
                let target_depth = depth + effect;
                maxdepth = maxdepth.max(target_depth);
                if let Some(t) = ins.target {
                    push(cfg, &mut stack, t, target_depth);
                }
            }
            depth = new_depth;
            if matches!(
                ins.op,
                Opcode::JUMP_NO_INTERRUPT
                    | Opcode::JUMP
                    | Opcode::RETURN_VALUE
                    | Opcode::RAISE_VARARGS
                    | Opcode::RERAISE
            ) {
                next = None;
                break;
            }
        }
        if let Some(nx) = next {
            push(cfg, &mut stack, nx, depth);
        }
    }
    maxdepth
}

/// `label_exception_targets`: the handler of every instruction, from the
/// SETUP_*/POP_BLOCK structure.
fn label_exception_targets(cfg: &mut Cfg) {
    let n = cfg.blocks.len();
    let mut stacks: Vec<Option<Vec<BlockId>>> = vec![None; n];
    for b in cfg.blocks.iter_mut() {
        b.visited = false;
    }
    let entry = cfg.entry;
    let mut todo = vec![entry];
    cfg.blocks[entry].visited = true;
    stacks[entry] = Some(Vec::new());
    while let Some(b) = todo.pop() {
        let mut except_stack = stacks[b].take().unwrap_or_default();
        let mut handler = except_stack.last().copied();
        let len = cfg.blocks[b].instrs.len();
        for k in 0..len {
            let ins = cfg.blocks[b].instrs[k].clone();
            if ins.is_block_push() {
                if let Some(t) = ins.target {
                    if !cfg.blocks[t].visited {
                        stacks[t] = Some(except_stack.clone());
                        cfg.blocks[t].visited = true;
                        todo.push(t);
                    }
                    if matches!(ins.op, Opcode::SETUP_WITH | Opcode::SETUP_CLEANUP) {
                        cfg.blocks[t].preserve_lasti = true;
                    }
                    except_stack.push(t);
                    handler = Some(t);
                }
            } else if ins.op == Opcode::POP_BLOCK {
                except_stack.pop();
                handler = except_stack.last().copied();
            } else if ins.is_jump() {
                cfg.blocks[b].instrs[k].except = handler;
                if let Some(t) = ins.target {
                    if !cfg.blocks[t].visited {
                        stacks[t] = Some(except_stack.clone());
                        cfg.blocks[t].visited = true;
                        todo.push(t);
                    }
                }
            } else {
                cfg.blocks[b].instrs[k].except = handler;
            }
        }
        if !cfg.blocks[b].no_fallthrough() {
            if let Some(nx) = cfg.blocks[b].next {
                if !cfg.blocks[nx].visited {
                    stacks[nx] = Some(except_stack);
                    cfg.blocks[nx].visited = true;
                    todo.push(nx);
                }
            }
        }
    }
}

/// `normalize_jumps`: pseudo jumps become forward or backward jumps.
fn normalize_jumps(cfg: &mut Cfg) -> Result<(), String> {
    for b in cfg.blocks.iter_mut() {
        b.visited = false;
    }
    for b in cfg.order() {
        cfg.blocks[b].visited = true;
        let Some(last) = cfg.blocks[b].instrs.last() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let Some(t) = last.target else { continue };
        let fwd = !cfg.blocks[t].visited;
        let op = last.op;
        let new = match op {
            Opcode::JUMP => {
                if fwd {
                    Opcode::JUMP_FORWARD
                } else {
                    Opcode::JUMP_BACKWARD
                }
            }
            Opcode::JUMP_NO_INTERRUPT => {
                if fwd {
                    Opcode::JUMP_FORWARD
                } else {
                    Opcode::JUMP_BACKWARD_NO_INTERRUPT
                }
            }
            Opcode::POP_JUMP_IF_NOT_NONE => {
                if fwd {
                    Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                } else {
                    Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE
                }
            }
            Opcode::POP_JUMP_IF_NONE => {
                if fwd {
                    Opcode::POP_JUMP_FORWARD_IF_NONE
                } else {
                    Opcode::POP_JUMP_BACKWARD_IF_NONE
                }
            }
            Opcode::POP_JUMP_IF_FALSE => {
                if fwd {
                    Opcode::POP_JUMP_FORWARD_IF_FALSE
                } else {
                    Opcode::POP_JUMP_BACKWARD_IF_FALSE
                }
            }
            Opcode::POP_JUMP_IF_TRUE => {
                if fwd {
                    Opcode::POP_JUMP_FORWARD_IF_TRUE
                } else {
                    Opcode::POP_JUMP_BACKWARD_IF_TRUE
                }
            }
            Opcode::JUMP_IF_TRUE_OR_POP
            | Opcode::JUMP_IF_FALSE_OR_POP
            | Opcode::FOR_ITER
            | Opcode::SEND => {
                if !fwd {
                    return Err(format!("pyrs: internal error: backward {}", op.name()));
                }
                op
            }
            other => other,
        };
        if let Some(l) = cfg.blocks[b].instrs.last_mut() {
            l.op = new;
        }
    }
    Ok(())
}

/// `assemble_jump_offsets`: iterate until EXTENDED_ARG prefixes are stable.
fn assemble_jump_offsets(cfg: &mut Cfg) {
    let order = cfg.order();
    loop {
        let mut total = 0u32;
        for &b in &order {
            cfg.blocks[b].offset = total;
            total += cfg.blocks[b]
                .instrs
                .iter()
                .map(|i| i.size() as u32)
                .sum::<u32>();
        }
        let mut recompile = false;
        for &b in &order {
            let mut bsize = cfg.blocks[b].offset;
            for k in 0..cfg.blocks[b].instrs.len() {
                let (isize, is_jump, target, op) = {
                    let i = &cfg.blocks[b].instrs[k];
                    (i.size() as u32, i.is_jump(), i.target, i.op)
                };
                bsize += isize;
                if is_jump {
                    let Some(t) = target else { continue };
                    let toff = cfg.blocks[t].offset;
                    let arg = if op
                        .flags()
                        .contains(pyrs_bytecode::opcode::OpFlags::JUMP_BACKWARD)
                    {
                        bsize.saturating_sub(toff)
                    } else {
                        toff.saturating_sub(bsize)
                    };
                    let ins = &mut cfg.blocks[b].instrs[k];
                    ins.arg = arg;
                    if ins.size() as u32 != isize {
                        recompile = true;
                    }
                }
            }
        }
        if !recompile {
            break;
        }
    }
}

fn write_instr(code: &mut Vec<u8>, ins: &Instr) {
    let arg = ins.oparg();
    let byte = ins.op.to_byte().unwrap_or(Opcode::NOP as u8);
    let ext = ins.size() - 1 - ins.op.cache_entries();
    for k in (1..=ext).rev() {
        code.push(Opcode::EXTENDED_ARG as u8);
        code.push(((arg >> (8 * k)) & 0xff) as u8);
    }
    code.push(byte);
    code.push((arg & 0xff) as u8);
    for _ in 0..ins.op.cache_entries() {
        code.push(0);
        code.push(0);
    }
}

/// `assemble_exception_table`.
fn assemble_exception_table(cfg: &Cfg, order: &[BlockId]) -> Vec<u8> {
    let mut entries = Vec::new();
    let mut handler: Option<BlockId> = None;
    let mut start = 0u32;
    let mut ioffset = 0u32;
    let emit = |entries: &mut Vec<ExceptionTableEntry>, start: u32, end: u32, h: BlockId| {
        let hb = &cfg.blocks[h];
        let mut depth = hb.startdepth - 1;
        if hb.preserve_lasti {
            depth -= 1;
        }
        entries.push(ExceptionTableEntry {
            start,
            end,
            target: hb.offset,
            depth: depth.max(0) as u32,
            lasti: hb.preserve_lasti,
        });
    };
    for &b in order {
        ioffset = cfg.blocks[b].offset;
        for ins in &cfg.blocks[b].instrs {
            if ins.except != handler {
                if let Some(h) = handler {
                    emit(&mut entries, start, ioffset, h);
                }
                start = ioffset;
                handler = ins.except;
            }
            ioffset += ins.size() as u32;
        }
    }
    if let Some(h) = handler {
        emit(&mut entries, start, ioffset, h);
    }
    exception_table::encode(&entries)
}
