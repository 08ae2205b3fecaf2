//! The hooks `sys` installs into the thread state (Python/sysmodule.c):
//! `set_asyncgen_hooks`/`get_asyncgen_hooks`, and the trace and profile
//! functions (`settrace`, `setprofile`, `gettrace`, `getprofile`).

use crate::error::PyResult;
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;

pub const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("set_asyncgen_hooks", sys_set_asyncgen_hooks),
    MethodDef::method("get_asyncgen_hooks", sys_get_asyncgen_hooks),
    MethodDef::method("settrace", sys_settrace),
    MethodDef::method("gettrace", sys_gettrace),
    MethodDef::method("setprofile", sys_setprofile),
    MethodDef::method("getprofile", sys_getprofile),
];

fn one_arg<'a>(vm: &Vm, name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    let rest = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, name, &rest, 1, 1)?;
    Ok(&rest.args[0])
}

/// `sys.settrace(func)`: traces frames entered from now on.
fn sys_settrace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.tracefunc = one_arg(vm, "settrace", &args)?.clone();
    vm.update_use_tracing();
    Ok(Value::None)
}

fn sys_gettrace(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.tracefunc.clone())
}

fn sys_setprofile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.profilefunc = one_arg(vm, "setprofile", &args)?.clone();
    vm.update_use_tracing();
    Ok(Value::None)
}

fn sys_getprofile(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.profilefunc.clone())
}

/// `set_asyncgen_hooks(firstiter=..., finalizer=...)`: an omitted argument
/// leaves its hook as it is; None removes it.
fn sys_set_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "set_asyncgen_hooks() takes at most 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    let mut firstiter = pos.first().cloned();
    let mut finalizer = pos.get(1).cloned();
    for (k, v) in args.kwargs() {
        match k {
            "firstiter" => firstiter = Some(v.clone()),
            "finalizer" => finalizer = Some(v.clone()),
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    // Both are checked before either is set, as CPython does.
    for (name, v) in [("finalizer", &finalizer), ("firstiter", &firstiter)] {
        if let Some(v) = v {
            if !matches!(v, Value::None) && !vm.is_callable(v) {
                return Err(
                    vm.type_error(format!("callable {name} expected, got {}", vm.type_name(v)))
                );
            }
        }
    }
    if let Some(v) = finalizer {
        vm.asyncgen_finalizer = v;
    }
    if let Some(v) = firstiter {
        vm.asyncgen_firstiter = v;
    }
    Ok(Value::None)
}

static ASYNCGEN_HOOKS: crate::objects::structseq::StructSeqDesc =
    crate::objects::structseq::StructSeqDesc {
        name: "asyncgen_hooks",
        doc: "",
        fields: &["firstiter", "finalizer"],
        n_sequence: 2,
    };

thread_local! {
    /// The `asyncgen_hooks` struct sequence type, made on first use.
    static HOOKS_TYPE: std::cell::OnceCell<crate::object::ObjRef> = const { std::cell::OnceCell::new() };
}

/// The hooks as an `asyncgen_hooks(firstiter, finalizer)` struct sequence.
fn sys_get_asyncgen_hooks(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let ty = HOOKS_TYPE.with(|t| {
        t.get_or_init(|| crate::objects::structseq::new_type_from(vm.types(), &ASYNCGEN_HOOKS))
            .clone()
    });
    let values = vec![vm.asyncgen_firstiter.clone(), vm.asyncgen_finalizer.clone()];
    Ok(crate::objects::structseq::new_structseq(vm, &ty, values))
}
