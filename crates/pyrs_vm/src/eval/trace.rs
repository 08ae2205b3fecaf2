//! Tracing and profiling hooks (Python/ceval.c `call_trace`,
//! `maybe_call_line_trace`, `trace_function_entry`/`exit`, `C_TRACE`;
//! Python/sysmodule.c's trampolines). The eval loop reads `Vm::use_tracing`
//! once per frame switch and calls in here only while it is set, so tracing
//! costs one predictable branch per instruction when off.

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::object::Payload;
use crate::objects::native::Args;
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::Opcode;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TraceEvent {
    Call,
    Exception,
    Line,
    Return,
    CCall,
    CException,
    CReturn,
}

impl TraceEvent {
    fn name(self) -> &'static str {
        match self {
            TraceEvent::Call => "call",
            TraceEvent::Exception => "exception",
            TraceEvent::Line => "line",
            TraceEvent::Return => "return",
            TraceEvent::CCall => "c_call",
            TraceEvent::CException => "c_exception",
            TraceEvent::CReturn => "c_return",
        }
    }
}

impl Vm {
    /// Recompute whether the eval loop must call the hooks: a trace or
    /// profile function is set and none of them is running now.
    pub(crate) fn update_use_tracing(&mut self) {
        self.use_tracing = self.trace_depth == 0
            && (!matches!(self.tracefunc, Value::None) || !matches!(self.profilefunc, Value::None));
    }

    /// Before instruction `pc` of `f` runs; `prev` ran before it in this
    /// frame. RESUME is a function entry ("call"); elsewhere a new line, or a
    /// jump back, is a "line" event for the frame's local trace function.
    #[cold]
    #[inline(never)]
    pub(super) fn trace_instruction(
        &mut self,
        f: &mut Frame,
        prev: usize,
        pc: usize,
    ) -> PyResult<()> {
        if !self.use_tracing {
            return Ok(());
        }
        let code = f.code.clone();
        let Some(instr) = code.instrs.get(pc) else {
            return Ok(());
        };
        // Nothing before the first RESUME is traced (a generator's set-up).
        let first = code
            .instrs
            .iter()
            .position(|i| i.op == Opcode::RESUME)
            .unwrap_or(0);
        if pc < first {
            return Ok(());
        }
        if instr.op == Opcode::RESUME {
            if !matches!(self.tracefunc, Value::None) {
                self.call_trace(f, TraceEvent::Call, Value::None)?;
            }
            if !matches!(self.profilefunc, Value::None) {
                self.call_profile(f, TraceEvent::Call, Value::None)?;
            }
            return Ok(());
        }
        if matches!(self.tracefunc, Value::None) {
            return Ok(());
        }
        let Some(fo) = &f.frame_obj else {
            return Ok(());
        };
        let Payload::Frame(x) = &fo.payload else {
            return Ok(());
        };
        if matches!(x.f_trace.get(), Value::None) || !x.f_trace_lines.get() {
            return Ok(());
        }
        let Some(line) = code.line_of(pc) else {
            return Ok(());
        };
        let lastline = code.line_of(prev);
        if lastline != Some(line) || (pc < prev && instr.op != Opcode::SEND) {
            self.call_trace(f, TraceEvent::Line, Value::None)?;
        }
        Ok(())
    }

    /// `throw()` resumes a generator's frame straight into its unwinding:
    /// still a "call" event first (CPython's TRACE_FUNCTION_THROW_ENTRY).
    #[cold]
    #[inline(never)]
    pub(super) fn trace_resume_for_throw(&mut self, f: &mut Frame) -> PyResult<()> {
        if !matches!(self.tracefunc, Value::None) {
            self.call_trace(f, TraceEvent::Call, Value::None)?;
        }
        if !matches!(self.profilefunc, Value::None) {
            self.call_profile(f, TraceEvent::Call, Value::None)?;
        }
        Ok(())
    }

    /// The trace trampoline: "call" goes to the global trace function, the
    /// rest to the frame's `f_trace`; a non-None result becomes `f_trace`.
    /// An error turns tracing off, as in CPython.
    pub(crate) fn call_trace(&mut self, f: &mut Frame, ev: TraceEvent, arg: Value) -> PyResult<()> {
        if self.trace_depth > 0 {
            return Ok(());
        }
        let fo = self.frame_object(f);
        let Payload::Frame(x) = &fo.payload else {
            return Ok(());
        };
        let callback = if ev == TraceEvent::Call {
            self.tracefunc.clone()
        } else {
            x.f_trace.get().clone()
        };
        if matches!(callback, Value::None) {
            return Ok(());
        }
        let r = self.run_hook(&callback, &fo, ev, arg);
        match r {
            Ok(v) => {
                if !matches!(v, Value::None) {
                    drop(x.f_trace.replace(v));
                }
                Ok(())
            }
            Err(e) => {
                self.tracefunc = Value::None;
                drop(x.f_trace.replace(Value::None));
                self.update_use_tracing();
                Err(e)
            }
        }
    }

    /// The profile trampoline: its result is ignored; an error turns
    /// profiling off.
    pub(crate) fn call_profile(
        &mut self,
        f: &mut Frame,
        ev: TraceEvent,
        arg: Value,
    ) -> PyResult<()> {
        if self.trace_depth > 0 || matches!(self.profilefunc, Value::None) {
            return Ok(());
        }
        let fo = self.frame_object(f);
        let func = self.profilefunc.clone();
        match self.run_hook(&func, &fo, ev, arg) {
            Ok(_) => Ok(()),
            Err(e) => {
                self.profilefunc = Value::None;
                self.update_use_tracing();
                Err(e)
            }
        }
    }

    /// Call a hook with no hooks active inside it; the exception being
    /// handled is the caller's again afterwards.
    fn run_hook(
        &mut self,
        func: &Value,
        fo: &crate::object::ObjRef,
        ev: TraceEvent,
        arg: Value,
    ) -> PyResult<Value> {
        self.trace_depth += 1;
        self.update_use_tracing();
        let saved = self.exc_info.clone();
        let name = self.new_str(ev.name());
        let r = self.call(func, &[Value::Obj(fo.clone()), name, arg]);
        self.exc_info = saved;
        self.trace_depth -= 1;
        self.update_use_tracing();
        r
    }

    /// RETURN_VALUE and YIELD_VALUE with tracing on, and a frame left by an
    /// exception (`rv` None): "return" to the trace and profile functions.
    #[cold]
    #[inline(never)]
    pub(super) fn trace_return(&mut self, f: &mut Frame, rv: &Value) -> PyResult<()> {
        if !self.use_tracing {
            return Ok(());
        }
        if f.lasti < first_traceable(f) {
            return Ok(());
        }
        self.call_trace(f, TraceEvent::Return, rv.clone())?;
        self.call_profile(f, TraceEvent::Return, rv.clone())
    }

    /// An exception raised in (or propagated into) `f`: the "exception"
    /// event with (type, value, traceback); an error in the hook replaces it.
    #[cold]
    #[inline(never)]
    pub(super) fn trace_exception(&mut self, f: &mut Frame, err: PyErr) -> PyErr {
        if matches!(self.tracefunc, Value::None) {
            return err;
        }
        let tb = match &err.0.payload {
            Payload::Exception(d) => d.traceback.get().clone(),
            _ => Value::None,
        };
        let ty = Value::Obj(err.0.class().clone());
        let arg = self.new_tuple(vec![ty, Value::Obj(err.0.clone()), tb]);
        match self.call_trace(f, TraceEvent::Exception, arg) {
            Ok(()) => err,
            Err(e) => e,
        }
    }

    /// A call of a builtin function with a profile function set:
    /// "c_call", then "c_return" or "c_exception".
    #[cold]
    #[inline(never)]
    pub(super) fn call_profiled(
        &mut self,
        f: &mut Frame,
        callable: &Value,
        args: Args,
    ) -> PyResult<Value> {
        let native = matches!(callable.payload(), Some(Payload::NativeFunction(_)));
        if !native || matches!(self.profilefunc, Value::None) {
            return self.call_args(callable, args);
        }
        self.call_profile(f, TraceEvent::CCall, callable.clone())?;
        let r = self.call_args(callable, args);
        if matches!(self.profilefunc, Value::None) {
            return r;
        }
        match r {
            Ok(v) => {
                self.call_profile(f, TraceEvent::CReturn, callable.clone())?;
                Ok(v)
            }
            Err(e) => {
                // The hook's own error is dropped: the call's error wins.
                let _ = self.call_profile(f, TraceEvent::CException, callable.clone());
                Err(e)
            }
        }
    }
}

fn first_traceable(f: &Frame) -> usize {
    f.code
        .instrs
        .iter()
        .position(|i| i.op == Opcode::RESUME)
        .unwrap_or(0)
}
