//! The compiler's intermediate form: instructions grouped into basic blocks,
//! jumps pointing at blocks. Mirrors `struct instr` and `struct basicblock_` of
//! CPython 3.11 Python/compile.c. Blocks live in one arena (`Cfg::blocks`) and are
//! laid out in the order of the `next` links, CPython's `b_next`.

use pyrs_bytecode::linetable::Location;
use pyrs_bytecode::opcode::OpFlags;
use pyrs_bytecode::Opcode;

pub type BlockId = usize;

#[derive(Clone, Debug)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
    /// The jump target, or the handler of a SETUP_* pseudo-instruction.
    pub target: Option<BlockId>,
    pub loc: Location,
    /// The innermost exception handler covering this instruction (`i_except`).
    pub except: Option<BlockId>,
}

impl Instr {
    pub fn new(op: Opcode, arg: u32, loc: Location) -> Instr {
        Instr {
            op,
            arg,
            target: None,
            loc,
            except: None,
        }
    }

    /// A jump, conditional or not (`is_jump`); SETUP_* are not jumps.
    pub fn is_jump(&self) -> bool {
        self.op.is_jump()
    }

    pub fn is_block_push(&self) -> bool {
        self.op.flags().contains(OpFlags::BLOCK_PUSH)
    }

    pub fn has_target(&self) -> bool {
        self.is_jump() || self.is_block_push()
    }

    /// `JUMP`, `JUMP_NO_INTERRUPT` and their placed forms.
    pub fn is_unconditional_jump(&self) -> bool {
        matches!(
            self.op,
            Opcode::JUMP
                | Opcode::JUMP_NO_INTERRUPT
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
        )
    }

    /// `IS_SCOPE_EXIT_OPCODE`.
    pub fn is_scope_exit(&self) -> bool {
        matches!(
            self.op,
            Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
        )
    }

    /// The argument as written: an opcode without one writes 0, whatever a
    /// pass left in `arg` (CPython's NOPs from folded LOAD_CONSTs keep theirs).
    pub fn oparg(&self) -> u32 {
        if self.op.has_arg() {
            self.arg
        } else {
            0
        }
    }

    /// Size in code units: EXTENDED_ARG prefixes, the instruction, its caches.
    pub fn size(&self) -> usize {
        let ext = match self.oparg() {
            0..=0xff => 0,
            0x100..=0xffff => 1,
            0x1_0000..=0xff_ffff => 2,
            _ => 3,
        };
        ext + 1 + self.op.cache_entries()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
    pub startdepth: i32,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub predecessors: u32,
    pub except_predecessors: u32,
    /// Offset in code units once laid out.
    pub offset: u32,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    /// `BB_NO_FALLTHROUGH`: ends in a scope exit or an unconditional jump.
    pub fn no_fallthrough(&self) -> bool {
        self.last()
            .is_some_and(|i| i.is_scope_exit() || i.is_unconditional_jump())
    }

    /// `basicblock_exits_scope`.
    pub fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.is_scope_exit())
    }

    pub fn returns(&self) -> bool {
        self.last().is_some_and(|i| i.op == Opcode::RETURN_VALUE)
    }
}

/// The control-flow graph of one code unit.
#[derive(Clone, Debug, Default)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

impl Cfg {
    pub fn new() -> Cfg {
        Cfg {
            blocks: vec![Block::default()],
            entry: 0,
        }
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// Block ids in layout order.
    pub fn order(&self) -> Vec<BlockId> {
        let mut v = Vec::new();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            v.push(id);
            b = self.blocks[id].next;
            if v.len() > self.blocks.len() {
                break;
            }
        }
        v
    }

    /// The first non-empty block at or after `b` in layout order.
    pub fn skip_empty(&self, mut b: BlockId) -> BlockId {
        while self.blocks[b].instrs.is_empty() {
            match self.blocks[b].next {
                Some(n) => b = n,
                None => break,
            }
        }
        b
    }
}
