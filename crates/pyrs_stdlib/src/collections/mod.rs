//! `_collections` (Modules/_collectionsmodule.c): `deque` (deque.rs) with its
//! iterators, `defaultdict` (defaultdict.rs) and `_count_elements`, the
//! native halves of Lib/collections/__init__.py.

mod defaultdict;
mod deque;

use crate::native::rest;
use pyrs_vm::modules::add_functions;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    deque::init(vm, module);
    defaultdict::init(vm, module);
    add_functions(
        vm,
        module,
        &[MethodDef::method("_count_elements", count_elements)],
    );
    Ok(())
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`
/// for each element (Counter's counting loop).
fn count_elements(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let p = crate::native::positional(vm, &a, "_count_elements", 2, 2)?;
    let (mapping, iterable) = (p[0].clone(), p[1].clone());
    let get = vm.getattr_str(&mapping, "get")?;
    let it = vm.iter(&iterable)?;
    while let Some(x) = vm.next(&it)? {
        let old = vm.call(&get, &[x.clone(), Value::Int(0)])?;
        let new = vm.binary_op(&old, &Value::Int(1), pyrs_bytecode::opcode::nb::ADD)?;
        vm.setitem(&mapping, &x, new)?;
    }
    Ok(Value::None)
}
