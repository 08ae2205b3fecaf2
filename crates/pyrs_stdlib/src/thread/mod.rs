//! `_thread` (Modules/_threadmodule.c), for a VM that runs one thread:
//! locks, RLock, `get_ident` and `_local` with their single-thread meaning,
//! enough for importlib's module locks and for `threading` to import.
//! `start_new_thread` raises until the VM gains threads.

use crate::prelude;
use pyrs_vm::{ObjRef, PyResult, Vm};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    prelude::run(vm, module, "<frozen _thread>", include_str!("prelude.py"))
}
