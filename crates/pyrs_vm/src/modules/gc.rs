//! The `gc` module (Modules/gcmodule.c): the interface to the cycle
//! collector in `runtime::gc`.

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::native::{Args, MethodDef};
use crate::runtime::gc;
use crate::value::Value;
use crate::vm::Vm;

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("collect", gc_collect),
    MethodDef::method("enable", gc_enable),
    MethodDef::method("disable", gc_disable),
    MethodDef::method("isenabled", gc_isenabled),
    MethodDef::method("get_count", gc_get_count),
    MethodDef::method("get_threshold", gc_get_threshold),
    MethodDef::method("set_threshold", gc_set_threshold),
    MethodDef::method("is_tracked", gc_is_tracked),
    MethodDef::method("get_objects", gc_get_objects),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, module, FUNCTIONS);
    let garbage = vm.new_list(Vec::new());
    super::set_attr(vm, module, "garbage", garbage);
    let callbacks = vm.new_list(Vec::new());
    super::set_attr(vm, module, "callbacks", callbacks);
    Ok(())
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    }
}

fn gc_collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let mut generation = 2;
    if let Some(g) = a.pos().first() {
        generation = vm.to_i64(g, "")?;
    }
    for (k, v) in a.kwargs() {
        if k != "generation" {
            return Err(vm.type_error(format!(
                "collect() got an unexpected keyword argument '{k}'"
            )));
        }
        generation = vm.to_i64(v, "")?;
    }
    if !(0..=2).contains(&generation) {
        return Err(vm.value_error("invalid generation"));
    }
    let n = vm.collect_garbage()?;
    Ok(Value::Int(n as i64))
}

fn gc_enable(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    gc::set_enabled(true);
    Ok(Value::None)
}

fn gc_disable(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    gc::set_enabled(false);
    Ok(Value::None)
}

fn gc_isenabled(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(gc::is_enabled()))
}

fn gc_get_count(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_tuple(vec![
        Value::Int(gc::count() as i64),
        Value::Int(0),
        Value::Int(0),
    ]))
}

fn gc_get_threshold(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let (a, b, c) = gc::thresholds();
    Ok(vm.new_tuple(vec![
        Value::Int(a as i64),
        Value::Int(b as i64),
        Value::Int(c as i64),
    ]))
}

fn gc_set_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    crate::builtins::check_args(vm, "set_threshold", &a, 1, 3)?;
    let (_, mut t1, mut t2) = gc::thresholds();
    let get = |vm: &Vm, v: &Value| vm.to_i64(v, "").map(|i| i.max(0) as usize);
    let t0 = get(vm, &a.args[0])?;
    if let Some(v) = a.args.get(1) {
        t1 = get(vm, v)?;
    }
    if let Some(v) = a.args.get(2) {
        t2 = get(vm, v)?;
    }
    gc::set_thresholds((t0, t1, t2));
    Ok(Value::None)
}

fn gc_is_tracked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    crate::builtins::check_args(vm, "is_tracked", &a, 1, 1)?;
    Ok(Value::Bool(gc::is_tracked(&a.args[0])))
}

fn gc_get_objects(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let objs = gc::objects().into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(objs))
}

impl Vm {
    /// A full collection, then the weakref callbacks it made due.
    pub fn collect_garbage(&mut self) -> PyResult<usize> {
        let mut n = gc::collect();
        if crate::runtime::finalize::pending() {
            // The collection found finalizers to run first (PEP 442): run
            // them, then collect what they left unreachable.
            self.run_finalizers();
            n = gc::collect();
        }
        self.run_pending_callbacks();
        self.run_finalizers();
        Ok(n)
    }
}
