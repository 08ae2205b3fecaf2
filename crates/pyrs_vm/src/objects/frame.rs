//! Frame objects as Python sees them (`sys._getframe()`, `tb_frame`,
//! `gi_frame`; Objects/frameobject.c). They are made only when asked for
//! (DESIGN.md decision 4). While its frame runs, a frame object points at it
//! and reads its position and locals live; when the frame finishes, the frame
//! object takes its fast locals and its `f_back`, as CPython's
//! `take_ownership` does.

use crate::error::PyResult;
use crate::frame::Frame;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::code::kinds::{CO_FAST_CELL, CO_FAST_FREE};
use std::cell::Cell;

pub struct FrameObject {
    pub f_code: ObjRef,
    pub f_globals: ObjRef,
    pub f_builtins: ObjRef,
    /// The locals mapping of a module or class frame; Null for a function frame.
    pub f_locals: Value,
    /// The running frame, or null once it has finished. The frame clears this
    /// before it is dropped or reused (`Frame`'s Drop and `release_frame`).
    pub live: Cell<*mut Frame>,
    /// Byte offset of the last instruction run, as of the frame's finish.
    pub f_lasti: GilCell<u32>,
    /// The caller's frame object, captured when the frame finished.
    pub f_back: GilCell<Value>,
    /// The fast locals, taken from the frame when it finished.
    pub dead_fast: GilCell<Vec<Value>>,
    /// The local trace function (set by the "call" event's result or by
    /// assignment) and whether it gets "line" events.
    pub f_trace: GilCell<Value>,
    pub f_trace_lines: Cell<bool>,
}

impl FrameObject {
    fn live_frame(&self) -> Option<&Frame> {
        let p = self.live.get();
        // SAFETY: `live` is non-null only while the frame is alive and boxed
        // (on the frame stack or held by its generator).
        (!p.is_null()).then(|| unsafe { &*p })
    }
}

impl Vm {
    /// The frame object of a live frame, made on first request.
    pub fn frame_object(&mut self, f: &mut Frame) -> ObjRef {
        if let Some(fo) = &f.frame_obj {
            return fo.clone();
        }
        let fo = ObjRef::new(
            &self.types().frame,
            Payload::Frame(Box::new(FrameObject {
                f_code: f.code_obj.clone(),
                f_globals: f.globals.clone(),
                f_builtins: f.builtins.clone(),
                f_locals: f.locals.clone(),
                live: Cell::new(f as *mut Frame),
                f_lasti: GilCell::new((f.lasti * 2) as u32),
                f_back: GilCell::new(Value::None),
                dead_fast: GilCell::new(Vec::new()),
                f_trace: GilCell::new(Value::None),
                f_trace_lines: Cell::new(true),
            })),
        );
        f.frame_obj = Some(fo.clone());
        fo
    }

    /// A frame is leaving the stack for good: its frame object (if any) keeps
    /// the final position, the fast locals and the caller's frame object.
    pub(crate) fn finish_frame_object(&mut self, f: &mut Frame) {
        let Some(fo) = f.frame_obj.take() else { return };
        let Payload::Frame(x) = &fo.payload else {
            return;
        };
        x.live.set(std::ptr::null_mut());
        *x.f_lasti.get_mut() = (f.lasti * 2) as u32;
        *x.dead_fast.get_mut() = std::mem::take(&mut f.fast);
        let back = self.frames.last_mut().map(|b| &mut **b as *mut Frame);
        if let Some(b) = back {
            // SAFETY: the caller's frame is boxed on the stack.
            let bo = self.frame_object(unsafe { &mut *b });
            drop(x.f_back.replace(Value::Obj(bo)));
        }
    }

    /// `f_back`: the calling frame's frame object, or None.
    pub(crate) fn frame_back(&mut self, x: &FrameObject) -> Value {
        let p = x.live.get();
        if p.is_null() {
            return x.f_back.cloned();
        }
        let Some(i) = self.frames.iter().position(|f| std::ptr::eq(&**f, p)) else {
            // A suspended generator's frame has no caller.
            return Value::None;
        };
        match i.checked_sub(1) {
            Some(b) => {
                let bp: *mut Frame = &mut *self.frames[b];
                // SAFETY: boxed on the frame stack for this call.
                Value::Obj(self.frame_object(unsafe { &mut *bp }))
            }
            None => Value::None,
        }
    }

    /// `f_lasti` in bytes.
    pub(crate) fn frame_lasti(&self, x: &FrameObject) -> u32 {
        match x.live_frame() {
            Some(f) => (f.lasti * 2) as u32,
            None => *x.f_lasti.get(),
        }
    }

    /// `f_locals`: the mapping of a module or class frame, else a snapshot
    /// dict of the bound fast locals, cells' contents included
    /// (PyFrame_FastToLocals).
    pub(crate) fn frame_locals(&mut self, x: &FrameObject) -> PyResult<Value> {
        if !x.f_locals.is_null() {
            return Ok(x.f_locals.clone());
        }
        let Payload::Code(code) = &x.f_code.payload else {
            return Ok(Value::None);
        };
        let fast: Vec<Value> = match x.live_frame() {
            Some(f) => f.fast.clone(),
            None => x.dead_fast.get().clone(),
        };
        let d = self.new_dict();
        for (i, v) in fast.iter().enumerate() {
            let kind = code.co.co_localspluskinds.get(i).copied().unwrap_or(0);
            let v = if kind & (CO_FAST_CELL | CO_FAST_FREE) != 0 {
                match v.payload() {
                    Some(Payload::Cell(c)) => c.cloned(),
                    // A cell argument before MAKE_CELL ran holds the value itself.
                    _ => v.clone(),
                }
            } else {
                v.clone()
            };
            if !v.is_null() {
                let name = code.localsplusnames[i].clone();
                self.dict_set(&d, name, v)?;
            }
        }
        Ok(Value::Obj(d))
    }
}
