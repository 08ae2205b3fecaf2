//! `atexit` (Modules/atexitmodule.c): functions to call when the interpreter
//! exits, last registered first. The VM's `run_atexit` calls
//! `_run_exitfuncs` after `__main__` finishes; errors are reported as
//! "Exception ignored in atexit callback" and do not stop the others.

use crate::native::rest;
use pyrs_vm::modules::add_functions;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::cell::RefCell;

struct Callback {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

thread_local! {
    /// The registered callbacks, in registration order.
    static CALLBACKS: RefCell<Vec<Callback>> = const { RefCell::new(Vec::new()) };
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[
            MethodDef::method("register", register),
            MethodDef::method("unregister", unregister),
            MethodDef::method("_run_exitfuncs", run_exitfuncs),
            MethodDef::method("_clear", clear),
            MethodDef::method("_ncallbacks", ncallbacks),
        ],
    );
    Ok(())
}

/// `register(func, *args, **kwargs)`: returns `func`, so it can decorate.
fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let Some(func) = a.pos().first().cloned() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    let callable = vm.getattr_builtin("callable")?;
    let ok = vm.call(&callable, std::slice::from_ref(&func))?;
    if !vm.is_true(&ok)? {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let cb = Callback {
        func: func.clone(),
        args: a.args[1..].to_vec(),
        kwnames: a.kwnames.to_vec(),
    };
    CALLBACKS.with(|c| c.borrow_mut().push(cb));
    Ok(func)
}

/// `unregister(func)`: drop every registration of `func` (compared with ==).
fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let [func] = a.pos() else {
        return Err(vm.type_error("unregister() takes exactly one argument"));
    };
    let funcs: Vec<Value> =
        CALLBACKS.with(|c| c.borrow().iter().map(|cb| cb.func.clone()).collect());
    let mut keep = Vec::with_capacity(funcs.len());
    for f in &funcs {
        keep.push(!(f.is(func) || vm.eq(f, func)?));
    }
    let removed: Vec<Callback> = CALLBACKS.with(|c| {
        let mut all = c.borrow_mut();
        let mut i = 0;
        let mut out = Vec::new();
        all.retain_mut(|cb| {
            let k = keep.get(i).copied().unwrap_or(true);
            i += 1;
            if !k {
                out.push(Callback {
                    func: std::mem::replace(&mut cb.func, Value::None),
                    args: std::mem::take(&mut cb.args),
                    kwnames: std::mem::take(&mut cb.kwnames),
                });
            }
            k
        });
        out
    });
    drop(removed);
    Ok(Value::None)
}

/// Call the callbacks, newest first, each once; a failing one is reported
/// and the rest still run.
fn run_exitfuncs(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    while let Some(cb) = CALLBACKS.with(|c| c.borrow_mut().pop()) {
        let r = vm.call_args(
            &cb.func,
            Args {
                args: &cb.args,
                kwnames: &cb.kwnames,
            },
        );
        if let Err(e) = r {
            if vm.err_matches(&e, &vm.types().exc.system_exit) {
                continue;
            }
            let what = vm
                .repr_string(&cb.func)
                .unwrap_or_else(|_| "<object repr() failed>".into());
            let text = format!(
                "Exception ignored in atexit callback: {what}\n{}",
                vm.format_exception(&e.0)
            );
            eprint!("{text}");
        }
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
    Ok(Value::None)
}

fn ncallbacks(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(CALLBACKS.with(|c| c.borrow().len()) as i64))
}
