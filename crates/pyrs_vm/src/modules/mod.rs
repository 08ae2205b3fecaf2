//! Native modules built into the VM because they are bound to its core (the
//! collector, weak references), and the table `import` consults for builtin
//! modules after `sys.modules` (CPython's BuiltinImporter and
//! `sys.builtin_module_names`). Each module is made on first import.

pub mod ast;
pub mod gc;
pub mod marshal;
pub mod opcode;
pub mod weakref;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::module::ModuleData;
use crate::objects::native::{MethodDef, NativeFunction};
use crate::protocol::dict::dict_set_str_raw;
use crate::value::Value;
use crate::vm::Vm;

/// A builtin module: its name and the function that fills its namespace.
#[derive(Clone, Copy)]
pub struct ModuleDef {
    pub name: &'static str,
    pub init: fn(&mut Vm, &ObjRef) -> PyResult<()>,
}

/// Every builtin module besides `sys` and `builtins` (made at start-up).
pub const BUILTIN_MODULES: &[ModuleDef] = &[
    ModuleDef {
        name: "gc",
        init: gc::init,
    },
    ModuleDef {
        name: "_weakref",
        init: weakref::init,
    },
    ModuleDef {
        name: "marshal",
        init: marshal::init,
    },
    ModuleDef {
        name: "_opcode",
        init: opcode::init,
    },
    ModuleDef {
        name: "_ast",
        init: ast::init,
    },
];

/// Make builtin module `name`, or None if there is no such builtin module.
pub fn create_builtin(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let native = vm.interp.config.native_modules;
    let Some(def) = BUILTIN_MODULES
        .iter()
        .chain(native.iter())
        .find(|d| d.name == name)
    else {
        return Ok(None);
    };
    let dict = vm.new_dict();
    let module = ObjRef::new(
        &vm.types().module,
        Payload::Module(ModuleData { dict: dict.clone() }),
    );
    dict_set_str_raw(vm.types(), &dict, "__name__", vm.new_str(name));
    dict_set_str_raw(vm.types(), &dict, "__doc__", Value::None);
    (def.init)(vm, &module)?;
    Ok(Some(Value::Obj(module)))
}

/// Add native functions to a module's namespace, bound to the module.
pub fn add_functions(vm: &Vm, module: &ObjRef, functions: &[MethodDef]) {
    let Payload::Module(m) = &module.payload else {
        return;
    };
    for def in functions {
        let f = ObjRef::new(
            &vm.types().builtin_function,
            Payload::NativeFunction(NativeFunction {
                def: *def,
                self_: Some(Value::Obj(module.clone())),
                owner: None,
            }),
        );
        dict_set_str_raw(vm.types(), &m.dict, def.name, Value::Obj(f));
    }
}

/// Set a module attribute.
pub fn set_attr(vm: &Vm, module: &ObjRef, name: &str, value: Value) {
    if let Payload::Module(m) = &module.payload {
        dict_set_str_raw(vm.types(), &m.dict, name, value);
    }
}
