//! Runtime state: the interpreter shared by all threads, and its builtin types.

pub mod finalize;
pub mod gc;
pub mod interp;
pub mod types;
