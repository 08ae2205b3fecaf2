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
}

impl TracebackData {
    /// `tb_lineno`, decoded from the frame's line table when asked (as
    /// CPython 3.11 does): an exception caught and dropped never pays for it.
    pub fn lineno(&self) -> Option<i32> {
        let crate::object::Payload::Frame(f) = &self.tb_frame.payload else {
            return None;
        };
        let crate::object::Payload::Code(code) = &f.f_code.payload else {
            return None;
        };
        code.line_of((self.tb_lasti / 2) as usize)
    }
}
