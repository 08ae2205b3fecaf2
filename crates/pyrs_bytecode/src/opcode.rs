//! THE opcode table: every CPython 3.11 opcode, and the compiler's pseudo-opcodes,
//! declared once with number, inline cache entries, flags and stack effect.
//! The compiler, the VM's quickener, `dis` support and the verifier all read it.
//! Reference: CPython 3.11 Lib/opcode.py and `stack_effect()` in Python/compile.c.

/// Opcodes numbered at or above this take an argument (Lib/opcode.py HAVE_ARGUMENT).
pub const HAVE_ARGUMENT: u16 = 90;
/// Pseudo-opcodes (compiler only, never in `co_code`) are numbered from here.
pub const MIN_PSEUDO_OPCODE: u16 = 256;

/// What an opcode's argument means, and how it jumps.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct OpFlags(u16);

impl OpFlags {
    pub const NONE: OpFlags = OpFlags(0);
    /// Relative jump forwards: target = next instruction + arg.
    pub const JUMP_FORWARD: OpFlags = OpFlags(1);
    /// Relative jump backwards: target = next instruction - arg.
    pub const JUMP_BACKWARD: OpFlags = OpFlags(2);
    /// Pseudo jump whose direction the assembler decides.
    pub const JUMP_PSEUDO: OpFlags = OpFlags(4);
    /// The argument indexes `co_consts`.
    pub const CONST: OpFlags = OpFlags(8);
    /// The argument indexes `co_names` (LOAD_GLOBAL: `arg >> 1`).
    pub const NAME: OpFlags = OpFlags(16);
    /// The argument indexes `co_localsplusnames` (a plain local).
    pub const LOCAL: OpFlags = OpFlags(32);
    /// The argument indexes `co_localsplusnames` (a cell or free variable).
    pub const FREE: OpFlags = OpFlags(64);
    /// The argument indexes `cmp_op`.
    pub const COMPARE: OpFlags = OpFlags(128);
    /// Execution never continues with the next instruction.
    pub const NO_FALLTHROUGH: OpFlags = OpFlags(256);
    /// A block setup pseudo-op (its "jump" is the exception handler).
    pub const BLOCK_PUSH: OpFlags = OpFlags(512);

    pub const fn or(self, other: OpFlags) -> OpFlags {
        OpFlags(self.0 | other.0)
    }
    pub const fn contains(self, other: OpFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

macro_rules! flags {
    () => { OpFlags::NONE };
    ($f:ident $(| $rest:ident)*) => { OpFlags::$f$(.or(OpFlags::$rest))* };
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident = $num:literal, cache $cache:literal, [$($flag:ident)|*], |$a:pat_param, $j:pat_param| $effect:expr;
    )*) => {
        /// A CPython 3.11 opcode (below 256) or a compiler pseudo-opcode (256 and up).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Opcode {
            $($(#[doc = $doc])* $name = $num,)*
        }

        impl Opcode {
            /// Every opcode in number order, pseudo-opcodes last.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// The opcode with this number, if 3.11 has one.
            pub fn from_u16(n: u16) -> Option<Opcode> {
                match n {
                    $($num => Some(Opcode::$name),)*
                    _ => None,
                }
            }

            /// The name `dis` shows.
            pub const fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// How many 2-byte inline cache entries follow the instruction in `co_code`.
            pub const fn cache_entries(self) -> usize {
                match self { $(Opcode::$name => $cache,)* }
            }

            pub const fn flags(self) -> OpFlags {
                match self { $(Opcode::$name => flags!($($flag)|*),)* }
            }

            /// Net change of the value stack depth, as CPython's `stack_effect()`:
            /// `jump` selects the effect when the branch (or handler) is taken.
            #[allow(unused_variables)]
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                match self {
                    $(Opcode::$name => { let $a: i32 = oparg as i32; let $j: bool = jump; $effect })*
                }
            }
        }
    };
}

opcodes! {
    CACHE = 0, cache 0, [], |_, _| 0;
    POP_TOP = 1, cache 0, [], |_, _| -1;
    PUSH_NULL = 2, cache 0, [], |_, _| 1;
    NOP = 9, cache 0, [], |_, _| 0;
    UNARY_POSITIVE = 10, cache 0, [], |_, _| 0;
    UNARY_NEGATIVE = 11, cache 0, [], |_, _| 0;
    UNARY_NOT = 12, cache 0, [], |_, _| 0;
    UNARY_INVERT = 15, cache 0, [], |_, _| 0;
    BINARY_SUBSCR = 25, cache 4, [], |_, _| -1;
    GET_LEN = 30, cache 0, [], |_, _| 1;
    MATCH_MAPPING = 31, cache 0, [], |_, _| 1;
    MATCH_SEQUENCE = 32, cache 0, [], |_, _| 1;
    MATCH_KEYS = 33, cache 0, [], |_, _| 1;
    PUSH_EXC_INFO = 35, cache 0, [], |_, _| 1;
    CHECK_EXC_MATCH = 36, cache 0, [], |_, _| 0;
    CHECK_EG_MATCH = 37, cache 0, [], |_, _| 0;
    WITH_EXCEPT_START = 49, cache 0, [], |_, _| 1;
    GET_AITER = 50, cache 0, [], |_, _| 0;
    GET_ANEXT = 51, cache 0, [], |_, _| 1;
    BEFORE_ASYNC_WITH = 52, cache 0, [], |_, _| 1;
    BEFORE_WITH = 53, cache 0, [], |_, _| 1;
    END_ASYNC_FOR = 54, cache 0, [], |_, _| -2;
    STORE_SUBSCR = 60, cache 1, [], |_, _| -3;
    DELETE_SUBSCR = 61, cache 0, [], |_, _| -2;
    GET_ITER = 68, cache 0, [], |_, _| 0;
    GET_YIELD_FROM_ITER = 69, cache 0, [], |_, _| 0;
    PRINT_EXPR = 70, cache 0, [], |_, _| -1;
    LOAD_BUILD_CLASS = 71, cache 0, [], |_, _| 1;
    LOAD_ASSERTION_ERROR = 74, cache 0, [], |_, _| 1;
    RETURN_GENERATOR = 75, cache 0, [], |_, _| 0;
    LIST_TO_TUPLE = 82, cache 0, [], |_, _| 0;
    RETURN_VALUE = 83, cache 0, [NO_FALLTHROUGH], |_, _| -1;
    IMPORT_STAR = 84, cache 0, [], |_, _| -1;
    SETUP_ANNOTATIONS = 85, cache 0, [], |_, _| 0;
    YIELD_VALUE = 86, cache 0, [], |_, _| 0;
    ASYNC_GEN_WRAP = 87, cache 0, [], |_, _| 0;
    PREP_RERAISE_STAR = 88, cache 0, [], |_, _| -1;
    POP_EXCEPT = 89, cache 0, [], |_, _| -1;
    STORE_NAME = 90, cache 0, [NAME], |_, _| -1;
    DELETE_NAME = 91, cache 0, [NAME], |_, _| 0;
    UNPACK_SEQUENCE = 92, cache 1, [], |a, _| a - 1;
    FOR_ITER = 93, cache 0, [JUMP_FORWARD], |_, j| if j { -1 } else { 1 };
    UNPACK_EX = 94, cache 0, [], |a, _| (a & 0xFF) + (a >> 8);
    STORE_ATTR = 95, cache 4, [NAME], |_, _| -2;
    DELETE_ATTR = 96, cache 0, [NAME], |_, _| -1;
    STORE_GLOBAL = 97, cache 0, [NAME], |_, _| -1;
    DELETE_GLOBAL = 98, cache 0, [NAME], |_, _| 0;
    SWAP = 99, cache 0, [], |_, _| 0;
    LOAD_CONST = 100, cache 0, [CONST], |_, _| 1;
    LOAD_NAME = 101, cache 0, [NAME], |_, _| 1;
    BUILD_TUPLE = 102, cache 0, [], |a, _| 1 - a;
    BUILD_LIST = 103, cache 0, [], |a, _| 1 - a;
    BUILD_SET = 104, cache 0, [], |a, _| 1 - a;
    BUILD_MAP = 105, cache 0, [], |a, _| 1 - 2 * a;
    LOAD_ATTR = 106, cache 4, [NAME], |_, _| 0;
    COMPARE_OP = 107, cache 2, [COMPARE], |_, _| -1;
    IMPORT_NAME = 108, cache 0, [NAME], |_, _| -1;
    IMPORT_FROM = 109, cache 0, [NAME], |_, _| 1;
    JUMP_FORWARD = 110, cache 0, [JUMP_FORWARD | NO_FALLTHROUGH], |_, _| 0;
    JUMP_IF_FALSE_OR_POP = 111, cache 0, [JUMP_FORWARD], |_, j| if j { 0 } else { -1 };
    JUMP_IF_TRUE_OR_POP = 112, cache 0, [JUMP_FORWARD], |_, j| if j { 0 } else { -1 };
    POP_JUMP_FORWARD_IF_FALSE = 114, cache 0, [JUMP_FORWARD], |_, _| -1;
    POP_JUMP_FORWARD_IF_TRUE = 115, cache 0, [JUMP_FORWARD], |_, _| -1;
    LOAD_GLOBAL = 116, cache 5, [NAME], |a, _| (a & 1) + 1;
    IS_OP = 117, cache 0, [], |_, _| -1;
    CONTAINS_OP = 118, cache 0, [], |_, _| -1;
    RERAISE = 119, cache 0, [NO_FALLTHROUGH], |_, _| -1;
    COPY = 120, cache 0, [], |_, _| 1;
    BINARY_OP = 122, cache 1, [], |_, _| -1;
    SEND = 123, cache 0, [JUMP_FORWARD], |_, j| if j { -1 } else { 0 };
    LOAD_FAST = 124, cache 0, [LOCAL], |_, _| 1;
    STORE_FAST = 125, cache 0, [LOCAL], |_, _| -1;
    DELETE_FAST = 126, cache 0, [LOCAL], |_, _| 0;
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, cache 0, [JUMP_FORWARD], |_, _| -1;
    POP_JUMP_FORWARD_IF_NONE = 129, cache 0, [JUMP_FORWARD], |_, _| -1;
    RAISE_VARARGS = 130, cache 0, [NO_FALLTHROUGH], |a, _| -a;
    GET_AWAITABLE = 131, cache 0, [], |_, _| 0;
    MAKE_FUNCTION = 132, cache 0, [], |a, _| -((a & 1 != 0) as i32) - ((a & 2 != 0) as i32) - ((a & 4 != 0) as i32) - ((a & 8 != 0) as i32);
    BUILD_SLICE = 133, cache 0, [], |a, _| if a == 3 { -2 } else { -1 };
    JUMP_BACKWARD_NO_INTERRUPT = 134, cache 0, [JUMP_BACKWARD | NO_FALLTHROUGH], |_, _| 0;
    MAKE_CELL = 135, cache 0, [FREE], |_, _| 0;
    LOAD_CLOSURE = 136, cache 0, [FREE], |_, _| 1;
    LOAD_DEREF = 137, cache 0, [FREE], |_, _| 1;
    STORE_DEREF = 138, cache 0, [FREE], |_, _| -1;
    DELETE_DEREF = 139, cache 0, [FREE], |_, _| 0;
    JUMP_BACKWARD = 140, cache 0, [JUMP_BACKWARD | NO_FALLTHROUGH], |_, _| 0;
    CALL_FUNCTION_EX = 142, cache 0, [], |a, _| -2 - ((a & 1 != 0) as i32);
    EXTENDED_ARG = 144, cache 0, [], |_, _| 0;
    LIST_APPEND = 145, cache 0, [], |_, _| -1;
    SET_ADD = 146, cache 0, [], |_, _| -1;
    MAP_ADD = 147, cache 0, [], |_, _| -2;
    LOAD_CLASSDEREF = 148, cache 0, [FREE], |_, _| 1;
    COPY_FREE_VARS = 149, cache 0, [], |_, _| 0;
    RESUME = 151, cache 0, [], |_, _| 0;
    MATCH_CLASS = 152, cache 0, [], |_, _| -2;
    FORMAT_VALUE = 155, cache 0, [], |a, _| if a & 0x04 == 0x04 { -1 } else { 0 };
    BUILD_CONST_KEY_MAP = 156, cache 0, [], |a, _| -a;
    BUILD_STRING = 157, cache 0, [], |a, _| 1 - a;
    LOAD_METHOD = 160, cache 10, [NAME], |_, _| 1;
    LIST_EXTEND = 162, cache 0, [], |_, _| -1;
    SET_UPDATE = 163, cache 0, [], |_, _| -1;
    DICT_MERGE = 164, cache 0, [], |_, _| -1;
    DICT_UPDATE = 165, cache 0, [], |_, _| -1;
    PRECALL = 166, cache 1, [], |a, _| -a;
    CALL = 171, cache 4, [], |_, _| -1;
    KW_NAMES = 172, cache 0, [CONST], |_, _| 0;
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, cache 0, [JUMP_BACKWARD], |_, _| -1;
    POP_JUMP_BACKWARD_IF_NONE = 174, cache 0, [JUMP_BACKWARD], |_, _| -1;
    POP_JUMP_BACKWARD_IF_FALSE = 175, cache 0, [JUMP_BACKWARD], |_, _| -1;
    POP_JUMP_BACKWARD_IF_TRUE = 176, cache 0, [JUMP_BACKWARD], |_, _| -1;

    /// Pseudo: an exception handler for the following block (handler gets the exception).
    SETUP_FINALLY = 256, cache 0, [BLOCK_PUSH], |_, j| if j { 1 } else { 0 };
    /// Pseudo: as SETUP_FINALLY, but the handler also gets `lasti`.
    SETUP_CLEANUP = 257, cache 0, [BLOCK_PUSH], |_, j| if j { 2 } else { 0 };
    /// Pseudo: the handler of a `with` block (pops `__enter__`'s result, pushes 2).
    SETUP_WITH = 258, cache 0, [BLOCK_PUSH], |_, j| if j { 1 } else { 0 };
    /// Pseudo: ends the block of the innermost SETUP_*.
    POP_BLOCK = 259, cache 0, [], |_, _| 0;
    /// Pseudo: an unconditional jump; JUMP_FORWARD or JUMP_BACKWARD once placed.
    JUMP = 260, cache 0, [JUMP_PSEUDO | NO_FALLTHROUGH], |_, _| 0;
    /// Pseudo: JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT once placed.
    JUMP_NO_INTERRUPT = 261, cache 0, [JUMP_PSEUDO | NO_FALLTHROUGH], |_, _| 0;
    POP_JUMP_IF_FALSE = 262, cache 0, [JUMP_PSEUDO], |_, _| -1;
    POP_JUMP_IF_TRUE = 263, cache 0, [JUMP_PSEUDO], |_, _| -1;
    POP_JUMP_IF_NONE = 264, cache 0, [JUMP_PSEUDO], |_, _| -1;
    POP_JUMP_IF_NOT_NONE = 265, cache 0, [JUMP_PSEUDO], |_, _| -1;
}

impl Opcode {
    /// Whether the instruction carries an argument in `co_code`.
    pub fn has_arg(self) -> bool {
        (self as u16) >= HAVE_ARGUMENT
    }
    pub fn is_pseudo(self) -> bool {
        (self as u16) >= MIN_PSEUDO_OPCODE
    }
    pub fn is_jump(self) -> bool {
        let f = self.flags();
        f.contains(OpFlags::JUMP_FORWARD)
            || f.contains(OpFlags::JUMP_BACKWARD)
            || f.contains(OpFlags::JUMP_PSEUDO)
    }
    /// The opcode as it is written in `co_code` (pseudo-opcodes have no byte).
    pub fn to_byte(self) -> Option<u8> {
        let n = self as u16;
        if n < MIN_PSEUDO_OPCODE {
            Some(n as u8)
        } else {
            None
        }
    }
}

/// `cmp_op` of Lib/opcode.py: COMPARE_OP's argument indexes it.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// BINARY_OP's argument: `_nb_ops` of Lib/opcode.py, in order (the in-place forms
/// follow the plain ones, `NB_INPLACE_ADD = 13`).
pub const NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

/// BINARY_OP arguments by name (Include/opcode.h `NB_*`).
pub mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    /// Added to a plain operator to get its in-place form.
    pub const INPLACE: u32 = 13;
}

/// MAKE_FUNCTION's argument bits.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// FORMAT_VALUE's argument: conversion in the low two bits, spec flag above.
pub mod format_value {
    pub const CONV_MASK: u32 = 0x03;
    pub const CONV_NONE: u32 = 0x00;
    pub const CONV_STR: u32 = 0x01;
    pub const CONV_REPR: u32 = 0x02;
    pub const CONV_ASCII: u32 = 0x03;
    pub const HAVE_SPEC: u32 = 0x04;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_caches_only_where_3_11_has_them() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u16(op as u16), Some(op));
        }
        assert_eq!(Opcode::LOAD_GLOBAL.cache_entries(), 5);
        assert_eq!(Opcode::LOAD_METHOD.cache_entries(), 10);
        assert_eq!(Opcode::from_u16(3), None);
    }
}
