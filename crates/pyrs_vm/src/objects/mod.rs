//! One module per builtin object kind: its payload data and the Rust functions
//! behind its methods.

pub mod async_gen;
pub mod class;
pub mod class_cache;
pub mod code;
pub mod descriptor;
pub mod dict;
pub mod exception;
pub mod exception_group;
pub mod float;
pub mod frame;
pub mod function;
pub mod function_attrs;
pub mod generator;
pub mod int;
pub mod iter;
pub mod module;
pub mod native;
pub mod object_methods;
pub mod object_reduce;
pub mod range;
pub mod set;
pub mod str;
pub mod structseq;
pub mod traceback;
pub mod type_;
