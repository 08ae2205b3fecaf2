//! The state of an exception instance (`BaseException` and subclasses):
//! `args`, traceback, chaining and notes. Reference: Objects/exceptions.c.

use crate::gil_cell::GilCell;
use crate::value::Value;

pub struct ExceptionData {
    /// A tuple.
    pub args: GilCell<Value>,
    /// A traceback object or None.
    pub traceback: GilCell<Value>,
    pub context: GilCell<Value>,
    pub cause: GilCell<Value>,
    pub suppress_context: GilCell<bool>,
}

impl ExceptionData {
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args: GilCell::new(args),
            traceback: GilCell::new(Value::None),
            context: GilCell::new(Value::None),
            cause: GilCell::new(Value::None),
            suppress_context: GilCell::new(false),
        }
    }
}
