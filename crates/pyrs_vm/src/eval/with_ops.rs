//! The context-manager opcodes: BEFORE_WITH (look up `__enter__`/`__exit__`
//! on the type, call `__enter__`) and WITH_EXCEPT_START (call `__exit__` with
//! the exception being handled). Reference: Python/ceval.c 3.11.

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// BEFORE_WITH: returns (the bound `__exit__`, the result of `__enter__`).
    pub(super) fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let ty = self.type_of(mgr).clone();
        let Some(enter) = self.lookup_type(&ty, "__enter__") else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(mgr)
            )));
        };
        let Some(exit) = self.lookup_type(&ty, "__exit__") else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(mgr)
            )));
        };
        let exit = self.descr_get(exit, Some(mgr), &ty)?;
        let enter = self.descr_get(enter, Some(mgr), &ty)?;
        let res = self.call(&enter, &[])?;
        Ok((exit, res))
    }

    /// WITH_EXCEPT_START: `exit(type(val), val, val.__traceback__)`.
    pub(super) fn with_except_start(&mut self, exit: &Value, val: &Value) -> PyResult<Value> {
        let tb = match val.payload() {
            Some(Payload::Exception(e)) => e.traceback.cloned(),
            _ => Value::None,
        };
        let ty = Value::Obj(self.type_of(val).clone());
        self.call(exit, &[ty, val.clone(), tb])
    }
}
