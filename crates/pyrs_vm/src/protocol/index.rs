//! Special methods that builtin operations consult on classes: `__index__`
//! (an instance as a sequence index or slice bound) and `__missing__` (a dict
//! subclass's missing keys). Reference: Objects/abstract.c `PyNumber_Index`,
//! Objects/dictobject.c `dict_subscript`.

use crate::error::PyResult;
use crate::object::Payload;
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// A key missing from a dict: a dict subclass's `__missing__` decides,
    /// else KeyError (dict_subscript).
    pub fn dict_missing(&mut self, d: &crate::object::ObjRef, key: &Value) -> PyResult<Value> {
        let ty = d.class().clone();
        if ty.payload_type().heap_type {
            if let Some(m) = self.lookup_type(&ty, "__missing__") {
                return self.call_method_value(
                    &m,
                    &Value::Obj(d.clone()),
                    std::slice::from_ref(key),
                );
            }
        }
        Err(self.key_error(key.clone()))
    }

    /// `operator.index(v)` for an instance of a class defining `__index__`:
    /// `Ok(None)` when it does not define one.
    pub fn index_special(&mut self, v: &Value) -> PyResult<Option<Value>> {
        let Some(o) = v.as_obj() else { return Ok(None) };
        let ty = o.class().clone();
        if !ty.payload_type().heap_type {
            return Ok(None);
        }
        let Some(m) = self.lookup_type(&ty, "__index__") else {
            return Ok(None);
        };
        let r = self.call_method_value(&m, v, &[])?;
        let is_int = as_int(&r).is_some() && !matches!(r.payload(), Some(Payload::Float(_)));
        if !is_int {
            return Err(self.type_error(format!(
                "__index__ returned non-int (type {})",
                self.type_name(&r)
            )));
        }
        Ok(Some(r))
    }
}
