//! `builtin_function_or_method.__reduce__` (Objects/methodobject.c
//! `meth_reduce`): pickle saves a module function by its qualified name and
//! a bound builtin method as `getattr(self, name)`.

use super::args::this;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", meth_reduce)];

fn meth_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::NativeFunction(nf)) = this(&args).payload() else {
        return Err(
            vm.type_error("descriptor '__reduce__' requires a 'builtin_function_or_method' object")
        );
    };
    let name = vm.new_str(nf.def.name);
    match &nf.self_ {
        Some(s) if !matches!(s.payload(), Some(Payload::Module(_))) => {
            let getattr = vm.getattr_builtin("getattr")?;
            let pair = vm.new_tuple(vec![s.clone(), name]);
            Ok(vm.new_tuple(vec![getattr, pair]))
        }
        _ => Ok(name),
    }
}
