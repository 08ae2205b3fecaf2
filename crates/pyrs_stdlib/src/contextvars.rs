//! `_contextvars` (Python/context.c): `ContextVar`, `Token`, `Context` and
//! `copy_context`. A context maps variables to values; CPython keeps an
//! immutable HAMT so copies are O(1), here a context owns a dict that
//! `copy_context` copies. The current context is per thread.

use crate::held::add_getters;
use crate::native::{class, existing_class, new_cls, new_instance, rest, state, this, Refs};
use pyrs_vm::builtins_types::generic_alias::CLASS_GETITEM;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::protocol::dict::dict_set_str_raw;
use pyrs_vm::runtime::types::add_methods;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::cell::RefCell;

const MODULE: &str = "_contextvars";

struct Context {
    /// ContextVar -> value.
    vars: ObjRef,
    entered: bool,
}

impl Refs for Context {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&Value::Obj(self.vars.clone()));
    }
}

struct Var {
    name: Value,
    /// `Value::Null` when the variable has no default.
    default: Value,
}

impl Refs for Var {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.name);
        f(&self.default);
    }
}

struct TokenState {
    ctx: Value,
    var: Value,
    /// `Value::Null` when the variable had no value (Token.MISSING).
    old: Value,
    used: bool,
}

impl Refs for TokenState {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.ctx);
        f(&self.var);
        f(&self.old);
    }
}

thread_local! {
    /// The stack of entered contexts; the last is the current one. Made on
    /// first use, as CPython makes the thread's first context lazily.
    static CURRENT: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static MISSING: RefCell<Option<Value>> = const { RefCell::new(None) };
}

const CONTEXT_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", context_new),
    MethodDef::method("run", context_run),
    MethodDef::method("copy", context_copy),
    MethodDef::method("get", context_get),
    MethodDef::method("keys", context_keys),
    MethodDef::method("values", context_values),
    MethodDef::method("items", context_items),
    MethodDef::method("__getitem__", context_getitem),
    MethodDef::method("__contains__", context_contains),
    MethodDef::method("__len__", context_len),
    MethodDef::method("__iter__", context_iter),
];

const VAR_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", var_new),
    MethodDef::method("get", var_get),
    MethodDef::method("set", var_set),
    MethodDef::method("reset", var_reset),
    MethodDef::method("__repr__", var_repr),
];

const TOKEN_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", token_new),
    MethodDef::method("__repr__", token_repr),
];

const FUNCTIONS: &[MethodDef] = &[MethodDef::method("copy_context", copy_context)];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let ctx = class(
        vm,
        MODULE,
        "Context",
        None,
        BaseKind::Object,
        CONTEXT_METHODS,
    );
    let var = class(
        vm,
        MODULE,
        "ContextVar",
        None,
        BaseKind::Object,
        VAR_METHODS,
    );
    let token = class(vm, MODULE, "Token", None, BaseKind::Object, TOKEN_METHODS);
    for cls in [&var, &token] {
        add_methods(vm.types(), cls, CLASS_GETITEM);
    }
    add_getters(vm, &var, &[("name", var_name)]);
    add_getters(
        vm,
        &token,
        &[("var", token_var), ("old_value", token_old_value)],
    );
    let missing = missing(vm);
    dict_set_str_raw(vm.types(), &token.payload_type().dict, "MISSING", missing);
    add_functions(vm, module, FUNCTIONS);
    set_attr(vm, module, "Context", Value::Obj(ctx));
    set_attr(vm, module, "ContextVar", Value::Obj(var));
    set_attr(vm, module, "Token", Value::Obj(token));
    Ok(())
}

/// `Token.MISSING`: a marker object whose repr is `<Token.MISSING>`.
fn missing(vm: &mut Vm) -> Value {
    if let Some(m) = MISSING.with(|m| m.borrow().clone()) {
        return m;
    }
    let cls = class(
        vm,
        MODULE,
        "Token.MISSING",
        None,
        BaseKind::Object,
        &[MethodDef::method("__repr__", missing_repr)],
    );
    let m = Value::Obj(ObjRef::new(&cls, Payload::Instance));
    MISSING.with(|x| *x.borrow_mut() = Some(m.clone()));
    m
}

fn missing_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_str("<Token.MISSING>"))
}

fn new_context(vm: &mut Vm, vars: ObjRef) -> PyResult<Value> {
    let cls = existing_class(vm, MODULE, "Context")?;
    Ok(new_instance(
        &cls,
        Context {
            vars,
            entered: false,
        },
    ))
}

/// The thread's current context, made empty on first use.
fn current(vm: &mut Vm) -> PyResult<Value> {
    if let Some(c) = CURRENT.with(|c| c.borrow().last().cloned()) {
        return Ok(c);
    }
    let d = vm.new_dict();
    let c = new_context(vm, d)?;
    CURRENT.with(|s| s.borrow_mut().push(c.clone()));
    Ok(c)
}

fn vars_of(vm: &Vm, ctx: &Value) -> PyResult<ObjRef> {
    let s = state::<Context>(vm, ctx, "_contextvars.Context")?;
    s.get()
        .as_ref()
        .map(|c| c.vars.clone())
        .ok_or_else(|| vm.runtime_error("context is cleared"))
}

fn context_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_cls(vm, &args, "Context")?;
    if !rest(&args).args.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    let d = vm.new_dict();
    new_context(vm, d)
}

fn copy_context(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let c = current(vm)?;
    copy_of(vm, &c)
}

fn copy_of(vm: &mut Vm, ctx: &Value) -> PyResult<Value> {
    let vars = vars_of(vm, ctx)?;
    let copy = call_method(vm, &Value::Obj(vars), "copy")?;
    match copy {
        Value::Obj(d) => new_context(vm, d),
        _ => Err(vm.system_error("dict.copy() did not return a dict")),
    }
}

fn context_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    copy_of(vm, &me)
}

/// `ctx.run(callable, *args, **kwargs)`: `callable` runs with `ctx` current.
fn context_run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let a = rest(&args);
    let Some((callable, _)) = a.pos().split_first() else {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    };
    let s = state::<Context>(vm, &me, "_contextvars.Context")?;
    let entered = s.get().as_ref().is_some_and(|c| c.entered);
    if entered {
        let r = vm.repr_string(&me)?;
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    if let Some(c) = s.get_mut().as_mut() {
        c.entered = true;
    }
    CURRENT.with(|c| c.borrow_mut().push(me.clone()));
    let r = vm.call_args(
        callable,
        Args {
            args: &a.args[1..],
            kwnames: a.kwnames,
        },
    );
    CURRENT.with(|c| c.borrow_mut().pop());
    if let Some(c) = s.get_mut().as_mut() {
        c.entered = false;
    }
    r
}

fn check_var(vm: &mut Vm, key: &Value) -> PyResult<()> {
    if state::<Var>(vm, key, "ContextVar").is_err() {
        let r = vm.repr_string(key)?;
        return Err(vm.type_error(format!("a ContextVar key was expected, got {r}")));
    }
    Ok(())
}

fn context_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let [key] = bind(vm, "__getitem__", &rest(&args), ["key"], 1, 1)?;
    let key = key.unwrap_or(Value::None);
    check_var(vm, &key)?;
    let vars = vars_of(vm, &me)?;
    match vm.dict_get(&vars, &key)? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(key)),
    }
}

fn context_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let [key, default] = bind(vm, "get", &rest(&args), ["key", "default"], 1, 2)?;
    let key = key.unwrap_or(Value::None);
    check_var(vm, &key)?;
    let vars = vars_of(vm, &me)?;
    Ok(vm
        .dict_get(&vars, &key)?
        .unwrap_or_else(|| default.unwrap_or(Value::None)))
}

fn context_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let [key] = bind(vm, "__contains__", &rest(&args), ["key"], 1, 1)?;
    let key = key.unwrap_or(Value::None);
    check_var(vm, &key)?;
    let vars = vars_of(vm, &me)?;
    Ok(Value::Bool(vm.dict_get(&vars, &key)?.is_some()))
}

fn context_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let vars = vars_of(vm, &me)?;
    Ok(Value::Int(Vm::dict_len(&vars) as i64))
}

/// Calls `name` on the context's dict (`keys`, `values`, `items`, `__iter__`).
fn delegate(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let vars = vars_of(vm, &me)?;
    call_method(vm, &Value::Obj(vars), name)
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let m = vm.getattr_str(obj, name)?;
    vm.call(&m, &[])
}

fn context_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "keys")
}

fn context_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "values")
}

fn context_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "items")
}

fn context_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    delegate(vm, args, "__iter__")
}

/// `ContextVar(name, *, default=<missing>)`.
fn var_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "ContextVar")?;
    let [name, default] = bind(vm, "ContextVar", &rest(&args), ["name", "default"], 1, 1)?;
    let name = name.unwrap_or(Value::None);
    if name.as_str().is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    Ok(new_instance(
        &cls,
        Var {
            name,
            default: default.unwrap_or(Value::Null),
        },
    ))
}

fn var_state(vm: &Vm, v: &Value) -> PyResult<(Value, Value)> {
    let s = state::<Var>(vm, v, "_contextvars.ContextVar")?;
    s.get()
        .as_ref()
        .map(|v| (v.name.clone(), v.default.clone()))
        .ok_or_else(|| vm.runtime_error("ContextVar is cleared"))
}

fn var_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    Ok(var_state(vm, &me)?.0)
}

/// `var.get([default])`: the value in the current context, else `default`,
/// else the variable's default, else LookupError.
fn var_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let a = rest(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("ContextVar.get() takes no keyword arguments"));
    }
    if a.args.len() > 1 {
        return Err(vm.type_error(format!(
            "get expected at most 1 argument, got {}",
            a.args.len()
        )));
    }
    let (_, own_default) = var_state(vm, &me)?;
    let ctx = current(vm)?;
    let vars = vars_of(vm, &ctx)?;
    if let Some(v) = vm.dict_get(&vars, &me)? {
        return Ok(v);
    }
    if let Some(d) = a.args.first() {
        return Ok(d.clone());
    }
    if !own_default.is_null() {
        return Ok(own_default);
    }
    Err(pyrs_vm::PyErr(
        vm.new_exception(&vm.types().exc.lookup_error, vec![me]),
    ))
}

/// `var.set(value)` -> a Token that `reset` takes to restore the old value.
fn var_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let [value] = bind(vm, "set", &rest(&args), ["value"], 1, 1)?;
    let value = value.unwrap_or(Value::None);
    var_state(vm, &me)?;
    let ctx = current(vm)?;
    let vars = vars_of(vm, &ctx)?;
    let old = vm.dict_get(&vars, &me)?.unwrap_or(Value::Null);
    vm.dict_set(&vars, me.clone(), value)?;
    let cls = existing_class(vm, MODULE, "Token")?;
    Ok(new_instance(
        &cls,
        TokenState {
            ctx,
            var: me,
            old,
            used: false,
        },
    ))
}

fn var_reset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let [token] = bind(vm, "reset", &rest(&args), ["token"], 1, 1)?;
    let token = token.unwrap_or(Value::None);
    let Ok(s) = state::<TokenState>(vm, &token, "Token") else {
        let tn = vm.type_name(&token);
        return Err(vm.type_error(format!("expected an instance of Token, got {tn}")));
    };
    let (ctx, var, old, used) = match s.get().as_ref() {
        Some(t) => (t.ctx.clone(), t.var.clone(), t.old.clone(), t.used),
        None => return Err(vm.runtime_error("Token is cleared")),
    };
    if used {
        let r = vm.repr_string(&token)?;
        return Err(vm.runtime_error(format!("{r} has already been used once")));
    }
    if !var.is(&me) {
        let r = vm.repr_string(&token)?;
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let cur = current(vm)?;
    if !ctx.is(&cur) {
        let r = vm.repr_string(&token)?;
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    if let Some(t) = s.get_mut().as_mut() {
        t.used = true;
    }
    let vars = vars_of(vm, &cur)?;
    if old.is_null() {
        vm.dict_del(&vars, &me)?;
    } else {
        vm.dict_set(&vars, me, old)?;
    }
    Ok(Value::None)
}

fn var_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let (name, default) = var_state(vm, &me)?;
    let mut s = format!("<ContextVar name={}", vm.repr_string(&name)?);
    if !default.is_null() {
        s.push_str(&format!(" default={}", vm.repr_string(&default)?));
    }
    let addr = me.as_obj().map_or(0, |o| o.addr());
    s.push_str(&format!(" at {addr:#x}>"));
    Ok(vm.new_str(s))
}

fn token_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_field(vm: &mut Vm, args: Args, old: bool) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let s = state::<TokenState>(vm, &me, "Token")?;
    let v = match s.get().as_ref() {
        Some(t) if old => t.old.clone(),
        Some(t) => t.var.clone(),
        None => Value::None,
    };
    if v.is_null() {
        return Ok(missing(vm));
    }
    Ok(v)
}

fn token_var(vm: &mut Vm, args: Args) -> PyResult<Value> {
    token_field(vm, args, false)
}

fn token_old_value(vm: &mut Vm, args: Args) -> PyResult<Value> {
    token_field(vm, args, true)
}

fn token_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?.clone();
    let s = state::<TokenState>(vm, &me, "Token")?;
    let (used, var) = match s.get().as_ref() {
        Some(t) => (t.used, t.var.clone()),
        None => (false, Value::None),
    };
    let var = vm.repr_string(&var)?;
    let addr = me.as_obj().map_or(0, |o| o.addr());
    let used = if used { " used" } else { "" };
    Ok(vm.new_str(format!("<Token{used} var={var} at {addr:#x}>")))
}
