//! The builtins a class statement relies on: `__build_class__`, the names
//! `super`, `property`, `classmethod`, `staticmethod`, and `isinstance`/
//! `issubclass` with `__instancecheck__`/`__subclasscheck__`.
//! Reference: Python/bltinmodule.c, Objects/abstract.c `PyObject_IsInstance`.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::descriptor::is_python_defined;
use crate::objects::native::{Args, MethodDef, NativeFunction};
use crate::protocol::dict::dict_set_str_raw;
use crate::runtime::types::Types;
use crate::value::Value;
use crate::vm::{is_subtype, Vm};

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("__build_class__", builtin_build_class),
    MethodDef::method("delattr", builtin_delattr),
    MethodDef::method("vars", builtin_vars),
    MethodDef::method("dir", builtin_dir),
];

/// Add the class machinery's names to the `builtins` module.
pub fn install(types: &Types, module: &ObjRef, dict: &ObjRef) {
    for def in FUNCTIONS {
        let f = ObjRef::new(
            &types.builtin_function,
            Payload::NativeFunction(NativeFunction {
                def: *def,
                self_: Some(Value::Obj(module.clone())),
                owner: None,
            }),
        );
        dict_set_str_raw(types, dict, def.name, Value::Obj(f));
    }
    let c = &types.class;
    for (name, t) in [
        ("property", &c.property),
        ("classmethod", &c.classmethod),
        ("staticmethod", &c.staticmethod),
        ("super", &c.super_),
    ] {
        dict_set_str_raw(types, dict, name, Value::Obj(t.clone()));
    }
}

fn builtin_build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // args[0] is the bound builtins module.
    vm.build_class(Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    })
}

fn builtin_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "delattr", &args, 2, 2)?;
    let Some(name) = args.args[1].as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&args.args[1])
        )));
    };
    vm.delattr(&args.args[0], &name)?;
    Ok(Value::None)
}

/// `vars(obj)`: `obj.__dict__`; without an argument, the caller's locals
/// (the module or class namespace, or a snapshot of a function's variables).
fn builtin_vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "vars", &args, 0, 1)?;
    let Some(obj) = args.args.first() else {
        let Some(f) = vm.frames.last() else {
            return Err(vm.system_error("vars(): no current frame"));
        };
        if !f.locals.is_null() {
            return Ok(f.locals.clone());
        }
        // A function: its bound variables, cells' contents included.
        let pairs: Vec<(std::rc::Rc<str>, Value)> = f
            .code
            .co
            .co_localsplusnames
            .iter()
            .cloned()
            .zip(f.fast.iter().cloned())
            .collect();
        let d = vm.new_dict();
        for (name, v) in pairs {
            let v = match v.payload() {
                Some(Payload::Cell(c)) => c.cloned(),
                _ => v,
            };
            if !v.is_null() {
                dict_set_str_raw(vm.types(), &d, &name, v);
            }
        }
        return Ok(Value::Obj(d));
    };
    match vm.try_getattr(obj, "__dict__") {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        Err(e) if vm.err_matches(&e, &vm.types().exc.attribute_error) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

/// `dir(obj)`: the sorted list `obj.__dir__()` returns; without an argument,
/// the caller's local names.
fn builtin_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = Args {
        args: &args.args[1..],
        kwnames: args.kwnames,
    };
    crate::builtins::check_args(vm, "dir", &args, 0, 1)?;
    let names = match args.args.first() {
        None => {
            let (locals, fast) = match vm.frames.last() {
                Some(f) => {
                    let fast: Vec<Value> = f
                        .code
                        .co
                        .co_localsplusnames
                        .iter()
                        .zip(f.fast.iter())
                        .filter(|(_, v)| !v.is_null())
                        .map(|(n, _)| vm.new_str(&**n))
                        .collect();
                    (f.locals.clone(), fast)
                }
                None => (Value::Null, Vec::new()),
            };
            match locals.as_obj() {
                Some(l) if matches!(l.payload, Payload::Dict(_)) => {
                    Vm::dict_items(l).into_iter().map(|(k, _)| k).collect()
                }
                Some(_) => vm.iterate(&locals)?,
                None => fast,
            }
        }
        Some(obj) => {
            let obj = obj.clone();
            return vm.dir_of(&obj);
        }
    };
    sorted_names(vm, names)
}

/// Sort attribute names (all str) as `sorted()` would.
fn sorted_names(vm: &mut Vm, names: Vec<Value>) -> PyResult<Value> {
    let mut keyed = Vec::with_capacity(names.len());
    for n in names {
        match n.as_str() {
            Some(s) => keyed.push((s.to_string(), n.clone())),
            None => {
                return Err(vm.type_error(format!(
                    "'<' not supported between instances of '{}' and 'str'",
                    vm.type_name(&n)
                )))
            }
        }
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(vm.new_list(keyed.into_iter().map(|(_, v)| v).collect()))
}

impl Vm {
    /// `dir(obj)`: the sorted list of `obj.__dir__()`.
    pub fn dir_of(&mut self, obj: &Value) -> PyResult<Value> {
        let ty = self.type_of(obj).clone();
        let Some(d) = self.lookup_type(&ty, "__dir__") else {
            return Err(self.type_error("object does not provide __dir__"));
        };
        let r = self.call_method_value(&d, obj, &[])?;
        let names = self.iterate(&r)?;
        sorted_names(self, names)
    }

    /// `isinstance(inst, cls)`, honouring `__instancecheck__`.
    pub fn object_isinstance(&mut self, inst: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(c) = cls.as_obj() {
            if self.type_of(inst).is(c) {
                return Ok(true);
            }
        }
        if let Some(items) = cls.as_tuple() {
            let items = items.to_vec();
            self.enter_recursive_call("")?;
            let mut r = Ok(false);
            for it in &items {
                match self.object_isinstance(inst, it) {
                    Ok(false) => {}
                    other => {
                        r = other;
                        break;
                    }
                }
            }
            self.leave_native_recursion();
            return r;
        }
        let meta = self.type_of(cls).clone();
        if meta.payload_type().heap_type {
            if let Some(m) = self.lookup_type(&meta, "__instancecheck__") {
                if is_python_defined(&m) {
                    let r = self.call_method_value(&m, cls, std::slice::from_ref(inst))?;
                    return self.is_true(&r);
                }
            }
        }
        match cls.as_obj() {
            Some(c) if matches!(c.payload, Payload::Type(_)) => {
                Ok(is_subtype(self.type_of(inst), c))
            }
            Some(c) if matches!(c.payload, Payload::GenericAlias { .. }) => {
                Err(self.type_error("isinstance() argument 2 cannot be a parameterized generic"))
            }
            Some(c) if matches!(c.payload, Payload::Union(_)) => {
                let Payload::Union(args) = &c.payload else {
                    return Ok(false);
                };
                let items = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                crate::types::union::instancecheck(self, inst, &items)
            }
            _ => {
                Err(self
                    .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
            }
        }
    }

    /// `issubclass(sub, cls)`, honouring `__subclasscheck__`.
    pub fn object_issubclass(&mut self, sub: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(items) = cls.as_tuple() {
            let items = items.to_vec();
            self.enter_recursive_call("")?;
            let mut r = Ok(false);
            for it in &items {
                match self.object_issubclass(sub, it) {
                    Ok(false) => {}
                    other => {
                        r = other;
                        break;
                    }
                }
            }
            self.leave_native_recursion();
            return r;
        }
        let meta = self.type_of(cls).clone();
        if meta.payload_type().heap_type {
            if let Some(m) = self.lookup_type(&meta, "__subclasscheck__") {
                if is_python_defined(&m) {
                    let r = self.call_method_value(&m, cls, std::slice::from_ref(sub))?;
                    return self.is_true(&r);
                }
            }
        }
        let Some(s) = sub
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Type(_)))
        else {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        };
        match cls.as_obj() {
            Some(c) if matches!(c.payload, Payload::Type(_)) => Ok(is_subtype(s, c)),
            Some(c) if matches!(c.payload, Payload::GenericAlias { .. }) => {
                Err(self.type_error("issubclass() argument 2 cannot be a parameterized generic"))
            }
            Some(c) if matches!(c.payload, Payload::Union(_)) => {
                let Payload::Union(args) = &c.payload else {
                    return Ok(false);
                };
                let items = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                crate::types::union::subclasscheck(self, sub, &items)
            }
            _ => Err(self
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
        }
    }
}
