//! The live frame of a running Python function (CPython's `_PyInterpreterFrame`):
//! code, namespaces, fast locals and the value stack. Frames live on the
//! thread's frame stack; calls between Python functions never recurse in Rust.

use crate::object::ObjRef;
use crate::objects::code::Code;
use crate::value::Value;
use std::rc::Rc;

pub struct Frame {
    pub code: Rc<Code>,
    pub code_obj: ObjRef,
    /// The function being run, if any (module and class bodies have none).
    pub func: Option<ObjRef>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The locals mapping of a module or class body; `Null` in a function.
    pub locals: Value,
    /// `co_localsplusnames` slots: arguments, locals, cells, free variables.
    pub fast: Vec<Value>,
    pub stack: Vec<Value>,
    /// Index of the next instruction to run.
    pub pc: usize,
    /// Index of the instruction running now (`f_lasti / 2`).
    pub lasti: usize,
    /// The pending KW_NAMES tuple for the next CALL.
    pub kw_names: Option<Value>,
    /// The Python-visible frame object, once something asked for it.
    pub frame_obj: Option<ObjRef>,
    /// Returning from this frame ends the `eval_loop` call that pushed it.
    pub is_entry: bool,
}

impl Frame {
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        let len = self.stack.len();
        if len < self.stack.capacity() {
            // SAFETY: within capacity; the slot is written before the length
            // covers it. (The stack is reserved to co_stacksize, so this is
            // the path taken; the other keeps an inexact stacksize safe.)
            unsafe {
                self.stack.as_mut_ptr().add(len).write(v);
                self.stack.set_len(len + 1);
            }
        } else {
            self.stack.push(v);
        }
    }

    /// Pop the top of the stack. Verified bytecode never pops an empty stack;
    /// should it happen anyway the result is a `Null` that operations reject,
    /// not a panic.
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
    }

    #[inline(always)]
    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }

    /// The value `n` below the top (`peek(1)` is the top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> &Value {
        self.stack
            .len()
            .checked_sub(n)
            .and_then(|i| self.stack.get(i))
            .unwrap_or(&Value::Null)
    }

    /// Remove the top `n` values and return them in stack order.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }
}

impl Drop for Frame {
    /// A frame dropped while a frame object still points at it (a suspended
    /// generator being freed) detaches the frame object first.
    fn drop(&mut self) {
        if let Some(fo) = &self.frame_obj {
            if let crate::object::Payload::Frame(x) = &fo.payload {
                x.live.set(std::ptr::null_mut());
            }
        }
    }
}
