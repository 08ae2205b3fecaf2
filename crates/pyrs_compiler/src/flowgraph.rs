//! Whole-graph passes between code generation and assembly, in the order
//! CPython 3.11's `assemble()` runs them (Python/compile.c): `optimize_cfg`
//! (block extension, peephole, reachability, dead-block and redundant-jump
//! removal), `duplicate_exits_without_lineno`, `trim_unused_consts`,
//! `propagate_line_numbers`, `guarantee_lineno_for_exits`, NOP cleaning.

use crate::ir::{BlockId, Cfg, Instr};
use crate::peephole::optimize_basic_block;
use pyrs_bytecode::linetable::Location;
use pyrs_bytecode::{Const, Opcode};

/// MAX_COPY_SIZE: exit blocks this small are copied instead of jumped to.
const MAX_COPY_SIZE: usize = 4;

fn copy_loc(from: Location, to: &mut Instr) {
    to.loc = from;
}

/// `extend_block`: an unconditional jump to a small exit block is replaced by a
/// copy of that block.
fn extend_block(cfg: &mut Cfg, b: BlockId) {
    let Some(last) = cfg.blocks[b].last() else {
        return;
    };
    if !matches!(
        last.op,
        Opcode::JUMP | Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD
    ) {
        return;
    }
    let Some(t) = last.target else {
        return;
    };
    // Only blocks without a line number (implicit `return None`s) are copied:
    // copying real lines would change line events.
    let has_lineno = cfg.blocks[t].instrs.iter().any(|i| i.loc.lineno >= 0);
    if cfg.blocks[t].exits_scope() && cfg.blocks[t].instrs.len() <= MAX_COPY_SIZE && !has_lineno {
        let to_copy = cfg.blocks[t].instrs.clone();
        let n = cfg.blocks[b].instrs.len();
        cfg.blocks[b].instrs[n - 1].op = Opcode::NOP;
        cfg.blocks[b].instrs.extend(to_copy);
    }
}

/// `clean_basic_block`: drop NOPs whose line is covered by a neighbour.
pub fn clean_basic_block(cfg: &mut Cfg, b: BlockId) {
    let next_first_line = {
        let mut next = cfg.blocks[b].next;
        while let Some(n) = next {
            if !cfg.blocks[n].instrs.is_empty() {
                break;
            }
            next = cfg.blocks[n].next;
        }
        next.map(|n| cfg.blocks[n].instrs[0].loc.lineno)
    };
    let instrs = &mut cfg.blocks[b].instrs;
    let mut dest = 0;
    let mut prev_lineno = -1;
    let n = instrs.len();
    for src in 0..n {
        let lineno = instrs[src].loc.lineno;
        if instrs[src].op == Opcode::NOP {
            if lineno < 0 {
                continue;
            }
            if prev_lineno == lineno {
                continue;
            }
            if src < n - 1 {
                let next_lineno = instrs[src + 1].loc.lineno;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    let loc = instrs[src].loc;
                    copy_loc(loc, &mut instrs[src + 1]);
                    continue;
                }
            } else if next_first_line == Some(lineno) {
                continue;
            }
        }
        if dest != src {
            instrs[dest] = instrs[src].clone();
        }
        dest += 1;
        prev_lineno = lineno;
    }
    instrs.truncate(dest);
}

/// `mark_reachable`: predecessor counts, following CPython's traversal exactly
/// (a block can be pushed twice; the counts are what later passes read).
fn mark_reachable(cfg: &mut Cfg) {
    for b in cfg.blocks.iter_mut() {
        b.visited = false;
        b.predecessors = 0;
        b.except_predecessors = 0;
    }
    let entry = cfg.entry;
    cfg.blocks[entry].predecessors = 1;
    let mut stack = vec![entry];
    while let Some(b) = stack.pop() {
        cfg.blocks[b].visited = true;
        if let Some(next) = cfg.blocks[b].next {
            if !cfg.blocks[b].no_fallthrough() {
                if !cfg.blocks[next].visited {
                    stack.push(next);
                }
                cfg.blocks[next].predecessors += 1;
            }
        }
        for i in 0..cfg.blocks[b].instrs.len() {
            let ins = &cfg.blocks[b].instrs[i];
            if !ins.has_target() {
                continue;
            }
            let Some(t) = ins.target else { continue };
            let push = ins.is_block_push();
            if !cfg.blocks[t].visited {
                stack.push(t);
            }
            cfg.blocks[t].predecessors += 1;
            if push {
                cfg.blocks[t].except_predecessors += 1;
            }
        }
    }
}

/// `eliminate_empty_basic_blocks`.
fn eliminate_empty_basic_blocks(cfg: &mut Cfg) {
    let order = cfg.order();
    for &b in &order {
        if let Some(mut next) = cfg.blocks[b].next {
            while cfg.blocks[next].instrs.is_empty() {
                match cfg.blocks[next].next {
                    Some(n) => next = n,
                    None => break,
                }
            }
            cfg.blocks[b].next = Some(next);
        }
    }
    for b in cfg.order() {
        for i in 0..cfg.blocks[b].instrs.len() {
            if cfg.blocks[b].instrs[i].has_target() {
                if let Some(t) = cfg.blocks[b].instrs[i].target {
                    let t = cfg.skip_empty(t);
                    cfg.blocks[b].instrs[i].target = Some(t);
                }
            }
        }
    }
}

/// `optimize_cfg`.
pub fn optimize_cfg(cfg: &mut Cfg, consts: &mut Vec<Const>) {
    for b in cfg.order() {
        extend_block(cfg, b);
    }
    for b in cfg.order() {
        optimize_basic_block(cfg, b, consts);
        clean_basic_block(cfg, b);
    }
    for b in cfg.order() {
        extend_block(cfg, b);
    }
    mark_reachable(cfg);
    for b in cfg.order() {
        if cfg.blocks[b].predecessors == 0 {
            cfg.blocks[b].instrs.clear();
        }
    }
    eliminate_empty_basic_blocks(cfg);
    for b in cfg.order() {
        clean_basic_block(cfg, b);
    }
    // A jump to the block that follows anyway is redundant.
    let mut maybe_empty = false;
    for b in cfg.order() {
        let next = cfg.blocks[b].next;
        if let Some(last) = cfg.blocks[b].instrs.last_mut() {
            if matches!(last.op, Opcode::JUMP | Opcode::JUMP_NO_INTERRUPT) && last.target == next {
                last.op = Opcode::NOP;
                maybe_empty = true;
            }
        }
    }
    if maybe_empty {
        eliminate_empty_basic_blocks(cfg);
    }
}

fn is_exit_without_lineno(cfg: &Cfg, b: BlockId) -> bool {
    let blk = &cfg.blocks[b];
    blk.exits_scope() && blk.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// `duplicate_exits_without_lineno`: give every line-less exit block a single
/// predecessor, so that it can take that predecessor's line.
pub fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    // CPython walks `b_list`, newest block first, and each copy goes right
    // after its original: which predecessor gets which copy, and so the
    // layout, depends on that order. Copies made here are not visited.
    let mut in_layout = vec![false; cfg.blocks.len()];
    for b in cfg.order() {
        in_layout[b] = true;
    }
    for b in (0..in_layout.len()).rev().filter(|&b| in_layout[b]) {
        let Some(last) = cfg.blocks[b].instrs.last() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let Some(target) = last.target else { continue };
        if is_exit_without_lineno(cfg, target) && cfg.blocks[target].predecessors > 1 {
            let new_target = cfg.new_block();
            let mut instrs = cfg.blocks[target].instrs.clone();
            let loc = cfg.blocks[b]
                .instrs
                .last()
                .map(|i| i.loc)
                .unwrap_or(Location::NONE);
            copy_loc(loc, &mut instrs[0]);
            cfg.blocks[new_target].instrs = instrs;
            let n = cfg.blocks[b].instrs.len();
            cfg.blocks[b].instrs[n - 1].target = Some(new_target);
            cfg.blocks[target].predecessors -= 1;
            cfg.blocks[new_target].predecessors = 1;
            cfg.blocks[new_target].next = cfg.blocks[target].next;
            cfg.blocks[target].next = Some(new_target);
        }
    }
    for b in cfg.order() {
        while let Some(n) = cfg.blocks[b].next {
            if cfg.blocks[n].instrs.is_empty() {
                cfg.blocks[b].next = cfg.blocks[n].next;
            } else {
                break;
            }
        }
    }
    for b in cfg.order() {
        if cfg.blocks[b].no_fallthrough() || cfg.blocks[b].instrs.is_empty() {
            continue;
        }
        if let Some(n) = cfg.blocks[b].next {
            if is_exit_without_lineno(cfg, n) {
                let loc = cfg.blocks[b]
                    .instrs
                    .last()
                    .map(|i| i.loc)
                    .unwrap_or(Location::NONE);
                copy_loc(loc, &mut cfg.blocks[n].instrs[0]);
            }
        }
    }
}

/// `trim_unused_consts`: drop constants after the last one used (the first is
/// always kept: it may be the docstring).
pub fn trim_unused_consts(cfg: &Cfg, consts: &mut Vec<Const>) {
    let mut max = 0;
    for b in cfg.order() {
        for i in &cfg.blocks[b].instrs {
            if matches!(i.op, Opcode::LOAD_CONST | Opcode::KW_NAMES) && i.arg as usize > max {
                max = i.arg as usize;
            }
        }
    }
    if max + 1 < consts.len() {
        consts.truncate(max + 1);
    }
}

/// `propagate_line_numbers`: line-less instructions take the location of the
/// instruction before them, across single-predecessor edges too.
pub fn propagate_line_numbers(cfg: &mut Cfg) {
    for b in cfg.order() {
        if cfg.blocks[b].instrs.is_empty() {
            continue;
        }
        let mut prev = Location::NONE;
        for ins in cfg.blocks[b].instrs.iter_mut() {
            if ins.loc.lineno < 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        if !cfg.blocks[b].no_fallthrough() {
            if let Some(n) = cfg.blocks[b].next {
                if cfg.blocks[n].predecessors == 1 {
                    if let Some(first) = cfg.blocks[n].instrs.first_mut() {
                        if first.loc.lineno < 0 {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
        let last = cfg.blocks[b].instrs.last().cloned();
        if let Some(last) = last {
            if last.is_jump() {
                if let Some(t) = last.target {
                    if cfg.blocks[t].predecessors == 1 {
                        if let Some(first) = cfg.blocks[t].instrs.first_mut() {
                            if first.loc.lineno < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `guarantee_lineno_for_exits`.
pub fn guarantee_lineno_for_exits(cfg: &mut Cfg, firstlineno: u32) {
    let mut lineno = firstlineno as i32;
    for b in cfg.order() {
        let Some(last) = cfg.blocks[b].instrs.last() else {
            continue;
        };
        if last.loc.lineno < 0 {
            if last.op == Opcode::RETURN_VALUE {
                for i in cfg.blocks[b].instrs.iter_mut() {
                    i.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}

/// `remove_redundant_nops`.
pub fn remove_redundant_nops(cfg: &mut Cfg) {
    for b in cfg.order() {
        clean_basic_block(cfg, b);
    }
}
