//! The builtin iterators over builtin containers (list, tuple, str, dict, range),
//! and the sequence iterator of the `__getitem__` protocol.

use crate::value::Value;

pub enum IterState {
    /// Iterates `seq[index]` for a list, tuple or str, re-reading the length each
    /// step as CPython's list iterator does. `seq` becomes Null when exhausted.
    Seq { seq: Value, index: usize },
    /// A range of i64 values.
    Range {
        next: i64,
        step: i64,
        remaining: u64,
    },
    /// Dict keys/values/items by entry index; `version` detects resizes.
    Dict {
        dict: Value,
        index: usize,
        kind: DictIterKind,
        len: usize,
    },
    /// Exhausted.
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}
