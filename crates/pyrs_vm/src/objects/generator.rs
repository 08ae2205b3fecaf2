//! Generators and coroutines (Objects/genobject.c): a suspended frame owned by
//! the generator object. RETURN_GENERATOR moves the new frame in here; each
//! `send` pushes it back on the frame stack as an entry frame and runs the eval
//! loop until the frame yields (YIELD_VALUE leaves it on the stack for us to
//! take back) or returns.

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::runtime::types::{add_methods, Types};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::code::flags::{CO_ASYNC_GENERATOR, CO_COROUTINE};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// How CPython's messages name the kind.
    pub fn name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

pub struct GenData {
    pub kind: GenKind,
    /// The suspended frame; `None` while it runs (it is on the frame stack)
    /// and once the generator has finished.
    pub frame: GilCell<Option<Box<Frame>>>,
    pub running: GilCell<bool>,
    /// False until the first `send`; a just-started generator takes only None.
    pub started: GilCell<bool>,
    pub finished: GilCell<bool>,
    /// The exception the generator was handling when it last yielded.
    pub exc_state: GilCell<Value>,
    pub code: ObjRef,
    /// Async generators only: an `asend`/`athrow` awaitable is driving it
    /// (CPython's `ag_running_async`, what `ag_running` reports).
    pub ag_running_async: GilCell<bool>,
    /// Async generators only: `aclose()` ran or it finished.
    pub ag_closed: GilCell<bool>,
    pub ag_hooks_inited: GilCell<bool>,
    /// The `sys.set_asyncgen_hooks` finalizer in force at its first iteration.
    pub ag_finalizer: GilCell<Value>,
    pub name: Value,
    pub qualname: Value,
}

/// What one resumption produced.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

const GENERATOR_METHODS: &[MethodDef] = &[
    MethodDef::method("__iter__", gen_iter),
    MethodDef::method("__next__", gen_next),
    MethodDef::method("send", gen_send_method),
    MethodDef::method("throw", gen_throw),
    MethodDef::method("close", gen_close),
];

const COROUTINE_METHODS: &[MethodDef] = &[
    MethodDef::method("send", gen_send_method),
    MethodDef::method("throw", gen_throw),
    MethodDef::method("close", gen_close),
];

pub fn install(types: &Types) {
    add_methods(types, &types.generator, GENERATOR_METHODS);
    add_methods(types, &types.coroutine, COROUTINE_METHODS);
}

fn gen_data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a GenData> {
    match v.payload() {
        Some(Payload::Generator(g)) => Ok(g),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match vm.gen_send(&args.args[0], Value::None, None)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration_with(v)),
    }
}

fn gen_send_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(
        vm,
        "send",
        &Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
        1,
        1,
    )?;
    match vm.gen_send(&args.args[0], args.args[1].clone(), None)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration_with(v)),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = &args.pos()[1..];
    if rest.is_empty() || rest.len() > 3 {
        return Err(vm.type_error(format!(
            "throw expected at least 1 argument, got {}",
            rest.len()
        )));
    }
    let exc = match (&rest[0], rest.get(1)) {
        (t, Some(v)) if !matches!(v, Value::None) => {
            let inst = vm.call(t, std::slice::from_ref(v))?;
            vm.make_exception(&inst)?
        }
        (t, _) => vm.make_exception(t)?,
    };
    match vm.gen_throw(&args.args[0], PyErr(exc), true)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration_with(v)),
    }
}

/// The delegate of a generator suspended in `yield from`/`await` (CPython's
/// `_PyGen_yf`): the frame stopped at a YIELD_VALUE followed by `RESUME 2+`,
/// with the sub-iterator on top of its stack.
pub(crate) fn delegate(g: &GenData) -> Option<Value> {
    let frame = g.frame.get().as_ref()?;
    if !*g.started.get() {
        return None;
    }
    let next = frame.code.instrs.get(frame.pc)?;
    if next.op != pyrs_bytecode::Opcode::RESUME || next.arg < 2 {
        return None;
    }
    frame.stack.last().cloned()
}

pub(crate) fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_data(vm, &args.args[0])?;
    if g.frame.get().is_none() || !*g.started.get() {
        // Never started or already finished: nothing to unwind.
        drop(g.frame.replace(None));
        *g.finished.get_mut() = true;
        return Ok(Value::None);
    }
    let exit = PyErr(vm.new_exception(&vm.types().exc.generator_exit, vec![]));
    match vm.gen_throw(&args.args[0], exit, true) {
        Ok(GenResult::Yield(_)) => {
            Err(vm.runtime_error(format!("{} ignored GeneratorExit", g.kind.name())))
        }
        Ok(GenResult::Return(_)) => Ok(Value::None),
        Err(e)
            if vm.err_matches(&e, &vm.types().exc.generator_exit)
                || vm.err_matches(&e, &vm.types().exc.stop_iteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

impl Vm {
    /// StopIteration carrying a generator's return value (none for None).
    pub fn stop_iteration_with(&self, v: Value) -> PyErr {
        let args = if matches!(v, Value::None) {
            vec![]
        } else {
            vec![v]
        };
        PyErr(self.new_exception(&self.types().exc.stop_iteration, args))
    }

    /// RETURN_GENERATOR: wrap a just-created frame in a generator object of the
    /// kind its code asks for.
    pub(crate) fn new_generator(&mut self, frame: Box<Frame>) -> Value {
        let flags = frame.code.co.co_flags;
        let kind = if flags & CO_ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else if flags & CO_COROUTINE != 0 {
            GenKind::Coroutine
        } else {
            GenKind::Generator
        };
        let (name, qualname) = match frame.func.as_ref().map(|f| &f.payload) {
            Some(Payload::Function(func)) => (func.name.cloned(), func.qualname.cloned()),
            _ => (
                self.new_str(&*frame.code.co.co_name),
                self.new_str(&*frame.code.co.co_qualname),
            ),
        };
        let ty = match kind {
            GenKind::Generator => &self.types().generator,
            GenKind::Coroutine => &self.types().coroutine,
            GenKind::AsyncGenerator => &self.types().async_generator,
        };
        let data = GenData {
            kind,
            code: frame.code_obj.clone(),
            frame: GilCell::new(Some(frame)),
            running: GilCell::new(false),
            started: GilCell::new(false),
            finished: GilCell::new(false),
            exc_state: GilCell::new(Value::None),
            ag_running_async: GilCell::new(false),
            ag_closed: GilCell::new(false),
            ag_hooks_inited: GilCell::new(false),
            ag_finalizer: GilCell::new(Value::None),
            name,
            qualname,
        };
        Value::Obj(ObjRef::new(ty, Payload::Generator(Box::new(data))))
    }

    /// Resume a generator with `value` sent in, or with `throw` raised at its
    /// yield (`gen_send_ex` of CPython).
    pub fn gen_send(
        &mut self,
        gen: &Value,
        value: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenResult> {
        let g = gen_data(self, gen)?;
        if *g.running.get() {
            let what = g.kind.name();
            return Err(self.value_error(format!("{what} already executing")));
        }
        if g.frame.get().is_none() {
            if let Some(e) = throw {
                return Err(e);
            }
            if g.kind == GenKind::Coroutine {
                return Err(self.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(GenResult::Return(Value::None));
        }
        if throw.is_none() && !*g.started.get() && !matches!(value, Value::None) {
            let what = g.kind.name();
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {what}"
            )));
        }
        if self.frames.len() >= self.interp.recursion_limit.get() {
            return Err(self.new_error(
                &self.types().exc.recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        let Some(mut frame) = g.frame.replace(None) else {
            return Ok(GenResult::Return(Value::None));
        };
        if throw.is_none() {
            frame.push(value);
        }
        frame.is_entry = true;
        *g.started.get_mut() = true;
        *g.running.get_mut() = true;
        // The generator's own handled exception becomes the thread's while it runs.
        let caller_exc = self.exc_info.clone();
        let own = g.exc_state.replace(Value::None);
        if !matches!(own, Value::None) {
            self.exc_info = own;
        }
        self.frames.push(frame);
        let r = match self.enter_recursive_call("") {
            Ok(()) => {
                let r = self.eval_loop_from(throw);
                self.leave_native_recursion();
                r
            }
            Err(e) => {
                // Too deep to resume: put the frame back untouched.
                if let Some(f) = self.frames.pop() {
                    drop(g.frame.replace(Some(f)));
                }
                Err(e)
            }
        };
        *g.running.get_mut() = false;
        let mine = std::mem::replace(&mut self.exc_info, caller_exc.clone());
        match r {
            Ok(crate::eval::Exit::Yield(v)) => {
                if !mine.is(&caller_exc) {
                    *g.exc_state.get_mut() = mine;
                }
                if let Some(f) = self.frames.pop() {
                    drop(g.frame.replace(Some(f)));
                }
                Ok(GenResult::Yield(v))
            }
            Ok(crate::eval::Exit::Return(v)) => {
                *g.finished.get_mut() = true;
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                *g.finished.get_mut() = true;
                // PEP 479: a StopIteration escaping a generator is a bug in it.
                if self.err_matches(&e, &self.types().exc.stop_iteration) {
                    let what = g.kind.name();
                    let re = self.runtime_error(format!("{what} raised StopIteration"));
                    if let Payload::Exception(d) = &re.0.payload {
                        drop(d.cause.replace(Value::Obj(e.0.clone())));
                        drop(d.context.replace(Value::Obj(e.0.clone())));
                        *d.suppress_context.get_mut() = true;
                    }
                    return Err(re);
                }
                if g.kind == GenKind::AsyncGenerator
                    && self.err_matches(&e, &self.types().exc.stop_async_iteration)
                {
                    let re = self.runtime_error("async generator raised StopAsyncIteration");
                    if let Payload::Exception(d) = &re.0.payload {
                        drop(d.cause.replace(Value::Obj(e.0.clone())));
                        drop(d.context.replace(Value::Obj(e.0.clone())));
                        *d.suppress_context.get_mut() = true;
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// `gen.throw(exc)`: into the delegate first when suspended in `yield
    /// from`; when the delegate finishes, resume this generator with its result
    /// (or its error), as CPython's `_gen_throw`.
    pub fn gen_throw(
        &mut self,
        gen: &Value,
        exc: PyErr,
        close_on_genexit: bool,
    ) -> PyResult<GenResult> {
        let g = gen_data(self, gen)?;
        let Some(yf) = delegate(g) else {
            return self.gen_send(gen, Value::None, Some(exc));
        };
        let is_exit = self.err_matches(&exc, &self.types().exc.generator_exit);
        let sub: PyResult<GenResult> = if is_exit && close_on_genexit {
            // Close the delegate, then raise GeneratorExit here.
            *g.running.get_mut() = true;
            let closed = match yf.payload() {
                Some(Payload::Generator(_)) => {
                    let close = self.getattr_str(&yf, "close");
                    close.and_then(|c| self.call(&c, &[])).map(drop)
                }
                _ => match self.try_getattr(&yf, "close") {
                    Ok(Some(c)) => self.call(&c, &[]).map(drop),
                    Ok(None) => Ok(()),
                    Err(e) => Err(e),
                },
            };
            *g.running.get_mut() = false;
            return match closed {
                Ok(()) => self.gen_send(gen, Value::None, Some(exc)),
                Err(e) => self.gen_send(gen, Value::None, Some(e)),
            };
        } else if let Some(Payload::Generator(_)) = yf.payload() {
            *g.running.get_mut() = true;
            let r = self.gen_throw(&yf, exc, close_on_genexit);
            *g.running.get_mut() = false;
            r
        } else {
            match self.try_getattr(&yf, "throw")? {
                None => return self.gen_send(gen, Value::None, Some(exc)),
                Some(m) => {
                    *g.running.get_mut() = true;
                    let r = self.call(&m, &[Value::Obj(exc.0.clone())]);
                    *g.running.get_mut() = false;
                    match r {
                        Ok(v) => Ok(GenResult::Yield(v)),
                        Err(e) if self.err_matches(&e, &self.types().exc.stop_iteration) => {
                            Ok(GenResult::Return(stop_value(&e)))
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        };
        match sub {
            Ok(GenResult::Yield(v)) => Ok(GenResult::Yield(v)),
            done => {
                // The delegate finished: pop it and continue past the SEND loop,
                // as if SEND had seen it return.
                if let Some(frame) = g.frame.get_mut().as_mut() {
                    let send_at = frame.lasti.checked_sub(1);
                    let target = send_at
                        .and_then(|i| frame.code.instrs.get(i))
                        .filter(|i| i.op == pyrs_bytecode::Opcode::SEND)
                        .map(|i| i.arg as usize);
                    if let Some(t) = target {
                        drop(frame.stack.pop());
                        frame.pc = t;
                    }
                }
                match done {
                    Ok(GenResult::Return(v)) => self.gen_send(gen, v, None),
                    Err(e) => self.gen_send(gen, Value::None, Some(e)),
                    Ok(GenResult::Yield(_)) => unreachable!(),
                }
            }
        }
    }

    /// SEND: deliver `value` to the delegate of a `yield from` or `await`.
    pub(crate) fn send_to(&mut self, receiver: &Value, value: Value) -> PyResult<GenResult> {
        if let Some(Payload::Generator(_)) = receiver.payload() {
            return self.gen_send(receiver, value, None);
        }
        if matches!(value, Value::None) {
            return match self.next_keep_stop(receiver)? {
                Ok(v) => Ok(GenResult::Yield(v)),
                Err(ret) => Ok(GenResult::Return(ret)),
            };
        }
        let send = self.getattr_str(receiver, "send")?;
        match self.call(&send, &[value]) {
            Ok(v) => Ok(GenResult::Yield(v)),
            Err(e) if self.err_matches(&e, &self.types().exc.stop_iteration) => {
                Ok(GenResult::Return(stop_value(&e)))
            }
            Err(e) => Err(e),
        }
    }

    /// `next(it)`, keeping a StopIteration's value: `Err(value)` on exhaustion.
    fn next_keep_stop(&mut self, it: &Value) -> PyResult<Result<Value, Value>> {
        if let Some(Payload::Iterator(_)) = it.payload() {
            return Ok(self.next(it)?.ok_or(Value::None));
        }
        let ty = self.type_of(it).clone();
        match self.lookup_type(&ty, "__next__") {
            Some(m) => match self.call_method_value(&m, it, &[]) {
                Ok(v) => Ok(Ok(v)),
                Err(e) if self.err_matches(&e, &self.types().exc.stop_iteration) => {
                    Ok(Err(stop_value(&e)))
                }
                Err(e) => Err(e),
            },
            None => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    /// GET_AWAITABLE: the iterator that `await v` drives.
    pub(crate) fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(Payload::Generator(g)) = v.payload() {
            if g.kind == GenKind::Coroutine {
                return Ok(v.clone());
            }
        }
        let ty = self.type_of(v).clone();
        match self.lookup_type(&ty, "__await__") {
            Some(m) => {
                let it = self.call_method_value(&m, v, &[])?;
                if let Some(Payload::Generator(g)) = it.payload() {
                    if g.kind == GenKind::Coroutine {
                        return Err(self.type_error("__await__() returned a coroutine"));
                    }
                }
                Ok(it)
            }
            None => Err(self.type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(v)
            ))),
        }
    }
}

/// A StopIteration's `value` (its first argument, or None).
fn stop_value(e: &PyErr) -> Value {
    match &e.0.payload {
        Payload::Exception(d) => d
            .args
            .get()
            .as_tuple()
            .and_then(|t| t.first().cloned())
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}
