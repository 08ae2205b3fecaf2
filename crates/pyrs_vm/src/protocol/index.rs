//! `__index__` of classes: what lets an instance be a sequence index, a
//! slice bound or a repeat count. Reference: Objects/abstract.c `PyNumber_Index`.

use crate::error::PyResult;
use crate::object::Payload;
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
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
