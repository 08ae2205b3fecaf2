//! Traceback objects: one link per frame an exception passed through.
//! Reference: Python/traceback.c.

use crate::object::ObjRef;
use crate::value::Value;

pub struct TracebackData {
    /// The next (inner) link, or None.
    /// Writable, as in CPython (unittest cuts its own frames off).
    pub tb_next: crate::gil_cell::GilCell<Value>,
    pub tb_frame: ObjRef,
    /// Byte offset of the instruction that was running (`f_lasti` then).
    pub tb_lasti: u32,
    pub tb_lineno: Option<i32>,
}
