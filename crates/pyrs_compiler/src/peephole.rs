//! The per-block peephole optimizer, `optimize_basic_block` of CPython 3.11
//! Python/compile.c: constant conditional jumps, `is None` jumps, tuple folding,
//! BUILD_TUPLE/UNPACK_SEQUENCE, jump threading, SWAP minimisation
//! (`swaptimize`, `apply_static_swaps`) and PUSH_NULL + LOAD_GLOBAL merging.

use crate::fold::const_truth;
use crate::ir::{BlockId, Cfg, Instr};
use pyrs_bytecode::{Const, Opcode};
use std::rc::Rc;

/// `add_const`: the index of `c` in `consts`, appended if new.
pub fn add_const(consts: &mut Vec<Const>, c: Const) -> u32 {
    if let Some(i) = consts.iter().position(|x| x.same_key(&c)) {
        return i as u32;
    }
    consts.push(c);
    (consts.len() - 1) as u32
}

fn has_const(op: Opcode) -> bool {
    matches!(op, Opcode::LOAD_CONST | Opcode::KW_NAMES)
}

/// `jump_thread`: retarget `inst` to the target of the jump it lands on. 3.11
/// threads only between jumps on the same line: a jump without a line (the
/// artificial jump back to a loop's start) is kept as a trampoline (3.12 relaxed
/// this).
fn jump_thread(cfg: &mut Cfg, b: BlockId, i: usize, target: &Instr, op: Opcode) -> bool {
    let inst = &mut cfg.blocks[b].instrs[i];
    if inst.loc.lineno == target.loc.lineno && inst.target != target.target {
        inst.target = target.target;
        inst.op = op;
        return true;
    }
    false
}

pub fn optimize_basic_block(cfg: &mut Cfg, b: BlockId, consts: &mut Vec<Const>) {
    let mut i: isize = 0;
    while (i as usize) < cfg.blocks[b].instrs.len() {
        let iu = i as usize;
        let len = cfg.blocks[b].instrs.len();
        let nextop = if iu + 1 < len {
            Some(cfg.blocks[b].instrs[iu + 1].op)
        } else {
            None
        };
        // Skip over empty blocks for jumps and handlers.
        let mut target_instr: Option<Instr> = None;
        if cfg.blocks[b].instrs[iu].has_target() {
            if let Some(t) = cfg.blocks[b].instrs[iu].target {
                let t = cfg.skip_empty(t);
                cfg.blocks[b].instrs[iu].target = Some(t);
                target_instr = cfg.blocks[t].instrs.first().cloned();
            }
        }
        let inst = cfg.blocks[b].instrs[iu].clone();
        let oparg = inst.arg;
        match inst.op {
            Opcode::LOAD_CONST => {
                let Some(cnt) = consts.get(oparg as usize).cloned() else {
                    i += 1;
                    continue;
                };
                match nextop {
                    Some(Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE) => {
                        if let Some(is_true) = const_truth(&cnt) {
                            let instrs = &mut cfg.blocks[b].instrs;
                            instrs[iu].op = Opcode::NOP;
                            let jump_if_true = nextop == Some(Opcode::POP_JUMP_IF_TRUE);
                            if is_true == jump_if_true {
                                instrs[iu + 1].op = Opcode::JUMP;
                            } else {
                                instrs[iu + 1].op = Opcode::NOP;
                            }
                        }
                    }
                    Some(Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP) => {
                        if let Some(is_true) = const_truth(&cnt) {
                            let instrs = &mut cfg.blocks[b].instrs;
                            let jump_if_true = nextop == Some(Opcode::JUMP_IF_TRUE_OR_POP);
                            if is_true == jump_if_true {
                                instrs[iu + 1].op = Opcode::JUMP;
                            } else {
                                instrs[iu].op = Opcode::NOP;
                                instrs[iu + 1].op = Opcode::NOP;
                            }
                        }
                    }
                    Some(Opcode::IS_OP) => {
                        let instrs = &mut cfg.blocks[b].instrs;
                        let jump_op = instrs.get(iu + 2).map(|x| x.op);
                        if matches!(cnt, Const::None)
                            && matches!(
                                jump_op,
                                Some(Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE)
                            )
                        {
                            let nextarg = instrs[iu + 1].arg != 0;
                            instrs[iu].op = Opcode::NOP;
                            instrs[iu + 1].op = Opcode::NOP;
                            let is_false = jump_op == Some(Opcode::POP_JUMP_IF_FALSE);
                            instrs[iu + 2].op = if nextarg ^ is_false {
                                Opcode::POP_JUMP_IF_NOT_NONE
                            } else {
                                Opcode::POP_JUMP_IF_NONE
                            };
                        }
                    }
                    _ => {}
                }
            }
            Opcode::BUILD_TUPLE => {
                if nextop == Some(Opcode::UNPACK_SEQUENCE)
                    && cfg.blocks[b].instrs[iu + 1].arg == oparg
                {
                    let instrs = &mut cfg.blocks[b].instrs;
                    match oparg {
                        1 => {
                            instrs[iu].op = Opcode::NOP;
                            instrs[iu + 1].op = Opcode::NOP;
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            instrs[iu].op = Opcode::NOP;
                            instrs[iu + 1].op = Opcode::SWAP;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if iu >= oparg as usize {
                    fold_tuple_on_constants(&mut cfg.blocks[b].instrs, iu, consts);
                }
            }
            Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                if let Some(t) = &target_instr {
                    let is_false = inst.op == Opcode::JUMP_IF_FALSE_OR_POP;
                    let (same_pop, same_or_pop, opp_or_pop, opp_pop) = if is_false {
                        (
                            Opcode::POP_JUMP_IF_FALSE,
                            Opcode::JUMP_IF_FALSE_OR_POP,
                            Opcode::JUMP_IF_TRUE_OR_POP,
                            Opcode::POP_JUMP_IF_TRUE,
                        )
                    } else {
                        (
                            Opcode::POP_JUMP_IF_TRUE,
                            Opcode::JUMP_IF_TRUE_OR_POP,
                            Opcode::JUMP_IF_FALSE_OR_POP,
                            Opcode::POP_JUMP_IF_FALSE,
                        )
                    };
                    if t.op == same_pop {
                        if jump_thread(cfg, b, iu, t, same_pop) {
                            i -= 1;
                        }
                    } else if t.op == Opcode::JUMP || t.op == same_or_pop {
                        if jump_thread(cfg, b, iu, t, same_or_pop) {
                            i -= 1;
                        }
                    } else if (t.op == opp_or_pop || t.op == opp_pop)
                        && inst.loc.lineno == t.loc.lineno
                    {
                        let tb = cfg.blocks[b].instrs[iu].target.unwrap_or(b);
                        let nb = cfg.blocks[tb].next;
                        let inst = &mut cfg.blocks[b].instrs[iu];
                        inst.op = if is_false {
                            Opcode::POP_JUMP_IF_FALSE
                        } else {
                            Opcode::POP_JUMP_IF_TRUE
                        };
                        inst.target = nb;
                        i -= 1;
                    }
                }
            }
            Opcode::POP_JUMP_IF_NOT_NONE
            | Opcode::POP_JUMP_IF_NONE
            | Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE
            | Opcode::JUMP => {
                if let Some(t) = &target_instr {
                    if t.op == Opcode::JUMP && jump_thread(cfg, b, iu, t, inst.op) {
                        i -= 1;
                    }
                }
            }
            Opcode::SWAP => {
                if oparg == 1 {
                    cfg.blocks[b].instrs[iu].op = Opcode::NOP;
                } else {
                    let instrs = &mut cfg.blocks[b].instrs;
                    let mut ix = iu;
                    swaptimize(instrs, &mut ix);
                    apply_static_swaps(instrs, ix as isize);
                    i = ix as isize;
                }
            }
            Opcode::PUSH_NULL => {
                let instrs = &mut cfg.blocks[b].instrs;
                if nextop == Some(Opcode::LOAD_GLOBAL) && instrs[iu + 1].arg & 1 == 0 {
                    instrs[iu].op = Opcode::NOP;
                    instrs[iu].arg = 0;
                    instrs[iu + 1].arg |= 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// `fold_tuple_on_constants`: n LOAD_CONSTs + BUILD_TUPLE n -> LOAD_CONST tuple.
fn fold_tuple_on_constants(instrs: &mut [Instr], at: usize, consts: &mut Vec<Const>) {
    let n = instrs[at].arg as usize;
    let start = at - n;
    if !instrs[start..at].iter().all(|x| has_const(x.op)) {
        return;
    }
    let mut items = Vec::with_capacity(n);
    for x in &instrs[start..at] {
        match consts.get(x.arg as usize) {
            Some(c) => items.push(c.clone()),
            None => return,
        }
    }
    let index = add_const(consts, Const::Tuple(Rc::from(items)));
    for x in &mut instrs[start..at] {
        x.op = Opcode::NOP;
    }
    instrs[at].op = Opcode::LOAD_CONST;
    instrs[at].arg = index;
}

/// `swaptimize`: replace a run of SWAPs and NOPs by the shortest equivalent.
fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let start = *ix;
    let mut depth = instrs[start].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        match instrs[start + len].op {
            Opcode::SWAP => {
                depth = depth.max(instrs[start + len].arg as usize);
                more = true;
            }
            Opcode::NOP => {}
            _ => break,
        }
    }
    if !more {
        return;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for k in 0..len {
        let x = &instrs[start + k];
        if x.op == Opcode::SWAP {
            let oparg = x.arg as usize;
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let x = &mut instrs[start + current as usize];
                x.op = Opcode::SWAP;
                x.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].op = Opcode::NOP;
        current -= 1;
    }
    *ix += len - 1;
}

fn swappable(op: Opcode) -> bool {
    matches!(op, Opcode::STORE_FAST | Opcode::POP_TOP)
}

fn next_swappable_instruction(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let x = &instrs[i];
        if lineno >= 0 && x.loc.lineno != lineno {
            return None;
        }
        if x.op == Opcode::NOP {
            continue;
        }
        if swappable(x.op) {
            return Some(i);
        }
        return None;
    }
}

/// `apply_static_swaps`: swap the instructions instead of the stack items.
fn apply_static_swaps(instrs: &mut [Instr], mut i: isize) {
    while i >= 0 {
        let iu = i as usize;
        let op = instrs[iu].op;
        if op != Opcode::SWAP {
            if op == Opcode::NOP || swappable(op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = instrs[iu].arg as i64 - 1;
        while count > 0 {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(n) => k = n,
                None => return,
            }
            count -= 1;
        }
        // Not safe if the two stores go to the same local, or a store in
        // between goes to either of theirs (`STORES_TO`).
        let stores_to = |x: &Instr| (x.op == Opcode::STORE_FAST).then_some(x.arg);
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            let clash = instrs[j + 1..k]
                .iter()
                .filter_map(stores_to)
                .any(|s| Some(s) == store_j || Some(s) == store_k);
            if clash {
                return;
            }
        }
        instrs[iu].op = Opcode::NOP;
        instrs.swap(j, k);
        i -= 1;
    }
}
