//! `_warnings` (Python/_warnings.c), the part importlib's bootstrap needs:
//! the filter list and `warn` / `warn_explicit` deciding by it (so that
//! warnings.py adopts them and needs no `re` at import), in Python.

use crate::prelude;
use pyrs_vm::{ObjRef, PyResult, Vm};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    prelude::run(vm, module, crate::frozen::WARNINGS_PRELUDE)
}
