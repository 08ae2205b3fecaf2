//! The eval loop (CPython's Python/ceval.c `_PyEval_EvalFrameDefault`): runs the
//! frame on top of the thread's frame stack, pushing a frame for each call of a
//! Python function and popping it on return, so Python-to-Python calls never
//! recurse on the Rust stack. Exceptions unwind through the exception table.
//!
//! Handlers are grouped: this file has the loop, dispatch and unwinding;
//! `ops.rs` the handlers that are too long to sit inline.

mod ops;
mod with_ops;

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::object::{ObjRef, Payload};
use crate::objects::native::Args;
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::Opcode;

/// Nested eval loops (Rust code calling Python code calling Rust...) allowed
/// before RecursionError; sized for the interpreter thread's stack.
pub const MAX_NATIVE_DEPTH: usize = 6000;

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
    /// Push `frame` as an entry frame and run until it returns.
    pub fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        frame.is_entry = true;
        // Count the nesting before pushing: a frame left on the stack by a
        // failed check would take over the caller's unwinding.
        if let Err(e) = self.enter_native_recursion() {
            self.release_frame(frame);
            return Err(e);
        }
        if let Err(e) = self.push_frame(frame) {
            self.leave_native_recursion();
            return Err(e);
        }
        let r = self.eval_loop();
        self.leave_native_recursion();
        r
    }

    fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        if self.frames.len() >= self.interp.recursion_limit.get() {
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

    fn eval_loop(&mut self) -> PyResult<Value> {
        'frames: loop {
            let fp = self.top_frame_ptr();
            if fp.is_null() {
                return Err(self.system_error("eval loop without a frame"));
            }
            // SAFETY: `fp` points into a Box owned by `self.frames`; it is not
            // moved or freed until this frame is popped below, after which `f`
            // is not used again (each pop ends with `continue 'frames` or a return).
            let f: &mut Frame = unsafe { &mut *fp };
            let code = f.code.clone();
            let instrs = &code.instrs[..];
            let (err, how): (PyErr, Raised) = 'error: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'error (e, Raised::Here),
                        }
                    };
                }
                loop {
                    // Verified code never runs off its end (the last instruction
                    // is a return, raise or jump); guard anyway.
                    let Some(&instr) = instrs.get(f.pc) else {
                        break 'error (
                            self.system_error("bytecode ran off the end of the code"),
                            Raised::Here,
                        );
                    };
                    f.lasti = f.pc;
                    f.pc += 1;
                    let arg = instr.arg;
                    match instr.op {
                        Opcode::NOP | Opcode::RESUME | Opcode::EXTENDED_ARG | Opcode::CACHE => {}
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
                            let r = tri!(self.binary_op(&a, &b, arg));
                            f.push(r);
                            f.pc += 1;
                        }
                        Opcode::COMPARE_OP => {
                            let b = f.pop();
                            let a = f.pop();
                            let r = match (&a, &b) {
                                (Value::Int(x), Value::Int(y)) => {
                                    Value::Bool(CompareOp::from_arg(arg).test(x.cmp(y)))
                                }
                                _ => tri!(self.rich_compare(&a, &b, CompareOp::from_arg(arg))),
                            };
                            f.push(r);
                            f.pc += 2;
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
                            let r = tri!(self.getitem(&c, &k));
                            f.push(r);
                            f.pc += 4;
                        }
                        Opcode::STORE_SUBSCR => {
                            let k = f.pop();
                            let c = f.pop();
                            let v = f.pop();
                            tri!(self.setitem(&c, &k, v));
                            f.pc += 1;
                        }
                        Opcode::DELETE_SUBSCR => {
                            let k = f.pop();
                            let c = f.pop();
                            tri!(self.delitem(&c, &k));
                        }
                        Opcode::JUMP_FORWARD
                        | Opcode::JUMP_BACKWARD
                        | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                            f.pc = arg as usize;
                        }
                        Opcode::POP_JUMP_FORWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_FALSE => {
                            let v = f.pop();
                            let t = match v {
                                Value::Bool(b) => b,
                                _ => tri!(self.is_true(&v)),
                            };
                            if !t {
                                f.pc = arg as usize;
                            }
                        }
                        Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                            let v = f.pop();
                            let t = match v {
                                Value::Bool(b) => b,
                                _ => tri!(self.is_true(&v)),
                            };
                            if t {
                                f.pc = arg as usize;
                            }
                        }
                        Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE => {
                            if matches!(f.pop(), Value::None) {
                                f.pc = arg as usize;
                            }
                        }
                        Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                        | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                            if !matches!(f.pop(), Value::None) {
                                f.pc = arg as usize;
                            }
                        }
                        Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                            let t = tri!(self.is_true(&f.top().clone()));
                            if t == (instr.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                                f.pc = arg as usize;
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
                            let it = f.top().clone();
                            match tri!(self.next(&it)) {
                                Some(v) => f.push(v),
                                None => {
                                    f.pop();
                                    f.pc = arg as usize;
                                }
                            }
                        }
                        Opcode::LOAD_GLOBAL => {
                            let name = &code.names[(arg >> 1) as usize];
                            let v = tri!(self.load_global(f, name));
                            if arg & 1 != 0 {
                                f.push(Value::Null);
                            }
                            f.push(v);
                            f.pc += 5;
                        }
                        Opcode::STORE_GLOBAL => {
                            let v = f.pop();
                            let name = code.names[arg as usize].clone();
                            let g = f.globals.clone();
                            tri!(self.dict_set(&g, name, v));
                        }
                        Opcode::DELETE_GLOBAL => {
                            let name = code.names[arg as usize].clone();
                            let g = f.globals.clone();
                            if tri!(self.dict_del(&g, &name)).is_none() {
                                break 'error (self.name_not_defined(&name), Raised::Here);
                            }
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
                        }
                        Opcode::DELETE_NAME => {
                            let name = code.names[arg as usize].clone();
                            tri!(self.delete_name(f, &name));
                        }
                        Opcode::LOAD_ATTR => {
                            let o = f.pop();
                            let name = code.co.co_names[arg as usize].clone();
                            let v = tri!(self.getattr_str(&o, &name));
                            f.push(v);
                            f.pc += 4;
                        }
                        Opcode::STORE_ATTR => {
                            let o = f.pop();
                            let v = f.pop();
                            let name = code.co.co_names[arg as usize].clone();
                            tri!(self.setattr(&o, &name, v));
                            f.pc += 4;
                        }
                        Opcode::DELETE_ATTR => {
                            let o = f.pop();
                            let name = code.co.co_names[arg as usize].clone();
                            tri!(self.delattr(&o, &name));
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
                            f.pc += 10;
                        }
                        Opcode::KW_NAMES => {
                            f.kw_names = Some(code.consts[arg as usize].clone());
                        }
                        Opcode::PRECALL => {
                            f.pc += 1;
                        }
                        Opcode::CALL => {
                            f.pc += 4;
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
                            let callable = f.stack[callable_ix].clone();
                            let kwn: &[Value] = match &kwnames {
                                Some(t) => t.as_tuple().unwrap_or(&[]),
                                None => &[],
                            };
                            // A Python function: push its frame and keep looping.
                            if let Value::Obj(o) = &callable {
                                if let Payload::Function(func) = &o.payload {
                                    let args = Args {
                                        args: &f.stack[args_ix..],
                                        kwnames: kwn,
                                    };
                                    let frame = tri!(self.make_function_frame(o, func, args));
                                    let old: Vec<Value> = f.stack.drain(base..).collect();
                                    drop(old);
                                    tri!(self.push_frame(frame));
                                    continue 'frames;
                                }
                            }
                            let args = Args {
                                args: &f.stack[args_ix..],
                                kwnames: kwn,
                            };
                            let r = self.call_args(&callable, args);
                            let old: Vec<Value> = f.stack.drain(base..).collect();
                            drop(old);
                            let r = tri!(r);
                            f.push(r);
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
                            let Some(done) = self.frames.pop() else {
                                return Err(self.system_error("return without a frame"));
                            };
                            let entry = done.is_entry;
                            self.finish_frame_object(&done);
                            self.release_frame(done);
                            if entry {
                                return Ok(rv);
                            }
                            match self.frames.last_mut() {
                                Some(caller) => caller.push(rv),
                                None => return Ok(rv),
                            }
                            continue 'frames;
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
                                tri!(self.dict_update(&d, &src, instr.op == Opcode::DICT_MERGE));
                            }
                        }
                        Opcode::UNPACK_SEQUENCE => {
                            let seq = f.pop();
                            let items = tri!(self.unpack(&seq, arg as usize));
                            f.stack.extend(items.into_iter().rev());
                            f.pc += 1;
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
                                    self.unbound_deref(&code, arg as usize),
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
                                    self.unbound_deref(&code, arg as usize),
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
                                    self.unbound_deref(&code, arg as usize),
                                    Raised::Here,
                                );
                            }
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
                        Opcode::LOAD_ASSERTION_ERROR => {
                            f.push(Value::Obj(self.types().exc.assertion_error.clone()));
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
                            let v =
                                crate::protocol::dict::dict_get_str(&f.builtins, "__build_class__");
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
                        Opcode::BEFORE_WITH => {
                            let mgr = f.pop();
                            let (exit, res) = tri!(self.before_with(&mgr));
                            f.push(exit);
                            f.push(res);
                        }
                        Opcode::WITH_EXCEPT_START => {
                            // Stack: exit, lasti, previous exception, exception.
                            let val = f.peek(1).clone();
                            let exit = f.peek(4).clone();
                            let r = tri!(self.with_except_start(&exit, &val));
                            f.push(r);
                        }
                        Opcode::SETUP_ANNOTATIONS => {
                            tri!(self.setup_annotations(f));
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
            };
            // Unwinding: find a handler in this frame, else pop it and let the
            // caller handle the error at its CALL.
            let mut how = how;
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
                let Some(done) = self.frames.pop() else {
                    return Err(err);
                };
                let entry = done.is_entry;
                self.finish_frame_object(&done);
                self.release_frame(done);
                if entry || self.frames.is_empty() {
                    return Err(err);
                }
                how = Raised::Propagated;
            }
        }
    }
}
