//! Errors are values (DESIGN.md decision 5): every fallible operation returns
//! `PyResult`, whose error is a raised Python exception instance.

use crate::object::ObjRef;

/// A raised exception: always an instance of a `BaseException` subclass.
#[derive(Clone, Debug)]
pub struct PyErr(pub ObjRef);

impl PyErr {
    pub fn exc(&self) -> &ObjRef {
        &self.0
    }
}

pub type PyResult<T> = Result<T, PyErr>;
