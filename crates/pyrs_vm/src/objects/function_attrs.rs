//! Setting and deleting the attributes of function objects (`__code__`,
//! `__defaults__`, `__name__`...), with the checks and messages of
//! Objects/funcobject.c's getsets and members; other names go to the
//! function's `__dict__`. Also attribute lookup on bound methods, which falls
//! back to the function (`method_getattro`).

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Function;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `setattr(func, name, value)`, or `delattr` when `value` is None.
    pub fn function_setattr(
        &mut self,
        o: &ObjRef,
        f: &Function,
        name: &str,
        value: Option<Value>,
    ) -> PyResult<()> {
        let must = |vm: &Vm, what: &str| vm.type_error(format!("{name} must be set to a {what}"));
        match name {
            "__globals__" | "__closure__" | "__builtins__" => {
                Err(self.attribute_error("readonly attribute"))
            }
            "__name__" | "__qualname__" => {
                let Some(v) = value.filter(|v| v.as_str().is_some()) else {
                    return Err(must(self, "string object"));
                };
                let cell = if name == "__name__" {
                    &f.name
                } else {
                    &f.qualname
                };
                drop(cell.replace(v));
                Ok(())
            }
            "__code__" => {
                let Some(v) = value else {
                    return Err(must(self, "code object"));
                };
                let Some(Payload::Code(c)) = v.payload() else {
                    return Err(must(self, "code object"));
                };
                let nfree = c.co.co_freevars().len();
                let nclosure = f.closure.get().as_tuple().map_or(0, |t| t.len());
                if nfree != nclosure {
                    let fname = f.name.get().as_str().unwrap_or("?").to_string();
                    return Err(self.value_error(format!(
                        "{fname}() requires a code object with {nclosure} free vars, not {nfree}"
                    )));
                }
                let c = c.clone();
                let obj = v.as_obj().cloned();
                drop(f.code.replace(c));
                if let Some(obj) = obj {
                    drop(f.code_obj.replace(obj));
                }
                Ok(())
            }
            "__defaults__" | "__kwdefaults__" | "__annotations__" => {
                let v = value.unwrap_or(Value::None);
                let ok = match (name, v.payload()) {
                    (_, _) if matches!(v, Value::None) => true,
                    ("__defaults__", Some(Payload::Tuple(_))) => true,
                    ("__kwdefaults__" | "__annotations__", Some(Payload::Dict(_))) => true,
                    _ => false,
                };
                if !ok {
                    let what = if name == "__defaults__" {
                        "tuple object"
                    } else {
                        "dict object"
                    };
                    return Err(must(self, what));
                }
                let cell = match name {
                    "__defaults__" => &f.defaults,
                    "__kwdefaults__" => &f.kwdefaults,
                    _ => &f.annotations,
                };
                drop(cell.replace(v));
                Ok(())
            }
            "__doc__" | "__module__" => {
                let cell = if name == "__doc__" { &f.doc } else { &f.module };
                drop(cell.replace(value.unwrap_or(Value::None)));
                Ok(())
            }
            "__dict__" => match value {
                Some(v) if matches!(v.payload(), Some(Payload::Dict(_))) => {
                    drop(o.dict.replace(v.as_obj().cloned()));
                    Ok(())
                }
                Some(v) => Err(self.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    self.type_name(&v)
                ))),
                None => Err(self.type_error("cannot delete __dict__")),
            },
            _ => {
                let d = self.instance_dict_of(o);
                match value {
                    Some(v) => {
                        crate::protocol::dict::dict_set_str_raw(self.types(), &d, name, v);
                        Ok(())
                    }
                    None => {
                        let key = self.new_str(name);
                        if self.dict_del(&d, &key)?.is_none() {
                            return Err(self.attribute_error(format!(
                                "'function' object has no attribute '{name}'"
                            )));
                        }
                        Ok(())
                    }
                }
            }
        }
    }

    /// An attribute of a bound method that the method type does not define
    /// comes from its function.
    pub fn bound_method_getattr(&mut self, m: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let Payload::BoundMethod { func, .. } = &m.payload else {
            return Ok(None);
        };
        let func = func.clone();
        let ty = m.class().clone();
        if let Some(d) = self.lookup_type(&ty, name) {
            return self
                .descr_get(d, Some(&Value::Obj(m.clone())), &ty)
                .map(Some);
        }
        // The error names the function, as CPython's does.
        self.getattr_str(&func, name).map(Some)
    }
}
