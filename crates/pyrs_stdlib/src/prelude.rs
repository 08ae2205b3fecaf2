//! Python source that a native module runs in its own namespace when it is
//! made: the classes whose behaviour is all Python-level protocol (struct
//! sequences, `DirEntry`, the `_io` class tree), written once in Python over
//! the module's Rust primitives rather than re-expressed as Rust payloads.

use pyrs_vm::object::Payload;
use pyrs_vm::objects::code::{new_code_object_from, Origin};
use pyrs_vm::protocol::dict::dict_set_str_raw;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

/// Run `frozen` (a marshalled code object from `crate::frozen`, compiled
/// by build.rs under the filename `<frozen NAME>` that tracebacks show, as
/// CPython's frozen modules do) with `module`'s dict as globals.
pub fn run(vm: &mut Vm, module: &ObjRef, frozen: &[u8]) -> PyResult<()> {
    let Payload::Module(m) = &module.payload else {
        return Err(vm.system_error("prelude: not a module"));
    };
    let dict = m.dict.clone();
    dict_set_str_raw(
        vm.types(),
        &dict,
        "__builtins__",
        Value::Obj(vm.interp.builtins.clone()),
    );
    let code = pyrs_bytecode::marshal::loads_code(frozen)
        .map_err(|e| vm.system_error(format!("frozen prelude: {}", e.message())))?;
    let code_obj = new_code_object_from(vm.types(), code, Origin::Marshalled)
        .map_err(|e| vm.system_error(format!("frozen prelude: {e}")))?;
    pyrs_vm::run::run_module_code(vm, &code_obj, &dict)?;
    Ok(())
}
