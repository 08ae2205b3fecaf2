//! `_thread` (Modules/_threadmodule.c), for a VM that runs one thread:
//! locks, RLock, `get_ident` and `_local` with their single-thread meaning,
//! enough for importlib's module locks and for `threading` to import.
//! `start_new_thread` raises until the VM gains threads.
//! A stand-in so that importlib's bootstrap runs on this branch: natives-a
//! writes the real `_thread` (thread.rs); when both are merged, this folder
//! and its `MODULES` entry go.

use crate::prelude;
use pyrs_vm::{ObjRef, PyResult, Vm};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    prelude::run(vm, module, "<frozen _thread>", include_str!("prelude.py"))
}
