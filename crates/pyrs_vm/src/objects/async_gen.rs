//! Async generators' awaitables (the async half of Objects/genobject.c and
//! `anext_awaitable` of Objects/iterobject.c): `__anext__`/`asend` return an
//! `async_generator_asend`, `athrow`/`aclose` an `async_generator_athrow`;
//! driving one resumes the generator and turns a wrapped `yield` into
//! StopIteration(value), while the values its `await`s yield pass through.

use crate::error::{PyErr, PyResult};
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::generator::{GenData, GenKind, GenResult};
use crate::objects::native::{Args, MethodDef};
use crate::runtime::types::{add_methods, Types};
use crate::value::Value;
use crate::vm::Vm;

/// An awaitable's life: not yet started, being iterated, or done (a second
/// `await` of the same object is an error, as in CPython).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AwaitState {
    Init,
    Iter,
    Closed,
}

pub enum AgObject {
    /// `async_generator_asend`: resumes `gen` with `sendval` first.
    ASend {
        gen: Value,
        sendval: GilCell<Value>,
        state: GilCell<AwaitState>,
    },
    /// `async_generator_athrow`: `exc` to raise in `gen`; None for `aclose()`.
    AThrow {
        gen: Value,
        exc: Option<Value>,
        state: GilCell<AwaitState>,
    },
    /// What ASYNC_GEN_WRAP makes of a yielded value, so that the awaitables
    /// can tell an async generator's `yield` from its `await`'s yields.
    Wrapped(Value),
    /// `anext(it, default)`: StopAsyncIteration becomes StopIteration(default).
    ANext { wrapped: Value, default: Value },
}

impl AgObject {
    /// The values it refers to (for the cycle collector).
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            AgObject::ASend { gen, sendval, .. } => {
                visit(gen);
                visit(sendval.get());
            }
            AgObject::AThrow { gen, exc, .. } => {
                visit(gen);
                if let Some(e) = exc {
                    visit(e);
                }
            }
            AgObject::Wrapped(v) => visit(v),
            AgObject::ANext { wrapped, default } => {
                visit(wrapped);
                visit(default);
            }
        }
    }
}

const ASYNC_GEN_METHODS: &[MethodDef] = &[
    MethodDef::method("__aiter__", ag_aiter),
    MethodDef::method("__anext__", ag_anext),
    MethodDef::method("asend", ag_asend),
    MethodDef::method("athrow", ag_athrow),
    MethodDef::method("aclose", ag_aclose),
];

const AWAITABLE_METHODS: &[MethodDef] = &[
    MethodDef::method("__await__", aw_self),
    MethodDef::method("__iter__", aw_self),
    MethodDef::method("__next__", aw_next),
    MethodDef::method("send", aw_send),
    MethodDef::method("throw", aw_throw),
    MethodDef::method("close", aw_close),
];

pub fn install(types: &Types) {
    add_methods(types, &types.async_generator, ASYNC_GEN_METHODS);
    add_methods(types, &types.async_generator_asend, AWAITABLE_METHODS);
    add_methods(types, &types.async_generator_athrow, AWAITABLE_METHODS);
    add_methods(types, &types.anext_awaitable, AWAITABLE_METHODS);
}

fn ag_data<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a GenData> {
    match v.payload() {
        Some(Payload::Generator(g)) if g.kind == GenKind::AsyncGenerator => Ok(g),
        _ => Err(vm.type_error(format!(
            "descriptor '{what}' for 'async_generator' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn ag_aiter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn ag_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ag_data(vm, &args.args[0], "__anext__")?;
    crate::builtins::check_args(vm, "__anext__", &self_less(&args), 0, 0)?;
    vm.async_gen_anext(&args.args[0])
}

fn ag_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ag_data(vm, &args.args[0], "asend")?;
    crate::builtins::check_args(vm, "asend", &self_less(&args), 1, 1)?;
    vm.async_gen_init_hooks(&args.args[0])?;
    Ok(vm.new_ag_object(AgObject::ASend {
        gen: args.args[0].clone(),
        sendval: GilCell::new(args.args[1].clone()),
        state: GilCell::new(AwaitState::Init),
    }))
}

fn ag_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ag_data(vm, &args.args[0], "athrow")?;
    let exc = vm.throw_args_to_exc("athrow", &args.pos()[1..])?;
    vm.async_gen_init_hooks(&args.args[0])?;
    Ok(vm.new_ag_object(AgObject::AThrow {
        gen: args.args[0].clone(),
        exc: Some(Value::Obj(exc)),
        state: GilCell::new(AwaitState::Init),
    }))
}

fn ag_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ag_data(vm, &args.args[0], "aclose")?;
    crate::builtins::check_args(vm, "aclose", &self_less(&args), 0, 0)?;
    vm.async_gen_init_hooks(&args.args[0])?;
    Ok(vm.new_ag_object(AgObject::AThrow {
        gen: args.args[0].clone(),
        exc: None,
        state: GilCell::new(AwaitState::Init),
    }))
}

fn self_less<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    }
}

fn ag_object<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a AgObject> {
    match v.payload() {
        Some(Payload::AsyncGen(a)) => Ok(a),
        _ => Err(vm.type_error("descriptor requires an async generator awaitable")),
    }
}

fn aw_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn aw_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ag_object(vm, &args.args[0])?;
    vm.ag_awaitable_send(a, Value::None)
}

fn aw_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ag_object(vm, &args.args[0])?;
    crate::builtins::check_args(vm, "send", &self_less(&args), 1, 1)?;
    vm.ag_awaitable_send(a, args.args[1].clone())
}

fn aw_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ag_object(vm, &args.args[0])?;
    let exc = vm.throw_args_to_exc("throw", &args.pos()[1..])?;
    vm.ag_awaitable_throw(a, PyErr(exc))
}

fn aw_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match ag_object(vm, &args.args[0])? {
        AgObject::ASend { state, .. } | AgObject::AThrow { state, .. } => {
            *state.get_mut() = AwaitState::Closed;
            Ok(Value::None)
        }
        AgObject::ANext { wrapped, .. } => {
            let it = vm.anext_awaitable_iter(wrapped)?;
            let close = vm.getattr_str(&it, "close")?;
            vm.call(&close, &[])
        }
        AgObject::Wrapped(_) => Ok(Value::None),
    }
}

fn is_wrapped(v: &Value) -> Option<&Value> {
    match v.payload() {
        Some(Payload::AsyncGen(a)) => match &**a {
            AgObject::Wrapped(inner) => Some(inner),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    pub(crate) fn new_ag_object(&self, a: AgObject) -> Value {
        let t = self.types();
        let ty = match &a {
            AgObject::ASend { .. } => &t.async_generator_asend,
            AgObject::AThrow { .. } => &t.async_generator_athrow,
            AgObject::Wrapped(_) => &t.async_generator_wrapped_value,
            AgObject::ANext { .. } => &t.anext_awaitable,
        };
        Value::Obj(ObjRef::new(ty, Payload::AsyncGen(Box::new(a))))
    }

    /// ASYNC_GEN_WRAP.
    pub(crate) fn async_gen_wrap(&self, v: Value) -> Value {
        self.new_ag_object(AgObject::Wrapped(v))
    }

    /// `gen.__anext__()` (the async generator's `am_anext`).
    pub(crate) fn async_gen_anext(&mut self, gen: &Value) -> PyResult<Value> {
        self.async_gen_init_hooks(gen)?;
        Ok(self.new_ag_object(AgObject::ASend {
            gen: gen.clone(),
            sendval: GilCell::new(Value::None),
            state: GilCell::new(AwaitState::Init),
        }))
    }

    /// The first `__anext__`/`asend`/`athrow`/`aclose` calls the `firstiter`
    /// hook of `sys.set_asyncgen_hooks` and remembers its `finalizer`.
    pub(crate) fn async_gen_init_hooks(&mut self, gen: &Value) -> PyResult<()> {
        let Some(Payload::Generator(g)) = gen.payload() else {
            return Ok(());
        };
        if g.ag_hooks_inited.replace(true) {
            return Ok(());
        }
        let fin = self.asyncgen_finalizer.clone();
        if !matches!(fin, Value::None) {
            drop(g.ag_finalizer.replace(fin));
        }
        let first = self.asyncgen_firstiter.clone();
        if !matches!(first, Value::None) {
            self.call(&first, std::slice::from_ref(gen))?;
        }
        Ok(())
    }

    /// `gen.throw()`'s arguments (type[, value[, traceback]]) as an exception.
    pub(crate) fn throw_args_to_exc(&mut self, name: &str, rest: &[Value]) -> PyResult<ObjRef> {
        if rest.is_empty() || rest.len() > 3 {
            return Err(self.type_error(format!(
                "{name} expected at least 1 argument, got {}",
                rest.len()
            )));
        }
        match (&rest[0], rest.get(1)) {
            (t, Some(v)) if !matches!(v, Value::None) => {
                if matches!(t.payload(), Some(Payload::Exception(_))) {
                    return Err(self.type_error("instance exception may not have a separate value"));
                }
                let inst = self.call(t, std::slice::from_ref(v))?;
                self.make_exception(&inst)
            }
            (t, _) => self.make_exception(t),
        }
    }

    /// CPython's `async_gen_unwrap_value`: a wrapped yield ends the awaitable
    /// with StopIteration(value); a return ends it with StopAsyncIteration.
    fn async_gen_unwrap(&mut self, g: &GenData, r: PyResult<GenResult>) -> PyResult<Value> {
        match r {
            Ok(GenResult::Yield(v)) => match is_wrapped(&v) {
                Some(inner) => {
                    *g.ag_running_async.get_mut() = false;
                    let inner = inner.clone();
                    Err(self.stop_iteration_with(inner))
                }
                None => Ok(v),
            },
            Ok(GenResult::Return(_)) => {
                *g.ag_running_async.get_mut() = false;
                *g.ag_closed.get_mut() = true;
                Err(PyErr(self.new_exception(
                    &self.types().exc.stop_async_iteration,
                    vec![],
                )))
            }
            Err(e) => {
                *g.ag_running_async.get_mut() = false;
                let t = self.types();
                if self.err_matches(&e, &t.exc.stop_async_iteration)
                    || self.err_matches(&e, &t.exc.generator_exit)
                {
                    *g.ag_closed.get_mut() = true;
                }
                Err(e)
            }
        }
    }

    /// StopIteration(v) even for v = None (a yielded None is a value).
    fn stop_iteration_always(&self, v: Value) -> PyErr {
        PyErr(self.new_exception(&self.types().exc.stop_iteration, vec![v]))
    }

    fn ag_awaitable_send(&mut self, a: &AgObject, arg: Value) -> PyResult<Value> {
        match a {
            AgObject::ASend {
                gen,
                sendval,
                state,
            } => {
                let g = ag_data(self, gen, "asend")?;
                if *state.get() == AwaitState::Closed {
                    return Err(
                        self.runtime_error("cannot reuse already awaited __anext__()/asend()")
                    );
                }
                let mut arg = arg;
                if *state.get() == AwaitState::Init {
                    if *g.ag_running_async.get() {
                        *state.get_mut() = AwaitState::Closed;
                        return Err(self
                            .runtime_error("anext(): asynchronous generator is already running"));
                    }
                    if matches!(arg, Value::None) {
                        arg = sendval.get().clone();
                    }
                    *state.get_mut() = AwaitState::Iter;
                }
                *g.ag_running_async.get_mut() = true;
                let r = self.gen_send(gen, arg, None);
                let r = self.async_gen_unwrap(g, r);
                if r.is_err() {
                    *state.get_mut() = AwaitState::Closed;
                }
                r
            }
            AgObject::AThrow { gen, exc, state } => {
                let g = ag_data(self, gen, "athrow")?;
                if *state.get() == AwaitState::Closed {
                    return Err(
                        self.runtime_error("cannot reuse already awaited aclose()/athrow()")
                    );
                }
                if *g.finished.get() || g.frame.get().is_none() && *g.started.get() {
                    *state.get_mut() = AwaitState::Closed;
                    return Err(PyErr(
                        self.new_exception(&self.types().exc.stop_iteration, vec![]),
                    ));
                }
                let r = if *state.get() == AwaitState::Init {
                    if *g.ag_running_async.get() {
                        *state.get_mut() = AwaitState::Closed;
                        return Err(self.runtime_error(if exc.is_none() {
                            "aclose(): asynchronous generator is already running"
                        } else {
                            "athrow(): asynchronous generator is already running"
                        }));
                    }
                    if *g.ag_closed.get() {
                        *state.get_mut() = AwaitState::Closed;
                        return Err(PyErr(
                            self.new_exception(&self.types().exc.stop_async_iteration, vec![]),
                        ));
                    }
                    if !matches!(arg, Value::None) {
                        return Err(self.runtime_error(
                            "can't send non-None value to a just-started coroutine",
                        ));
                    }
                    *state.get_mut() = AwaitState::Iter;
                    *g.ag_running_async.get_mut() = true;
                    match exc {
                        None => {
                            *g.ag_closed.get_mut() = true;
                            let exit =
                                PyErr(self.new_exception(&self.types().exc.generator_exit, vec![]));
                            let r = self.gen_throw(gen, exit, false);
                            return self.aclose_result(g, state, r);
                        }
                        Some(e) => {
                            let e = PyErr(self.make_exception(e)?);
                            self.gen_throw(gen, e, false)
                        }
                    }
                } else {
                    let r = self.gen_send(gen, arg, None);
                    if exc.is_none() {
                        return self.aclose_result(g, state, r);
                    }
                    r
                };
                let r = self.async_gen_unwrap(g, r);
                if r.is_err() {
                    *state.get_mut() = AwaitState::Closed;
                }
                r
            }
            AgObject::ANext { wrapped, default } => {
                let it = self.anext_awaitable_iter(wrapped)?;
                let r = match it.payload() {
                    Some(Payload::Generator(_)) => match self.gen_send(&it, arg, None) {
                        Ok(GenResult::Yield(v)) => Ok(v),
                        Ok(GenResult::Return(v)) => Err(self.stop_iteration_with(v)),
                        Err(e) => Err(e),
                    },
                    _ if matches!(arg, Value::None) => {
                        let next = self.getattr_str(&it, "__next__")?;
                        self.call(&next, &[])
                    }
                    _ => {
                        let send = self.getattr_str(&it, "send")?;
                        self.call(&send, &[arg])
                    }
                };
                self.anext_default(r, default)
            }
            AgObject::Wrapped(_) => Err(self.type_error("wrapped value is not awaitable")),
        }
    }

    /// aclose()'s awaitable: the generator must finish (or raise); a value
    /// it yields means it ignored the GeneratorExit.
    fn aclose_result(
        &mut self,
        g: &GenData,
        state: &GilCell<AwaitState>,
        r: PyResult<GenResult>,
    ) -> PyResult<Value> {
        let t = self.types();
        match r {
            Ok(GenResult::Yield(v)) if is_wrapped(&v).is_some() => {
                *g.ag_running_async.get_mut() = false;
                *state.get_mut() = AwaitState::Closed;
                Err(self.runtime_error("async generator ignored GeneratorExit"))
            }
            Ok(GenResult::Yield(v)) => Ok(v),
            Ok(GenResult::Return(_)) => {
                *g.ag_running_async.get_mut() = false;
                *state.get_mut() = AwaitState::Closed;
                Err(PyErr(self.new_exception(&t.exc.stop_iteration, vec![])))
            }
            Err(e) => {
                *g.ag_running_async.get_mut() = false;
                *state.get_mut() = AwaitState::Closed;
                if self.err_matches(&e, &t.exc.stop_async_iteration)
                    || self.err_matches(&e, &t.exc.generator_exit)
                {
                    return Err(PyErr(self.new_exception(&t.exc.stop_iteration, vec![])));
                }
                Err(e)
            }
        }
    }

    fn ag_awaitable_throw(&mut self, a: &AgObject, exc: PyErr) -> PyResult<Value> {
        match a {
            AgObject::ASend { gen, state, .. } => {
                let g = ag_data(self, gen, "asend")?;
                if *state.get() == AwaitState::Closed {
                    return Err(
                        self.runtime_error("cannot reuse already awaited __anext__()/asend()")
                    );
                }
                let r = self.gen_throw(gen, exc, true);
                let r = self.async_gen_unwrap(g, r);
                if r.is_err() {
                    *state.get_mut() = AwaitState::Closed;
                }
                r
            }
            AgObject::AThrow {
                gen,
                exc: args,
                state,
            } => {
                let g = ag_data(self, gen, "athrow")?;
                if *state.get() == AwaitState::Closed {
                    return Err(
                        self.runtime_error("cannot reuse already awaited aclose()/athrow()")
                    );
                }
                let r = self.gen_throw(gen, exc, true);
                if args.is_some() {
                    return self.async_gen_unwrap(g, r);
                }
                match r {
                    Ok(GenResult::Yield(v)) if is_wrapped(&v).is_some() => {
                        *g.ag_running_async.get_mut() = false;
                        *state.get_mut() = AwaitState::Closed;
                        Err(self.runtime_error("async generator ignored GeneratorExit"))
                    }
                    Ok(GenResult::Yield(v)) => Ok(v),
                    Ok(GenResult::Return(_)) => Err(PyErr(
                        self.new_exception(&self.types().exc.stop_iteration, vec![]),
                    )),
                    Err(e) => {
                        let t = self.types();
                        if self.err_matches(&e, &t.exc.stop_async_iteration)
                            || self.err_matches(&e, &t.exc.generator_exit)
                        {
                            return Err(PyErr(self.new_exception(&t.exc.stop_iteration, vec![])));
                        }
                        Err(e)
                    }
                }
            }
            AgObject::ANext { wrapped, default } => {
                let it = self.anext_awaitable_iter(wrapped)?;
                let r = match it.payload() {
                    Some(Payload::Generator(_)) => match self.gen_throw(&it, exc, true) {
                        Ok(GenResult::Yield(v)) => Ok(v),
                        Ok(GenResult::Return(v)) => Err(self.stop_iteration_with(v)),
                        Err(e) => Err(e),
                    },
                    _ => {
                        let throw = self.getattr_str(&it, "throw")?;
                        self.call(&throw, &[Value::Obj(exc.0)])
                    }
                };
                self.anext_default(r, default)
            }
            AgObject::Wrapped(_) => Err(exc),
        }
    }

    /// The iterator an `anext_awaitable` drives: its awaitable's `__await__`.
    fn anext_awaitable_iter(&mut self, wrapped: &Value) -> PyResult<Value> {
        self.get_awaitable(wrapped)
    }

    fn anext_default(&mut self, r: PyResult<Value>, default: &Value) -> PyResult<Value> {
        match r {
            Err(e) if self.err_matches(&e, &self.types().exc.stop_async_iteration) => {
                Err(self.stop_iteration_always(default.clone()))
            }
            r => r,
        }
    }

    /// GET_AWAITABLE: `arg` says which `async with` call produced `v` (1:
    /// `__aenter__`, 2: `__aexit__`) for the error message.
    #[cold]
    pub(crate) fn get_awaitable_op(&mut self, v: &Value, arg: u32) -> PyResult<Value> {
        let ty = self.type_of(v).clone();
        let is_coro =
            matches!(v.payload(), Some(Payload::Generator(g)) if g.kind == GenKind::Coroutine);
        if arg != 0 && !is_coro && self.lookup_type(&ty, "__await__").is_none() {
            let which = if arg == 1 { "__aenter__" } else { "__aexit__" };
            return Err(self.type_error(format!(
                "'async with' received an object from {which} that does not implement __await__: {}",
                self.type_name(v)
            )));
        }
        let it = self.get_awaitable(v)?;
        if let Some(Payload::Generator(g)) = it.payload() {
            if g.kind == GenKind::Coroutine && crate::objects::generator::delegate(g).is_some() {
                return Err(self.runtime_error("coroutine is being awaited already"));
            }
        }
        Ok(it)
    }

    #[cold]
    pub(crate) fn is_stop_async_iteration(&self, exc: &Value) -> bool {
        match exc {
            Value::Obj(o) => {
                crate::vm::is_subtype(o.class(), &self.types().exc.stop_async_iteration)
            }
            _ => false,
        }
    }

    /// GET_AITER: `obj.__aiter__()`, which must return an async iterator.
    pub(crate) fn get_aiter(&mut self, obj: &Value) -> PyResult<Value> {
        let ty = self.type_of(obj).clone();
        let Some(m) = self.lookup_type(&ty, "__aiter__") else {
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(obj)
            )));
        };
        let it = self.call_method_value(&m, obj, &[])?;
        let ity = self.type_of(&it).clone();
        if self.lookup_type(&ity, "__anext__").is_none() {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// GET_ANEXT: the awaitable of `aiter.__anext__()`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        if let Some(Payload::Generator(g)) = aiter.payload() {
            if g.kind == GenKind::AsyncGenerator {
                return self.async_gen_anext(aiter);
            }
        }
        let ty = self.type_of(aiter).clone();
        let Some(m) = self.lookup_type(&ty, "__anext__") else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            )));
        };
        let next = self.call_method_value(&m, aiter, &[])?;
        match self.get_awaitable(&next) {
            Ok(a) => Ok(a),
            Err(e) if self.err_matches(&e, &self.types().exc.type_error) => {
                let err = self.type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&next)
                ));
                if let Payload::Exception(d) = &err.0.payload {
                    drop(d.cause.replace(Value::Obj(e.0.clone())));
                    drop(d.context.replace(Value::Obj(e.0.clone())));
                }
                Err(err)
            }
            Err(e) => Err(e),
        }
    }

    /// BEFORE_ASYNC_WITH: push `__aexit__` bound, then `__aenter__()`'s result.
    pub(crate) fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let ty = self.type_of(mgr).clone();
        let Some(enter) = self.lookup_type(&ty, "__aenter__") else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                self.type_name(mgr)
            )));
        };
        let Some(exit) = self.lookup_type(&ty, "__aexit__") else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                self.type_name(mgr)
            )));
        };
        let exit = self.descr_get(exit, Some(mgr), &ty)?;
        let enter = self.descr_get(enter, Some(mgr), &ty)?;
        let res = self.call(&enter, &[])?;
        Ok((exit, res))
    }
}

/// `aiter(async_iterable)`.
pub fn builtin_aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "aiter", &args, 1, 1)?;
    let obj = &args.args[0];
    let ty = vm.type_of(obj).clone();
    let Some(m) = vm.lookup_type(&ty, "__aiter__") else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(obj)
        )));
    };
    let it = vm.call_method_value(&m, obj, &[])?;
    let ity = vm.type_of(&it).clone();
    if vm.lookup_type(&ity, "__anext__").is_none() {
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
pub fn builtin_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "anext", &args, 1, 2)?;
    let it = &args.args[0];
    let ty = vm.type_of(it).clone();
    let Some(m) = vm.lookup_type(&ty, "__anext__") else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(it)
        )));
    };
    let awaitable = match it.payload() {
        Some(Payload::Generator(g)) if g.kind == GenKind::AsyncGenerator => {
            vm.async_gen_anext(it)?
        }
        _ => vm.call_method_value(&m, it, &[])?,
    };
    match args.args.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(vm.new_ag_object(AgObject::ANext {
            wrapped: awaitable,
            default: d.clone(),
        })),
    }
}
