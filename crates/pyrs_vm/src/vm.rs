//! `Vm`: one thread's state (CPython's PyThreadState) with a reference to the
//! shared interpreter. Every operation that can run Python code takes `&mut Vm`.
//! This file also holds the constructors of common objects and exceptions.

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::int::IntResult;
use crate::objects::str::PyStr;
use crate::runtime::interp::Interp;
use crate::runtime::types::Types;
use crate::value::Value;
use num_bigint::BigInt;

pub struct Vm {
    pub interp: &'static Interp,
    /// The frame stack: the running frame is last. Boxed so a frame's address
    /// stays put while the eval loop holds it and calls push more frames.
    pub frames: Vec<Box<Frame>>,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    /// Nested eval loops started from Rust (native code calling Python). Each
    /// costs Rust stack, so it counts toward the recursion limit.
    pub native_depth: usize,
    /// Finished frames kept for reuse, so a call does not allocate. Boxed like
    /// the frame stack's, so a frame moves between the two without copying.
    #[allow(clippy::vec_box)]
    pub(crate) frame_pool: Vec<Box<Frame>>,
    /// The lowest stack address Rust recursion may reach on this thread
    /// (stacks grow down); past it, deep data raises RecursionError.
    pub(crate) stack_limit: usize,
    /// Containers whose repr is being computed (CPython's Py_ReprEnter), so a
    /// container that holds itself prints as `[...]`.
    pub(crate) repr_stack: Vec<usize>,
    /// `sys.set_asyncgen_hooks`: called at an async generator's first
    /// iteration, and kept for its finalization.
    pub asyncgen_firstiter: Value,
    pub asyncgen_finalizer: Value,
    /// `sys.settrace` / `sys.setprofile` functions (None: off).
    pub tracefunc: Value,
    pub profilefunc: Value,
    /// A hook is set and none is running: the eval loop calls eval/trace.rs.
    pub use_tracing: bool,
    /// Hooks running now (no events are reported from inside a hook).
    pub trace_depth: usize,
}

impl Vm {
    /// A thread state for the calling thread, whose stack is `stack_size`
    /// bytes and is near its top now.
    pub fn new(interp: &'static Interp, stack_size: usize) -> Vm {
        // Leave a margin for the frames above this point and for the deepest
        // Rust call a single guarded step can make.
        let margin = (stack_size / 8).max(256 << 10);
        let stack_limit = stack_pointer().saturating_sub(stack_size.saturating_sub(margin));
        Vm {
            interp,
            frames: Vec::new(),
            exc_info: Value::None,
            native_depth: 0,
            frame_pool: Vec::new(),
            stack_limit,
            repr_stack: Vec::new(),
            asyncgen_firstiter: Value::None,
            asyncgen_finalizer: Value::None,
            tracefunc: Value::None,
            profilefunc: Value::None,
            use_tracing: false,
            trace_depth: 0,
        }
    }

    #[inline(always)]
    pub fn types(&self) -> &'static Types {
        &self.interp.types
    }

    /// The type of any value.
    #[inline]
    pub fn type_of<'a>(&'a self, v: &'a Value) -> &'a ObjRef {
        let t = &self.interp.types;
        match v {
            Value::Obj(o) => o.class(),
            Value::Int(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Bool(_) => &t.bool_,
            Value::None | Value::Null => &t.none,
        }
    }

    /// The name messages give `v`'s type: CPython's `tp_name`, which for
    /// types of C modules includes the module (`collections.deque`).
    pub fn type_name(&self, v: &Value) -> String {
        crate::runtime::types::tp_name(self.type_of(v))
    }

    // ----- constructors -----

    pub fn new_str(&self, s: impl Into<Box<str>>) -> Value {
        Value::Obj(ObjRef::new(&self.types().str_, Payload::Str(PyStr::new(s))))
    }

    pub fn new_tuple(&self, items: impl Into<Box<[Value]>>) -> Value {
        Value::Obj(ObjRef::new(
            &self.types().tuple,
            Payload::Tuple(items.into()),
        ))
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::Obj(ObjRef::new(
            &self.types().list,
            Payload::List(GilCell::new(items)),
        ))
    }

    pub fn new_dict(&self) -> ObjRef {
        ObjRef::new(
            &self.types().dict,
            Payload::Dict(GilCell::new(DictData::new())),
        )
    }

    pub fn new_bytes(&self, b: impl Into<Box<[u8]>>) -> Value {
        Value::Obj(ObjRef::new(&self.types().bytes, Payload::Bytes(b.into())))
    }

    pub fn new_int(&self, r: IntResult) -> Value {
        match r {
            IntResult::Small(i) => Value::Int(i),
            IntResult::Big(b) => Value::Obj(ObjRef::new(&self.types().int, Payload::Int(b))),
        }
    }

    pub fn new_bigint(&self, b: BigInt) -> Value {
        self.new_int(IntResult::from_big(b))
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.types().not_implemented_value.clone())
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.is(&self.types().not_implemented_value))
    }

    // ----- exceptions -----

    /// An exception instance of class `ty` with `args`.
    pub fn new_exception(&self, ty: &ObjRef, args: Vec<Value>) -> ObjRef {
        let args = self.new_tuple(args);
        ObjRef::new(ty, Payload::Exception(Box::new(ExceptionData::new(args))))
    }

    /// An error of class `ty` with one message argument.
    pub fn new_error(&self, ty: &ObjRef, msg: impl Into<Box<str>>) -> PyErr {
        PyErr(self.new_exception(ty, vec![self.new_str(msg)]))
    }

    pub fn type_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.type_error, msg)
    }
    pub fn value_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.value_error, msg)
    }
    pub fn index_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.index_error, msg)
    }
    pub fn attribute_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.attribute_error, msg)
    }
    pub fn name_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.name_error, msg)
    }
    pub fn zero_division_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.zero_division_error, msg)
    }
    pub fn overflow_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.overflow_error, msg)
    }
    /// The OSError subclass CPython raises for a failed system call:
    /// `OSError(errno, strerror[, filename])`, the errno picking the class
    /// (BrokenPipeError, FileNotFoundError ...).
    pub fn os_error_io(&mut self, e: &std::io::Error, filename: Option<&str>) -> PyErr {
        let errno = Value::Int(e.raw_os_error().unwrap_or(0) as i64);
        let msg = e.to_string();
        let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
        let mut args = vec![errno, self.new_str(msg)];
        if let Some(f) = filename {
            args.push(self.new_str(f));
        }
        let cls = self.types().exc.os_error.clone();
        self.exception_from_args(&cls, &args)
    }

    /// `cls(*args)` for a builtin exception class, through its constructor
    /// (so OSError's errno picks the subclass and SyntaxError's details
    /// become attributes); an error while constructing is the result.
    pub fn exception_from_args(&mut self, cls: &ObjRef, args: &[Value]) -> PyErr {
        match crate::objects::exception::exception_new(
            self,
            cls,
            crate::objects::native::Args::positional(args),
        ) {
            Ok(Value::Obj(o)) => PyErr(o),
            Ok(_) => self.system_error("exception constructor returned a non-object"),
            Err(e) => e,
        }
    }

    pub fn runtime_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.runtime_error, msg)
    }
    pub fn system_error(&self, msg: impl Into<Box<str>>) -> PyErr {
        self.new_error(&self.types().exc.system_error, msg)
    }
    pub fn memory_error(&self) -> PyErr {
        PyErr(self.new_exception(&self.types().exc.memory_error, vec![]))
    }
    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr(self.new_exception(&self.types().exc.key_error, vec![key]))
    }
    pub fn stop_iteration(&self) -> PyErr {
        PyErr(self.new_exception(&self.types().exc.stop_iteration, vec![]))
    }

    /// Count one level of Rust recursion that CPython counts toward the
    /// recursion limit (its Py_EnterRecursiveCall: native code calling Python,
    /// a container's repr, a comparison), together with the Python frames;
    /// `where_` completes CPython's message ("" or " in comparison"...).
    pub fn enter_recursive_call(&mut self, where_: &str) -> PyResult<()> {
        self.native_depth += 1;
        if self.native_depth + self.frames.len() > self.interp.recursion_limit.get()
            || stack_pointer() < self.stack_limit
        {
            self.native_depth -= 1;
            return Err(self.new_error(
                &self.types().exc.recursion_error,
                format!("maximum recursion depth exceeded{where_}"),
            ));
        }
        Ok(())
    }

    /// Count one level of Rust recursion over data that CPython walks with no
    /// limit (a nested tuple's hash): only the Rust stack's own bound applies.
    pub fn enter_stack_guard(&mut self) -> PyResult<()> {
        if stack_pointer() < self.stack_limit {
            return Err(self.new_error(
                &self.types().exc.recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        self.native_depth += 1;
        Ok(())
    }

    pub fn leave_native_recursion(&mut self) {
        self.native_depth -= 1;
    }

    /// Whether `v` is an instance of `ty` (by MRO; no `__instancecheck__`).
    pub fn isinstance(&self, v: &Value, ty: &ObjRef) -> bool {
        is_subtype(self.type_of(v), ty)
    }
}

/// Whether `sub` has `sup` in its MRO.
pub fn is_subtype(sub: &ObjRef, sup: &ObjRef) -> bool {
    if sub.is(sup) {
        return true;
    }
    match &sub.payload {
        Payload::Type(t) => t.mro.get().iter().any(|m| m.is(sup)),
        _ => false,
    }
}

/// `PyResult` helpers for the common "is this an error of class X" checks.
pub fn err_matches(err: &PyErr, ty: &ObjRef) -> bool {
    is_subtype(err.0.class(), ty)
}

impl Vm {
    pub fn err_matches(&self, err: &PyErr, ty: &ObjRef) -> bool {
        err_matches(err, ty)
    }
}

/// Shorthand used across the VM.
pub fn ok<T>(v: T) -> PyResult<T> {
    Ok(v)
}

/// The current stack pointer, approximately (the address of a local).
#[inline(always)]
pub fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}
