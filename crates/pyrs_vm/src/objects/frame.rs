//! Frame objects as Python sees them (`sys._getframe()`, `tb_frame`). They are
//! made only when asked for (DESIGN.md decision 4); the live frame is
//! `crate::frame::Frame` on the thread's frame stack.

use crate::gil_cell::GilCell;
use crate::object::ObjRef;
use crate::value::Value;

pub struct FrameObject {
    pub f_code: ObjRef,
    pub f_globals: ObjRef,
    pub f_builtins: ObjRef,
    /// The locals mapping of a module or class frame; None for a function frame.
    pub f_locals: Value,
    /// Byte offset of the last instruction run; updated while the frame is live.
    pub f_lasti: GilCell<u32>,
    pub f_back: GilCell<Value>,
}
