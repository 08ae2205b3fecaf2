//! Runtime state: the interpreter shared by all threads, and its builtin types.

pub mod interp;
pub mod types;
