//! Calls: dispatch on the kind of callable, and the binding of arguments to a
//! Python function's parameters with CPython's error messages
//! (Python/ceval.c `initialize_locals`, Objects/call.c).

use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Function;
use crate::objects::native::Args;
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::code::flags::{CO_VARARGS, CO_VARKEYWORDS};

impl Vm {
    /// Call with positional arguments.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_args(callable, Args::positional(args))
    }

    /// Call `meth` (found on a type) with `self_` as its first argument.
    pub fn call_method_value(
        &mut self,
        meth: &Value,
        self_: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        match meth.payload() {
            Some(Payload::Function(_)) | Some(Payload::NativeFunction(_)) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(self_.clone());
                all.extend_from_slice(args);
                if let Some(Payload::NativeFunction(nf)) = meth.payload() {
                    if nf.self_.is_some() {
                        return self.call(meth, args);
                    }
                }
                self.call(meth, &all)
            }
            _ => {
                let bound = self.bind(meth.clone(), self_);
                self.call(&bound, args)
            }
        }
    }

    /// Call any callable from Rust. Python functions run in a nested eval
    /// loop, which counts toward the recursion limit.
    pub fn call_args(&mut self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        let Some(o) = callable.as_obj() else {
            return Err(self.type_error(format!(
                "'{}' object is not callable",
                self.type_name(callable)
            )));
        };
        match &o.payload {
            Payload::Function(f) => {
                let frame = self.make_function_frame(o, f, args)?;
                self.run_frame(frame)
            }
            Payload::NativeFunction(nf) => {
                let (func, self_) = (nf.def.func, nf.self_.clone());
                match self_ {
                    Some(s) => {
                        let mut all = Vec::with_capacity(args.args.len() + 1);
                        all.push(s);
                        all.extend_from_slice(args.args);
                        func(
                            self,
                            Args {
                                args: &all,
                                kwnames: args.kwnames,
                            },
                        )
                    }
                    None => {
                        // An unbound method descriptor checks its self.
                        if let (Some(owner), crate::objects::native::MethodKind::Method) =
                            (&nf.owner, nf.def.kind)
                        {
                            self.check_descriptor_self(nf.def.name, owner, args.pos().first())?;
                        }
                        func(self, args)
                    }
                }
            }
            Payload::BoundMethod { func, self_ } => {
                let (func, self_) = (func.clone(), self_.clone());
                let mut all = Vec::with_capacity(args.args.len() + 1);
                all.push(self_);
                all.extend_from_slice(args.args);
                self.call_args(
                    &func,
                    Args {
                        args: &all,
                        kwnames: args.kwnames,
                    },
                )
            }
            Payload::Type(_) => crate::builtins_types::call_type(self, o, args),
            Payload::WeakRef(w) if !w.proxy => {
                if !args.args.is_empty() {
                    return Err(self.type_error(format!(
                        "weakref() takes no arguments ({} given)",
                        args.args.len()
                    )));
                }
                Ok(crate::modules::weakref::referent(w).map_or(Value::None, Value::Obj))
            }
            Payload::WeakRef(w) => match crate::modules::weakref::referent(w) {
                Some(t) => self.call_args(&Value::Obj(t), args),
                None => Err(self.new_error(
                    &self.types().exc.reference_error,
                    "weakly-referenced object no longer exists",
                )),
            },
            // Static methods are callable since 3.10.
            Payload::StaticMethod(f) => {
                let f = f.clone();
                // Nested staticmethods recurse here: count it.
                self.enter_recursive_call("")?;
                let r = self.call_args(&f, args);
                self.leave_native_recursion();
                r
            }
            _ => {
                let ty = o.class().clone();
                if ty.payload_type().heap_type {
                    if let Some(m) = self.lookup_type(&ty, "__call__") {
                        let mut all = Vec::with_capacity(args.args.len() + 1);
                        all.push(callable.clone());
                        all.extend_from_slice(args.args);
                        return self.call_args(
                            &m,
                            Args {
                                args: &all,
                                kwnames: args.kwnames,
                            },
                        );
                    }
                }
                Err(self.type_error(format!(
                    "'{}' object is not callable",
                    self.type_name(callable)
                )))
            }
        }
    }

    /// A fresh frame from the pool, sized for `code`.
    pub(crate) fn alloc_frame(
        &mut self,
        code: std::rc::Rc<crate::objects::code::Code>,
        code_obj: ObjRef,
        globals: ObjRef,
        builtins: ObjRef,
    ) -> Box<Frame> {
        let nlocals = code.nlocalsplus;
        let stacksize = code.stacksize;
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.fast.resize_with(nlocals, || Value::Null);
                f.stack.reserve(stacksize);
                f.code = code;
                f.code_obj = code_obj;
                f.globals = globals;
                f.builtins = builtins;
                f.pc = 0;
                f.lasti = 0;
                f
            }
            None => Box::new(Frame {
                code,
                code_obj,
                func: None,
                globals,
                builtins,
                locals: Value::Null,
                fast: vec![Value::Null; nlocals],
                stack: Vec::with_capacity(stacksize),
                pc: 0,
                lasti: 0,
                kw_names: None,
                frame_obj: None,
                is_entry: false,
            }),
        }
    }

    /// Return a finished frame's buffers to the pool, dropping what it held.
    /// (A pooled frame keeps its code and namespaces until it is reused:
    /// a recursive call then finds them already in place.)
    #[inline]
    pub(crate) fn release_frame(&mut self, mut f: Box<Frame>) {
        f.fast.clear();
        f.stack.clear();
        f.func = None;
        if !f.locals.is_null() {
            f.locals = Value::Null;
        }
        if f.kw_names.is_some() {
            f.kw_names = None;
        }
        if f.frame_obj.is_some() {
            f.frame_obj = None;
        }
        f.is_entry = false;
        if self.frame_pool.len() < 64 {
            self.frame_pool.push(f);
        }
    }

    /// A frame for running `func`'s code, from the pool when it has one:
    /// fast locals all Null, room for the value stack, no `func` yet. The
    /// namespaces are replaced only when the pooled frame last ran other code.
    #[inline(always)]
    fn function_frame(&mut self, func: &Function) -> Box<Frame> {
        let code = func.code.get();
        match self.frame_pool.pop() {
            Some(mut f) => {
                if !std::rc::Rc::ptr_eq(&f.code, code) {
                    f.code = code.clone();
                }
                let code_obj = func.code_obj.get();
                if !f.code_obj.is(code_obj) {
                    f.code_obj = code_obj.clone();
                }
                if !f.globals.is(&func.globals) {
                    f.globals = func.globals.clone();
                }
                if !f.builtins.is(&func.builtins) {
                    f.builtins = func.builtins.clone();
                }
                f.pc = 0;
                f.lasti = 0;
                let n = code.nlocalsplus;
                // (Released frames have empty `fast` and `stack`.)
                f.fast.clear();
                f.fast.reserve(n);
                // SAFETY: `fast` is empty with room for `n` values; each
                // slot is written before the length covers it.
                unsafe {
                    let p = f.fast.as_mut_ptr();
                    for i in 0..n {
                        p.add(i).write(Value::Null);
                    }
                    f.fast.set_len(n);
                }
                f.stack.reserve(code.stacksize);
                f
            }
            None => self.alloc_frame(
                code.clone(),
                func.code_obj.cloned(),
                func.globals.clone(),
                func.builtins.clone(),
            ),
        }
    }

    /// CALL's fast path: a Python function `func` called with exactly its
    /// positional parameters (the caller checked `Code::takes_exactly`). The
    /// caller's stack holds `[NULL or callable, callable or self, args...]`
    /// from `base`; the arguments move (not copied) into the callee's fast
    /// locals and the callable becomes the frame's `func`, so the call
    /// touches no reference count but the function's namespaces', and those
    /// only when the pooled frame last ran other code.
    ///
    /// On error (RecursionError) the caller's stack is left as it was.
    #[inline]
    pub(crate) fn push_frame_positional(
        &mut self,
        caller: &mut Frame,
        func: &Function,
        base: usize,
        args_ix: usize,
    ) -> PyResult<()> {
        if self.frames.len() + self.native_depth >= self.interp.recursion_limit.get() {
            return Err(self.new_error(
                &self.types().exc.recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        let code = func.code.get();
        let mut frame = self.function_frame(func);
        let nargs = caller.stack.len() - args_ix;
        // SAFETY: `args_ix <= len` (the caller checked the stack depth), the
        // callee's `fast` holds `nlocalsplus >= nargs` Nulls (`takes_exactly`
        // means nargs == co_argcount, and a code object is rejected at load
        // when its arguments outnumber its locals); a Null owns nothing, so
        // overwriting one leaks nothing. The caller's length drops below the
        // moved values before anything can observe them, so each value has
        // exactly one owner.
        unsafe {
            if nargs <= frame.fast.len() {
                let src = caller.stack.as_ptr().add(args_ix);
                let dst = frame.fast.as_mut_ptr();
                for i in 0..nargs {
                    dst.add(i).write(src.add(i).read());
                }
                caller.stack.set_len(args_ix);
            }
        }
        let _ = code;
        // The callable moves too: it is the top of what is left, above the
        // NULL (a plain call) or at `base` (a method call, where the self
        // below it was the first argument and has moved).
        let callable = caller.stack.pop().unwrap_or(Value::Null);
        caller.stack.truncate(base);
        frame.func = match callable {
            Value::Obj(o) => Some(o),
            _ => None,
        };
        self.frames.push(frame);
        Ok(())
    }

    /// Build the frame for calling Python function `fobj` with `args`.
    pub(crate) fn make_function_frame(
        &mut self,
        fobj: &ObjRef,
        f: &Function,
        args: Args<'_>,
    ) -> PyResult<Box<Frame>> {
        let mut frame = self.function_frame(f);
        let code = frame.code.clone();
        frame.func = Some(fobj.clone());
        let pos = args.pos();
        // The fast path: exactly the positional parameters, nothing else.
        if args.kwnames.is_empty() && code.takes_exactly(pos.len()) {
            for (slot, a) in frame.fast.iter_mut().zip(pos) {
                *slot = a.clone();
            }
            return Ok(frame);
        }
        if code.simple_args && bind_simple(f, &code, &mut frame.fast, args) {
            return Ok(frame);
        }
        match self.bind_arguments(f, &code, &mut frame.fast, args) {
            Ok(()) => Ok(frame),
            Err(e) => {
                self.release_frame(frame);
                Err(e)
            }
        }
    }

    fn bind_arguments(
        &mut self,
        f: &Function,
        code: &crate::objects::code::Code,
        fast: &mut [Value],
        args: Args<'_>,
    ) -> PyResult<()> {
        let co = &code.co;
        let argcount = co.co_argcount as usize;
        let posonly = co.co_posonlyargcount as usize;
        let kwonly = co.co_kwonlyargcount as usize;
        let has_varargs = co.co_flags & CO_VARARGS != 0;
        let has_varkw = co.co_flags & CO_VARKEYWORDS != 0;
        let varargs_ix = argcount + kwonly;
        let varkw_ix = varargs_ix + has_varargs as usize;
        // Only error messages need the name; read it then, not on every call.
        let qualname = || f.qualname.get().as_str().unwrap_or("?").to_string();
        let pos = args.pos();

        let kwdict = if has_varkw {
            let d = self.new_dict();
            fast[varkw_ix] = Value::Obj(d.clone());
            Some(d)
        } else {
            None
        };
        let n = pos.len().min(argcount);
        fast[..n].clone_from_slice(&pos[..n]);
        if has_varargs {
            fast[varargs_ix] = self.new_tuple(pos[n..].to_vec());
        } else if pos.len() > argcount {
            return Err(self.too_many_positional(f, code, pos.len(), args, fast));
        }

        let mut posonly_as_kw: Vec<&str> = Vec::new();
        for (key, value) in args.kwnames.iter().zip(&args.args[pos.len()..]) {
            let name = key.as_str().unwrap_or("");
            let found = code.localsplusnames[posonly..argcount + kwonly]
                .iter()
                .position(|n| same_name(n, key))
                .map(|i| i + posonly);
            match found {
                Some(i) => {
                    if !fast[i].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{name}'",
                            qualname()
                        )));
                    }
                    fast[i] = value.clone();
                }
                None => match &kwdict {
                    Some(d) => {
                        let k = self.new_str(name);
                        self.dict_set(d, k, value.clone())?;
                    }
                    None => {
                        if code.arg_names[..posonly].iter().any(|n| &**n == name) {
                            posonly_as_kw.push(name);
                        } else {
                            return Err(self.type_error(format!(
                                "{}() got an unexpected keyword argument '{name}'",
                                qualname()
                            )));
                        }
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(),
                posonly_as_kw.join(", ")
            )));
        }

        // Defaults for missing positional parameters.
        if pos.len() < argcount {
            let defaults = f.defaults.cloned();
            let defaults = defaults.as_tuple().unwrap_or(&[]);
            let first_default = argcount - defaults.len().min(argcount);
            let mut missing = Vec::new();
            for i in pos.len()..argcount {
                if fast[i].is_null() {
                    if i >= first_default {
                        fast[i] = defaults[i - first_default].clone();
                    } else {
                        missing.push(code.arg_names[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(&qualname(), "positional", &missing));
            }
        }
        if kwonly > 0 {
            let kwdefaults = f.kwdefaults.cloned();
            let mut missing = Vec::new();
            // (Indexed: the loop body writes the slot it tests.)
            #[allow(clippy::needless_range_loop)]
            for i in argcount..argcount + kwonly {
                if fast[i].is_null() {
                    let name = code.arg_names[i].clone();
                    let d = match kwdefaults.as_obj() {
                        Some(d) if matches!(d.payload, Payload::Dict(_)) => {
                            crate::protocol::dict::dict_get_str(d, &name)
                        }
                        _ => None,
                    };
                    match d {
                        Some(v) => fast[i] = v,
                        None => missing.push(name),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(&qualname(), "keyword-only", &missing));
            }
        }
        Ok(())
    }

    fn missing_args(
        &self,
        qualname: &str,
        kind: &str,
        missing: &[std::rc::Rc<str>],
    ) -> crate::error::PyErr {
        let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!(
                "{}, and {}",
                names[..names.len() - 1].join(", "),
                names[names.len() - 1]
            ),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        self.type_error(format!(
            "{qualname}() missing {} required {kind} argument{s}: {list}",
            missing.len()
        ))
    }

    fn too_many_positional(
        &self,
        f: &Function,
        code: &crate::objects::code::Code,
        given: usize,
        args: Args<'_>,
        fast: &[Value],
    ) -> crate::error::PyErr {
        let qualname = f.qualname.get().as_str().unwrap_or("?").to_string();
        let argcount = code.co.co_argcount as usize;
        let ndefaults = f.defaults.get().as_tuple().map_or(0, |t| t.len());
        // Keyword-only arguments given by keyword (binding stopped before
        // storing them), as CPython's too_many_positional counts them.
        let kwonly_names = &code.arg_names[argcount..argcount + code.co.co_kwonlyargcount as usize];
        let kwonly_given = args
            .kwargs()
            .filter(|(k, _)| kwonly_names.iter().any(|n| &**n == *k))
            .count();
        let _ = fast;
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults.min(argcount),
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given_s = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                given,
                if given == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{} {} given",
                given,
                if given == 1 { "was" } else { "were" }
            )
        };
        self.type_error(format!("{qualname}() takes {takes} but {given_s}"))
    }
}

/// Binding for a function without `*args`, `**kwargs` or keyword-only
/// parameters when the call is well formed: positional arguments, keywords
/// naming parameters not already given, defaults for the rest. Anything else
/// (an error to report) returns false with `fast` reset to all Null, for
/// `bind_arguments` to redo with CPython's messages.
fn bind_simple(
    f: &Function,
    code: &crate::objects::code::Code,
    fast: &mut [Value],
    args: Args<'_>,
) -> bool {
    let argcount = code.co.co_argcount as usize;
    let posonly = code.co.co_posonlyargcount as usize;
    let pos = args.pos();
    let ok = 'bind: {
        if pos.len() > argcount || fast.len() < argcount {
            break 'bind false;
        }
        fast[..pos.len()].clone_from_slice(pos);
        let params = &code.localsplusnames[..argcount];
        for (key, value) in args.kwnames.iter().zip(&args.args[pos.len()..]) {
            // Keywords are usually the very objects naming the parameters
            // (both interned): try identity over all of them first.
            let i = match params.iter().position(|n| n.is(key)) {
                Some(i) => i,
                None => match params.iter().position(|n| same_name(n, key)) {
                    Some(i) => i,
                    None => break 'bind false,
                },
            };
            if i < posonly || !fast[i].is_null() {
                break 'bind false;
            }
            fast[i] = value.clone();
        }
        let defaults = f.defaults.get();
        let defaults = defaults.as_tuple().unwrap_or(&[]);
        let first_default = argcount.saturating_sub(defaults.len());
        // (Indexed: the iterator chain clippy suggests costs a third more.)
        #[allow(clippy::needless_range_loop)]
        for i in pos.len()..argcount {
            if fast[i].is_null() {
                match i.checked_sub(first_default).and_then(|d| defaults.get(d)) {
                    Some(d) => fast[i] = d.clone(),
                    None => break 'bind false,
                }
            }
        }
        true
    };
    if !ok {
        for v in fast.iter_mut() {
            *v = Value::Null;
        }
    }
    ok
}

/// Whether keyword `key` names parameter `param` (both str objects): the
/// same object (a name the compiler shared), else equal cached hashes and
/// text, so a mismatch rarely compares bytes.
#[inline]
fn same_name(param: &Value, key: &Value) -> bool {
    if param.is(key) {
        return true;
    }
    match (param.payload(), key.payload()) {
        (Some(Payload::Str(a)), Some(Payload::Str(b))) => {
            a.hash() == b.hash() && a.as_str() == b.as_str()
        }
        _ => false,
    }
}
