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
    /// A set's table by slot; `used` detects a size change (CPython's `si_used`).
    Set { set: Value, pos: usize, used: usize },
    /// `enumerate(it, start)`; `count` is an int value (may grow past i64).
    Enumerate { it: Value, count: Value },
    /// `zip(*its, strict=...)`.
    Zip { its: Vec<Value>, strict: bool },
    /// `map(func, *its)`.
    Map { func: Value, its: Vec<Value> },
    /// `filter(func, it)`; `func` None keeps the true items.
    Filter { func: Value, it: Value },
    /// `reversed(seq)` over a list, tuple, str, range or `__getitem__` sequence:
    /// the next index to yield, counting down; `seq` is Null when exhausted.
    Reversed { seq: Value, index: isize },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    /// The `__getitem__` protocol: `seq[0]`, `seq[1]`... until IndexError.
    GetItem { seq: Value, index: usize },
    /// Exhausted.
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}
