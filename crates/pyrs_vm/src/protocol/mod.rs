//! The abstract object protocol (CPython's Objects/abstract.c and object.c):
//! the operations the eval loop and builtins apply to any value, with fast paths
//! for builtin types and special-method lookup for classes.

pub mod attr;
pub mod attr_error;
pub mod dict;
pub mod generic_attr;
pub mod index;
pub mod number;
pub mod object;
pub mod sequence;

pub use dict::{dict_set_str_raw, new_dict_raw};
