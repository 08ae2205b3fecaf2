//! The eval loop (CPython's Python/ceval.c `_PyEval_EvalFrameDefault`): runs the
//! frame on top of the thread's frame stack, pushing a frame for each call of a
//! Python function and popping it on return, so Python-to-Python calls never
//! recurse on the Rust stack. Exceptions unwind through the exception table.
//!
//! Handlers are grouped: this file has the loop, dispatch and unwinding;
//! `ops.rs` the handlers that are too long to sit inline.

mod ops;
mod pattern;
pub mod trace;
mod with_ops;

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::object::{ObjRef, Payload};
use crate::objects::native::Args;
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::Opcode;

/// Set when something must happen at the next safe point of the eval loop
/// (a call or a backward jump): a due collection, weakref callbacks. One
/// relaxed load per check keeps the common path cheap (CPython's eval breaker).
pub static EVAL_BREAKER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// How an entry frame left the eval loop.
pub enum Exit {
    Return(Value),
    /// A generator frame yielded; it is still on top of the frame stack for
    /// the generator to take back.
    Yield(Value),
}

/// How one copy of the loop stopped (`eval_frames`).
enum Step {
    Done(Exit),
    /// Tracing was turned on or off: continue in the other copy.
    Switch,
}

/// How an error reached the unwinder.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raised {
    /// Raised by the instruction at `lasti`: gets a traceback entry here, and
    /// the exception being handled becomes its `__context__`.
    Here,
    /// Raised in a callee and propagated out of its frame: gets a traceback
    /// entry for the caller's CALL.
    Propagated,
    /// RERAISE or a bare `raise`: the traceback already holds this frame.
    /// The handler is looked up at the re-raising instruction; the frame's
    /// `lasti` then becomes the one RERAISE restored (if any), as in CPython.
    Reraise(Option<usize>),
}

impl Vm {
    /// The eval loop's safe point: run what allocation and deallocation
    /// could only request.
    #[cold]
    pub fn handle_eval_breaker(&mut self) {
        EVAL_BREAKER.store(false, std::sync::atomic::Ordering::Relaxed);
        if crate::runtime::gc::COLLECTION_DUE.load(std::sync::atomic::Ordering::Relaxed) {
            crate::runtime::gc::collect();
        }
        // Finalizers before weakref callbacks: CPython runs `__del__` before
        // it clears an object's weak references.
        self.run_finalizers();
        self.run_pending_callbacks();
        self.run_finalizers();
    }

    /// Push `frame` as an entry frame and run until it returns.
    pub fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        frame.is_entry = true;
        self.push_frame(frame)?;
        if let Err(e) = self.enter_recursive_call(" while calling a Python object") {
            if let Some(f) = self.frames.pop() {
                self.release_frame(f);
            }
            return Err(e);
        }
        let r = self.eval_loop_from(None);
        self.leave_native_recursion();
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.system_error("a frame yielded outside a generator")),
        }
    }

    fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        if self.frames.len() + self.native_depth >= self.interp.recursion_limit.get() {
            self.release_frame(frame);
            return Err(self.new_error(
                &self.types().exc.recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// The frame stack's top frame, as a raw pointer that stays valid while the
    /// frame is on the stack (frames are boxed).
    #[inline(always)]
    fn top_frame_ptr(&mut self) -> *mut Frame {
        match self.frames.last_mut() {
            Some(f) => &mut **f as *mut Frame,
            None => std::ptr::null_mut(),
        }
    }

    /// Run the top frame (and the frames its calls push) until an entry frame
    /// returns or yields. `throw` is raised in the top frame first, at its
    /// current instruction (`generator.throw()`).
    pub(crate) fn eval_loop_from(&mut self, throw: Option<PyErr>) -> PyResult<Exit> {
        let mut pending = throw;
        loop {
            let step = if self.use_tracing {
                self.eval_frames::<true>(&mut pending)?
            } else {
                self.eval_frames::<false>(&mut pending)?
            };
            match step {
                Step::Done(exit) => return Ok(exit),
                Step::Switch => {}
            }
        }
    }

    /// The loop itself, compiled twice: with TRACING the hooks of
    /// eval/trace.rs are called at each instruction, without it there is no
    /// check at all. A copy hands over to the other (`Step::Switch`) at a
    /// frame switch, or after a call, when `use_tracing` no longer matches;
    /// the top frame's `pc` is then where to go on.
    fn eval_frames<const TRACING: bool>(&mut self, pending: &mut Option<PyErr>) -> PyResult<Step> {
        'frames: loop {
            let fp = self.top_frame_ptr();
            if fp.is_null() {
                return Err(self.system_error("eval loop without a frame"));
            }
            // SAFETY: `fp` points into a Box owned by `self.frames`; it is not
            // moved or freed until this frame is popped below, after which `f`
            // is not used again (each pop ends with `continue 'frames` or a return).
            let mut f: &mut Frame = unsafe { &mut *fp };
            // SAFETY: the frame owns an `Rc` of its code for as long as it is on
            // the stack, which outlives every use of `code` in this iteration.
            let mut code: &crate::objects::code::Code = unsafe { &*std::rc::Rc::as_ptr(&f.code) };
            let mut instrs = &code.instrs[..];
            // Hooks are consulted only while set: read once per frame switch,
            // and again after anything that may have set or cleared them.
            if self.use_tracing != TRACING {
                return Ok(Step::Switch);
            }
            let (err, how): (PyErr, Raised) = if let Some(e) = pending.take() {
                if TRACING {
                    // `throw()` into a generator enters its frame ("call").
                    let e = match self.trace_resume_for_throw(f) {
                        Ok(()) => e,
                        Err(e2) => e2,
                    };
                    (e, Raised::Propagated)
                } else {
                    (e, Raised::Propagated)
                }
            } else {
                'error: {
                    macro_rules! tri {
                        ($e:expr) => {
                            match $e {
                                Ok(v) => v,
                                Err(e) => break 'error (e, Raised::Here),
                            }
                        };
                    }
                    // A statement that drops references (`del x`, `x = y`) may
                    // have queued finalizers; run them before the next
                    // statement, where CPython programs see `__del__` run.
                    macro_rules! breaker {
                        () => {
                            if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                self.handle_eval_breaker();
                            }
                        };
                    }
                    // The program counter lives in a register; the frame's copy is
                    // written back only where another frame takes over (calls).
                    let mut pc = f.pc;
                    // Go on in the frame now on top of the stack (pushed by a
                    // call, or uncovered by a return) without leaving this
                    // loop: what the top of 'frames would do, minus what
                    // the untraced copy never needs (no error is pending,
                    // there are no hooks to call on entry).
                    macro_rules! switch_to_top {
                        () => {{
                            // (A finalizer run at the eval breaker may
                            // have set a hook: then the top of 'frames
                            // hands over to the other copy.)
                            if self.use_tracing != TRACING {
                                continue 'frames;
                            }
                            let fp = self.top_frame_ptr();
                            if fp.is_null() {
                                return Err(self.system_error("eval loop without a frame"));
                            }
                            // SAFETY: as at the top of 'frames.
                            f = unsafe { &mut *fp };
                            code = unsafe { &*std::rc::Rc::as_ptr(&f.code) };
                            instrs = &code.instrs[..];
                            pc = f.pc;
                            continue;
                        }};
                    }
                    loop {
                        // Verified code never runs off its end (the last instruction
                        // is a return, raise or jump); guard anyway.
                        let Some(&instr) = instrs.get(pc) else {
                            break 'error (
                                self.system_error("bytecode ran off the end of the code"),
                                Raised::Here,
                            );
                        };
                        if TRACING {
                            let prev = f.lasti;
                            f.lasti = pc;
                            tri!(self.trace_instruction(f, prev, pc));
                        }
                        f.lasti = pc;
                        pc += 1;
                        let arg = instr.arg;
                        match instr.op {
                            Opcode::NOP | Opcode::RESUME | Opcode::EXTENDED_ARG | Opcode::CACHE => {
                            }
                            Opcode::LOAD_FAST => {
                                let v = &f.fast[arg as usize];
                                if v.is_null() {
                                    let name = code.co.co_localsplusnames[arg as usize].clone();
                                    break 'error (self.unbound_local(&name), Raised::Here);
                                }
                                let v = v.clone();
                                f.push(v);
                            }
                            Opcode::STORE_FAST => {
                                let v = f.pop();
                                let old = std::mem::replace(&mut f.fast[arg as usize], v);
                                drop(old);
                            }
                            Opcode::DELETE_FAST => {
                                if f.fast[arg as usize].is_null() {
                                    let name = code.co.co_localsplusnames[arg as usize].clone();
                                    break 'error (self.unbound_local(&name), Raised::Here);
                                }
                                let old = std::mem::replace(&mut f.fast[arg as usize], Value::Null);
                                drop(old);
                                breaker!();
                            }
                            Opcode::LOAD_CONST => {
                                let v = code.consts[arg as usize].clone();
                                f.push(v);
                            }
                            Opcode::POP_TOP => {
                                let v = f.pop();
                                drop(v);
                            }
                            Opcode::PUSH_NULL => f.push(Value::Null),
                            Opcode::COPY => {
                                let v = f.peek(arg as usize).clone();
                                f.push(v);
                            }
                            Opcode::SWAP => {
                                let n = f.stack.len();
                                let i = arg as usize;
                                if i >= 1 && i <= n {
                                    f.stack.swap(n - 1, n - i);
                                }
                            }
                            Opcode::BINARY_OP => {
                                let b = f.pop();
                                let a = f.pop();
                                let r = match (&a, &b, arg) {
                                    (Value::Int(x), Value::Int(y), 0 | 13)
                                        if x.checked_add(*y).is_some() =>
                                    {
                                        Value::Int(x + y)
                                    }
                                    (Value::Int(x), Value::Int(y), 10 | 23)
                                        if x.checked_sub(*y).is_some() =>
                                    {
                                        Value::Int(x - y)
                                    }
                                    (Value::Int(x), Value::Int(y), 5 | 18)
                                        if x.checked_mul(*y).is_some() =>
                                    {
                                        Value::Int(x.wrapping_mul(*y))
                                    }
                                    (Value::Float(x), Value::Float(y), 0 | 13) => {
                                        Value::Float(x + y)
                                    }
                                    (Value::Float(x), Value::Float(y), 10 | 23) => {
                                        Value::Float(x - y)
                                    }
                                    (Value::Float(x), Value::Float(y), 5 | 18) => {
                                        Value::Float(x * y)
                                    }
                                    (Value::Float(x), Value::Float(y), 11 | 24) if *y != 0.0 => {
                                        Value::Float(x / y)
                                    }
                                    _ => tri!(self.binary_op(&a, &b, arg)),
                                };
                                f.push(r);
                                pc += 1;
                            }
                            Opcode::COMPARE_OP => {
                                let b = f.pop();
                                let a = f.pop();
                                let r = match (&a, &b) {
                                    (Value::Int(x), Value::Int(y)) => {
                                        let t = CompareOp::from_arg(arg).test(x.cmp(y));
                                        pc += 2;
                                        // Most comparisons feed a conditional jump:
                                        // take it here rather than push a bool for
                                        // the next instruction to pop. (Not while
                                        // tracing, which reports each instruction.)
                                        if !TRACING {
                                            if let Some(next) = instrs.get(pc) {
                                                let jump_if = match next.op {
                                                    Opcode::POP_JUMP_FORWARD_IF_FALSE
                                                    | Opcode::POP_JUMP_BACKWARD_IF_FALSE => {
                                                        Some(false)
                                                    }
                                                    Opcode::POP_JUMP_FORWARD_IF_TRUE
                                                    | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                                                        Some(true)
                                                    }
                                                    _ => None,
                                                };
                                                if let Some(j) = jump_if {
                                                    pc = if t == j {
                                                        next.arg as usize
                                                    } else {
                                                        pc + 1
                                                    };
                                                    continue;
                                                }
                                            }
                                        }
                                        f.push(Value::Bool(t));
                                        continue;
                                    }
                                    _ => tri!(self.rich_compare(&a, &b, CompareOp::from_arg(arg))),
                                };
                                f.push(r);
                                pc += 2;
                            }
                            Opcode::IS_OP => {
                                let b = f.pop();
                                let a = f.pop();
                                f.push(Value::Bool(a.is(&b) != (arg == 1)));
                            }
                            Opcode::CONTAINS_OP => {
                                let b = f.pop();
                                let a = f.pop();
                                let r = tri!(self.contains(&b, &a));
                                f.push(Value::Bool(r != (arg == 1)));
                            }
                            Opcode::UNARY_NOT => {
                                let v = f.pop();
                                let t = tri!(self.is_true(&v));
                                f.push(Value::Bool(!t));
                            }
                            Opcode::UNARY_NEGATIVE => {
                                let v = f.pop();
                                let r = tri!(self.neg(&v));
                                f.push(r);
                            }
                            Opcode::UNARY_POSITIVE => {
                                let v = f.pop();
                                let r = tri!(self.pos(&v));
                                f.push(r);
                            }
                            Opcode::UNARY_INVERT => {
                                let v = f.pop();
                                let r = tri!(self.invert(&v));
                                f.push(r);
                            }
                            Opcode::BINARY_SUBSCR => {
                                let k = f.pop();
                                let c = f.pop();
                                let r = match ops::index_fast(&c, &k) {
                                    Some(v) => v,
                                    None => tri!(self.getitem(&c, &k)),
                                };
                                f.push(r);
                                pc += 4;
                            }
                            Opcode::STORE_SUBSCR => {
                                let k = f.pop();
                                let c = f.pop();
                                let v = f.pop();
                                tri!(self.setitem(&c, &k, v));
                                pc += 1;
                            }
                            Opcode::DELETE_SUBSCR => {
                                let k = f.pop();
                                let c = f.pop();
                                tri!(self.delitem(&c, &k));
                                breaker!();
                            }
                            Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                                pc = arg as usize;
                            }
                            Opcode::JUMP_BACKWARD => {
                                pc = arg as usize;
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                    self.handle_eval_breaker();
                                }
                            }
                            Opcode::POP_JUMP_FORWARD_IF_FALSE
                            | Opcode::POP_JUMP_BACKWARD_IF_FALSE => {
                                let v = f.pop();
                                let t = match v {
                                    Value::Bool(b) => b,
                                    _ => tri!(self.is_true(&v)),
                                };
                                if !t {
                                    pc = arg as usize;
                                }
                            }
                            Opcode::POP_JUMP_FORWARD_IF_TRUE
                            | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                                let v = f.pop();
                                let t = match v {
                                    Value::Bool(b) => b,
                                    _ => tri!(self.is_true(&v)),
                                };
                                if t {
                                    pc = arg as usize;
                                }
                            }
                            Opcode::POP_JUMP_FORWARD_IF_NONE
                            | Opcode::POP_JUMP_BACKWARD_IF_NONE => {
                                if matches!(f.pop(), Value::None) {
                                    pc = arg as usize;
                                }
                            }
                            Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                            | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                                if !matches!(f.pop(), Value::None) {
                                    pc = arg as usize;
                                }
                            }
                            Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                                let t = tri!(self.is_true(&f.top().clone()));
                                if t == (instr.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                                    pc = arg as usize;
                                } else {
                                    f.pop();
                                }
                            }
                            Opcode::GET_ITER => {
                                let v = f.pop();
                                let it = tri!(self.iter(&v));
                                f.push(it);
                            }
                            Opcode::FOR_ITER => {
                                // `for i in range(...)` steps here, without a
                                // call through the iterator protocol.
                                let stepped = match f.top().payload() {
                                    Some(Payload::Iterator(st)) => match st.get_mut() {
                                        crate::objects::iter::IterState::Range {
                                            next,
                                            step,
                                            remaining,
                                        } => Some(if *remaining == 0 {
                                            None
                                        } else {
                                            let v = *next;
                                            *remaining -= 1;
                                            *next = next.wrapping_add(*step);
                                            Some(v)
                                        }),
                                        _ => None,
                                    },
                                    _ => None,
                                };
                                match stepped {
                                    Some(Some(v)) => {
                                        f.push(Value::Int(v));
                                        continue;
                                    }
                                    Some(None) => {
                                        f.pop();
                                        pc = arg as usize;
                                        continue;
                                    }
                                    None => {}
                                }
                                let it = f.top().clone();
                                match tri!(self.next(&it)) {
                                    Some(v) => f.push(v),
                                    None => {
                                        f.pop();
                                        pc = arg as usize;
                                    }
                                }
                            }
                            Opcode::LOAD_GLOBAL => {
                                let slot = instrs.get(pc).map_or(0, |c| c.arg as usize);
                                let v = match ops::cached_global(code, slot, f) {
                                    Some(v) => v,
                                    None => {
                                        let name = &code.names[(arg >> 1) as usize];
                                        tri!(self.load_global_and_cache(f, name, code, slot))
                                    }
                                };
                                if arg & 1 != 0 {
                                    f.push(Value::Null);
                                }
                                f.push(v);
                                pc += 5;
                            }
                            Opcode::STORE_GLOBAL => {
                                let v = f.pop();
                                let name = code.names[arg as usize].clone();
                                let g = f.globals.clone();
                                tri!(self.dict_set(&g, name, v));
                                breaker!();
                            }
                            Opcode::DELETE_GLOBAL => {
                                let name = code.names[arg as usize].clone();
                                let g = f.globals.clone();
                                if tri!(self.dict_del(&g, &name)).is_none() {
                                    break 'error (self.name_not_defined(&name), Raised::Here);
                                }
                                breaker!();
                            }
                            Opcode::LOAD_NAME => {
                                let name = code.names[arg as usize].clone();
                                let v = tri!(self.load_name(f, &name));
                                f.push(v);
                            }
                            Opcode::STORE_NAME => {
                                let v = f.pop();
                                let name = code.names[arg as usize].clone();
                                tri!(self.store_name(f, name, v));
                                breaker!();
                            }
                            Opcode::DELETE_NAME => {
                                let name = code.names[arg as usize].clone();
                                tri!(self.delete_name(f, &name));
                                breaker!();
                            }
                            Opcode::LOAD_ATTR => {
                                let o = f.pop();
                                let name = code.co.co_names[arg as usize].clone();
                                let v = tri!(self.getattr_str(&o, &name));
                                f.push(v);
                                pc += 4;
                            }
                            Opcode::STORE_ATTR => {
                                let o = f.pop();
                                let v = f.pop();
                                let name = code.co.co_names[arg as usize].clone();
                                tri!(self.setattr(&o, &name, v));
                                pc += 4;
                                breaker!();
                            }
                            Opcode::DELETE_ATTR => {
                                let o = f.pop();
                                let name = code.co.co_names[arg as usize].clone();
                                tri!(self.delattr(&o, &name));
                                breaker!();
                            }
                            Opcode::LOAD_METHOD => {
                                let o = f.pop();
                                let name = code.co.co_names[arg as usize].clone();
                                match tri!(self.load_method(&o, &name)) {
                                    crate::protocol::attr::Method::Unbound(m) => {
                                        f.push(m);
                                        f.push(o);
                                    }
                                    crate::protocol::attr::Method::Attr(a) => {
                                        f.push(Value::Null);
                                        f.push(a);
                                    }
                                }
                                pc += 10;
                            }
                            Opcode::KW_NAMES => {
                                f.kw_names = Some(code.consts[arg as usize].clone());
                            }
                            Opcode::PRECALL => {
                                pc += 1;
                            }
                            Opcode::CALL => {
                                pc += 4;
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                    self.handle_eval_breaker();
                                }
                                let argc = arg as usize;
                                let kwnames = f.kw_names.take();
                                let len = f.stack.len();
                                if len < argc + 2 {
                                    break 'error (
                                        self.system_error("CALL with a short stack"),
                                        Raised::Here,
                                    );
                                }
                                let base = len - argc - 2;
                                let is_meth = !f.stack[base].is_null();
                                let (callable_ix, args_ix) = if is_meth {
                                    (base, base + 1)
                                } else {
                                    (base + 1, base + 2)
                                };
                                let kwn: &[Value] = match &kwnames {
                                    Some(t) => t.as_tuple().unwrap_or(&[]),
                                    None => &[],
                                };
                                // A Python function: push its frame and keep looping.
                                if let Value::Obj(o) = &f.stack[callable_ix] {
                                    if let Payload::Function(func) = &o.payload {
                                        if kwn.is_empty()
                                            && func.code.get().takes_exactly(len - args_ix)
                                        {
                                            f.pc = pc;
                                            // SAFETY: `func` lives in the callable on
                                            // the caller's stack, which the call moves
                                            // into the new frame's `func`; the
                                            // function object is not freed meanwhile.
                                            let func: &crate::objects::function::Function =
                                                unsafe { &*(&**func as *const _) };
                                            tri!(self.push_frame_positional(f, func, base, args_ix));
                                            if !TRACING {
                                                switch_to_top!();
                                            }
                                            continue 'frames;
                                        }
                                        let args = Args {
                                            args: &f.stack[args_ix..],
                                            kwnames: kwn,
                                        };
                                        let frame = tri!(self.make_function_frame(o, func, args));
                                        f.stack.truncate(base);
                                        f.pc = pc;
                                        tri!(self.push_frame(frame));
                                        continue 'frames;
                                    }
                                }
                                let callable = f.stack[callable_ix].clone();
                                let args = Args {
                                    args: &f.stack[args_ix..],
                                    kwnames: kwn,
                                };
                                let r = if TRACING {
                                    let argv = args.args.to_vec();
                                    self.call_profiled(
                                        f,
                                        &callable,
                                        Args {
                                            args: &argv,
                                            kwnames: kwn,
                                        },
                                    )
                                } else {
                                    self.call_args(&callable, args)
                                };
                                f.stack.truncate(base);
                                let r = tri!(r);
                                f.push(r);
                                if self.use_tracing != TRACING {
                                    // The call set or cleared a hook
                                    // (sys.settrace): go on in the other copy.
                                    f.pc = pc;
                                    return Ok(Step::Switch);
                                }
                            }
                            Opcode::CALL_FUNCTION_EX => {
                                let kwargs = if arg & 1 != 0 { Some(f.pop()) } else { None };
                                let args = f.pop();
                                let func = f.pop();
                                let null = f.pop();
                                drop(null);
                                let r = tri!(self.call_ex(&func, &args, kwargs.as_ref()));
                                f.push(r);
                            }
                            Opcode::RETURN_VALUE => {
                                let rv = f.pop();
                                if TRACING {
                                    tri!(self.trace_return(f, &rv));
                                }
                                let Some(mut done) = self.frames.pop() else {
                                    return Err(self.system_error("return without a frame"));
                                };
                                let entry = done.is_entry;
                                if done.frame_obj.is_some() {
                                    self.finish_frame_object(&mut done);
                                }
                                self.release_frame(done);
                                if entry {
                                    return Ok(Step::Done(Exit::Return(rv)));
                                }
                                match self.frames.last_mut() {
                                    Some(caller) => caller.push(rv),
                                    None => return Ok(Step::Done(Exit::Return(rv))),
                                }
                                if !TRACING {
                                    switch_to_top!();
                                }
                                continue 'frames;
                            }
                            Opcode::RETURN_GENERATOR => {
                                f.pc = pc;
                                let Some(frame) = self.frames.pop() else {
                                    return Err(
                                        self.system_error("RETURN_GENERATOR without a frame")
                                    );
                                };
                                let entry = frame.is_entry;
                                let gen = self.new_generator(frame);
                                if entry {
                                    return Ok(Step::Done(Exit::Return(gen)));
                                }
                                match self.frames.last_mut() {
                                    Some(caller) => caller.push(gen),
                                    None => return Ok(Step::Done(Exit::Return(gen))),
                                }
                                continue 'frames;
                            }
                            Opcode::YIELD_VALUE => {
                                let v = f.pop();
                                if TRACING {
                                    tri!(self.trace_return(f, &v));
                                }
                                f.pc = pc;
                                if !f.is_entry {
                                    break 'error (
                                        self.system_error(
                                            "YIELD_VALUE outside a resumed generator",
                                        ),
                                        Raised::Here,
                                    );
                                }
                                return Ok(Step::Done(Exit::Yield(v)));
                            }
                            Opcode::SEND => {
                                let v = f.pop();
                                let receiver = f.top().clone();
                                match tri!(self.send_to(&receiver, v)) {
                                    crate::objects::generator::GenResult::Yield(x) => f.push(x),
                                    crate::objects::generator::GenResult::Return(x) => {
                                        f.pop();
                                        f.push(x);
                                        pc = arg as usize;
                                    }
                                }
                            }
                            Opcode::GET_YIELD_FROM_ITER => {
                                let v = f.pop();
                                let it = match v.payload() {
                                    Some(Payload::Generator(g)) => {
                                        if g.kind == crate::objects::generator::GenKind::Coroutine
                                        && code.co.co_flags
                                            & (pyrs_bytecode::code::flags::CO_COROUTINE
                                                | pyrs_bytecode::code::flags::CO_ITERABLE_COROUTINE)
                                            == 0
                                    {
                                        break 'error (
                                            self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"),
                                            Raised::Here,
                                        );
                                    }
                                        v.clone()
                                    }
                                    _ => tri!(self.iter(&v)),
                                };
                                f.push(it);
                            }
                            Opcode::GET_LEN => {
                                let v = f.top().clone();
                                let n = tri!(self.len(&v));
                                f.push(Value::Int(n as i64));
                            }
                            Opcode::MATCH_MAPPING => {
                                let r = self.match_mapping(f.top());
                                f.push(Value::Bool(r));
                            }
                            Opcode::MATCH_SEQUENCE => {
                                let r = self.match_sequence(f.top());
                                f.push(Value::Bool(r));
                            }
                            Opcode::MATCH_KEYS => {
                                let keys = f.top().clone();
                                let subject = f.peek(2).clone();
                                let r = tri!(self.match_keys(&subject, &keys));
                                f.push(r);
                            }
                            Opcode::MATCH_CLASS => {
                                let names = f.pop();
                                let cls = f.pop();
                                let subject = f.pop();
                                let r =
                                    tri!(self.match_class(&subject, &cls, arg as usize, &names));
                                f.push(r);
                            }
                            Opcode::GET_AWAITABLE => {
                                let v = f.pop();
                                let it = tri!(self.get_awaitable_op(&v, arg));
                                f.push(it);
                            }
                            Opcode::ASYNC_GEN_WRAP => {
                                let v = f.pop();
                                f.push(self.async_gen_wrap(v));
                            }
                            Opcode::GET_AITER => {
                                let v = f.pop();
                                let it = tri!(self.get_aiter(&v));
                                f.push(it);
                            }
                            Opcode::GET_ANEXT => {
                                let it = f.top().clone();
                                let aw = tri!(self.get_anext(&it));
                                f.push(aw);
                            }
                            Opcode::END_ASYNC_FOR => {
                                let exc = f.pop();
                                if self.is_stop_async_iteration(&exc) {
                                    drop(f.pop());
                                } else {
                                    match exc {
                                        Value::Obj(o) => {
                                            break 'error (PyErr(o), Raised::Reraise(None))
                                        }
                                        _ => {
                                            break 'error (
                                                self.system_error(
                                                    "END_ASYNC_FOR of a non-exception",
                                                ),
                                                Raised::Here,
                                            )
                                        }
                                    }
                                }
                            }
                            Opcode::BEFORE_ASYNC_WITH => {
                                let mgr = f.pop();
                                let (exit, res) = tri!(self.before_async_with(&mgr));
                                f.push(exit);
                                f.push(res);
                            }
                            Opcode::BUILD_TUPLE => {
                                let items = f.pop_n(arg as usize);
                                f.push(self.new_tuple(items));
                            }
                            Opcode::BUILD_LIST => {
                                let items = f.pop_n(arg as usize);
                                f.push(self.new_list(items));
                            }
                            Opcode::BUILD_MAP => {
                                let items = f.pop_n(2 * arg as usize);
                                let d = self.new_dict();
                                let mut it = items.into_iter();
                                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                    tri!(self.dict_set(&d, k, v));
                                }
                                f.push(Value::Obj(d));
                            }
                            Opcode::BUILD_CONST_KEY_MAP => {
                                let keys = f.pop();
                                let values = f.pop_n(arg as usize);
                                let d = self.new_dict();
                                let keys = keys.as_tuple().map(|k| k.to_vec()).unwrap_or_default();
                                for (k, v) in keys.into_iter().zip(values) {
                                    tri!(self.dict_set(&d, k, v));
                                }
                                f.push(Value::Obj(d));
                            }
                            Opcode::BUILD_STRING => {
                                let parts = f.pop_n(arg as usize);
                                let mut s = String::new();
                                for p in &parts {
                                    s.push_str(p.as_str().unwrap_or(""));
                                }
                                f.push(self.new_str(s));
                            }
                            Opcode::BUILD_SLICE => {
                                let step = if arg == 3 { f.pop() } else { Value::None };
                                let stop = f.pop();
                                let start = f.pop();
                                let s = ObjRef::new(
                                    &self.types().slice,
                                    Payload::Slice(Box::new([start, stop, step])),
                                );
                                f.push(Value::Obj(s));
                            }
                            Opcode::LIST_APPEND => {
                                let v = f.pop();
                                if let Some(Payload::List(l)) = f.peek(arg as usize).payload() {
                                    l.get_mut().push(v);
                                }
                            }
                            Opcode::LIST_EXTEND => {
                                let v = f.pop();
                                let items =
                                    tri!(self.iterate(&v).map_err(|e| self.extend_error(e, &v)));
                                if let Some(Payload::List(l)) = f.peek(arg as usize).payload() {
                                    l.get_mut().extend(items);
                                }
                            }
                            Opcode::LIST_TO_TUPLE => {
                                let l = f.pop();
                                let items = match l.payload() {
                                    Some(Payload::List(l)) => l.get().clone(),
                                    _ => Vec::new(),
                                };
                                f.push(self.new_tuple(items));
                            }
                            Opcode::MAP_ADD => {
                                let v = f.pop();
                                let k = f.pop();
                                if let Some(d) = f.peek(arg as usize).as_obj().cloned() {
                                    tri!(self.dict_set(&d, k, v));
                                }
                            }
                            Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                                let src = f.pop();
                                if let Some(d) = f.peek(arg as usize).as_obj().cloned() {
                                    tri!(self.dict_update(
                                        &d,
                                        &src,
                                        instr.op == Opcode::DICT_MERGE
                                    ));
                                }
                            }
                            Opcode::UNPACK_SEQUENCE => {
                                let seq = f.pop();
                                let items = tri!(self.unpack(&seq, arg as usize));
                                f.stack.extend(items.into_iter().rev());
                                pc += 1;
                            }
                            Opcode::UNPACK_EX => {
                                let seq = f.pop();
                                let before = (arg & 0xff) as usize;
                                let after = (arg >> 8) as usize;
                                let items = tri!(self.unpack_ex(&seq, before, after));
                                f.stack.extend(items.into_iter().rev());
                            }
                            Opcode::MAKE_FUNCTION => {
                                let r = tri!(self.make_function(f, arg));
                                f.push(r);
                            }
                            Opcode::MAKE_CELL => {
                                let v = std::mem::replace(&mut f.fast[arg as usize], Value::Null);
                                let cell = ObjRef::new(
                                    &self.types().cell,
                                    Payload::Cell(crate::gil_cell::GilCell::new(v)),
                                );
                                f.fast[arg as usize] = Value::Obj(cell);
                            }
                            Opcode::COPY_FREE_VARS => {
                                let n = arg as usize;
                                let closure = match f.func.as_ref().map(|o| &o.payload) {
                                    Some(Payload::Function(func)) => func.closure.cloned(),
                                    _ => Value::None,
                                };
                                let cells = closure.as_tuple().unwrap_or(&[]);
                                let start = code.nlocalsplus - n;
                                for (i, c) in cells.iter().take(n).enumerate() {
                                    f.fast[start + i] = c.clone();
                                }
                            }
                            Opcode::LOAD_CLOSURE => {
                                let v = f.fast[arg as usize].clone();
                                f.push(v);
                            }
                            Opcode::LOAD_DEREF => {
                                let v = match f.fast[arg as usize].payload() {
                                    Some(Payload::Cell(c)) => c.cloned(),
                                    _ => Value::Null,
                                };
                                if v.is_null() {
                                    break 'error (
                                        self.unbound_deref(code, arg as usize),
                                        Raised::Here,
                                    );
                                }
                                f.push(v);
                            }
                            Opcode::LOAD_CLASSDEREF => {
                                let name = code.localsplusnames[arg as usize].clone();
                                let from_locals = match f.locals.as_obj() {
                                    Some(l) => tri!(self.mapping_get(l, &name)),
                                    None => None,
                                };
                                let v = match from_locals {
                                    Some(v) => v,
                                    None => match f.fast[arg as usize].payload() {
                                        Some(Payload::Cell(c)) => c.cloned(),
                                        _ => Value::Null,
                                    },
                                };
                                if v.is_null() {
                                    break 'error (
                                        self.unbound_deref(code, arg as usize),
                                        Raised::Here,
                                    );
                                }
                                f.push(v);
                            }
                            Opcode::STORE_DEREF => {
                                let v = f.pop();
                                if let Some(Payload::Cell(c)) = f.fast[arg as usize].payload() {
                                    let old = c.replace(v);
                                    drop(old);
                                }
                            }
                            Opcode::DELETE_DEREF => {
                                let old = match f.fast[arg as usize].payload() {
                                    Some(Payload::Cell(c)) => c.replace(Value::Null),
                                    _ => Value::Null,
                                };
                                if old.is_null() {
                                    break 'error (
                                        self.unbound_deref(code, arg as usize),
                                        Raised::Here,
                                    );
                                }
                                breaker!();
                            }
                            Opcode::RAISE_VARARGS => {
                                let (e, how) = self.do_raise(f, arg);
                                break 'error (e, how);
                            }
                            Opcode::RERAISE => {
                                let exc = f.pop();
                                let restored = match f.peek(arg as usize) {
                                    Value::Int(i) if arg != 0 && *i >= 0 => Some(*i as usize),
                                    _ => None,
                                };
                                match exc {
                                    Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => {
                                        break 'error (PyErr(o), Raised::Reraise(restored))
                                    }
                                    _ => {
                                        break 'error (
                                            self.system_error("RERAISE of a non-exception"),
                                            Raised::Here,
                                        )
                                    }
                                }
                            }
                            Opcode::PUSH_EXC_INFO => {
                                let exc = f.pop();
                                let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                                f.push(prev);
                                f.push(exc);
                            }
                            Opcode::POP_EXCEPT => {
                                let prev = f.pop();
                                let old = std::mem::replace(&mut self.exc_info, prev);
                                drop(old);
                            }
                            Opcode::CHECK_EXC_MATCH => {
                                let ty = f.pop();
                                let exc = f.top().clone();
                                let r = tri!(self.exception_matches(&exc, &ty));
                                f.push(Value::Bool(r));
                            }
                            Opcode::CHECK_EG_MATCH => {
                                let match_type = f.pop();
                                let exc = f.pop();
                                let (rest, matched) =
                                    tri!(self.exception_group_match(&exc, &match_type));
                                if matches!(matched, Value::None) {
                                    f.push(exc);
                                    f.push(matched);
                                } else {
                                    f.push(rest);
                                    self.exc_info = matched.clone();
                                    f.push(matched);
                                }
                            }
                            Opcode::PREP_RERAISE_STAR => {
                                let excs = f.pop();
                                let orig = f.pop();
                                let r = tri!(self.prep_reraise_star(&orig, &excs));
                                f.push(r);
                            }
                            Opcode::LOAD_ASSERTION_ERROR => {
                                f.push(Value::Obj(self.types().exc.assertion_error.clone()));
                            }
                            Opcode::IMPORT_STAR => {
                                let module = f.pop();
                                let locals = f.locals.clone();
                                tri!(self.import_star(&module, &locals));
                            }
                            Opcode::IMPORT_NAME => {
                                let fromlist = f.pop();
                                let level = f.pop();
                                let name = code.names[arg as usize].clone();
                                let m = tri!(self.import_name(f, &name, &fromlist, &level));
                                f.push(m);
                            }
                            Opcode::IMPORT_FROM => {
                                let m = f.top().clone();
                                let name = code.co.co_names[arg as usize].clone();
                                let v = tri!(self.import_from(&m, &name));
                                f.push(v);
                            }
                            Opcode::FORMAT_VALUE => {
                                let spec = if arg & 0x04 != 0 { Some(f.pop()) } else { None };
                                let v = f.pop();
                                let r = tri!(self.format_value(v, arg & 0x03, spec));
                                f.push(r);
                            }
                            Opcode::PRINT_EXPR => {
                                let v = f.pop();
                                tri!(self.print_expr(&v));
                            }
                            Opcode::LOAD_BUILD_CLASS => {
                                let v = crate::protocol::dict::dict_get_str(
                                    &f.builtins,
                                    "__build_class__",
                                );
                                match v {
                                    Some(v) => f.push(v),
                                    None => {
                                        break 'error (
                                            self.new_error(
                                                &self.types().exc.name_error,
                                                "__build_class__ not found",
                                            ),
                                            Raised::Here,
                                        )
                                    }
                                }
                            }
                            Opcode::SETUP_ANNOTATIONS => {
                                tri!(self.setup_annotations(f));
                            }
                            Opcode::BEFORE_WITH => {
                                let mgr = f.pop();
                                let (exit, res) = tri!(self.before_with(&mgr));
                                f.push(exit);
                                f.push(res);
                            }
                            Opcode::WITH_EXCEPT_START => {
                                let val = f.peek(1).clone();
                                let exit = f.peek(4).clone();
                                let res = tri!(self.with_except_start(&exit, &val));
                                f.push(res);
                            }
                            Opcode::BUILD_SET => {
                                let items = f.pop_n(arg as usize);
                                let set = crate::types::set::new_set_of(&self.types().set);
                                for it in items {
                                    if let Some(t) = crate::types::set::table(&set) {
                                        tri!(crate::types::set::add_key(self, t, it));
                                    }
                                }
                                f.push(set);
                            }
                            Opcode::SET_ADD => {
                                let v = f.pop();
                                let set = f.peek(arg as usize).clone();
                                if let Some(t) = crate::types::set::table(&set) {
                                    tri!(crate::types::set::add_key(self, t, v));
                                }
                            }
                            Opcode::SET_UPDATE => {
                                let v = f.pop();
                                let set = f.peek(arg as usize).clone();
                                tri!(crate::types::set::update_internal(self, &set, &v));
                            }
                            op => {
                                let e = self.system_error(format!(
                                    "pyrs: opcode {} is not supported yet",
                                    op.name()
                                ));
                                break 'error (e, Raised::Here);
                            }
                        }
                    }
                }
            };
            // Unwinding: find a handler in this frame, else pop it and let the
            // caller handle the error at its CALL.
            let mut how = how;
            let mut err = err;
            loop {
                let fp = self.top_frame_ptr();
                // SAFETY: as above; the frame is on the stack until popped here.
                let f: &mut Frame = unsafe { &mut *fp };
                if matches!(how, Raised::Here) {
                    self.chain_context(&err);
                }
                let restored = match how {
                    Raised::Reraise(r) => r,
                    _ => {
                        self.add_traceback(f, &err);
                        if self.use_tracing {
                            err = self.trace_exception(f, err);
                        }
                        None
                    }
                };
                let handler = pyrs_bytecode::exception_table::lookup(
                    &f.code.co.co_exceptiontable,
                    f.lasti as u32,
                );
                if let Some(r) = restored {
                    f.lasti = r;
                }
                if let Some(h) = handler {
                    let old: Vec<Value> = f
                        .stack
                        .drain((h.depth as usize).min(f.stack.len())..)
                        .collect();
                    drop(old);
                    if h.lasti {
                        f.push(Value::Int(f.lasti as i64));
                    }
                    f.push(Value::Obj(err.0));
                    f.pc = h.target as usize;
                    continue 'frames;
                }
                let Some(mut done) = self.frames.pop() else {
                    return Err(err);
                };
                let entry = done.is_entry;
                if self.use_tracing {
                    // Leaving by an exception: "return" with None.
                    let _ = self.trace_return(&mut done, &Value::None);
                }
                self.finish_frame_object(&mut done);
                self.release_frame(done);
                if entry || self.frames.is_empty() {
                    return Err(err);
                }
                how = Raised::Propagated;
            }
        }
    }
}
