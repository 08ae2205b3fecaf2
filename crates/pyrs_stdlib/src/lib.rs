//! The standard library modules that CPython writes in C (its Modules/),
//! written in Rust, one file or folder each. The VM finds them through
//! `Config::native_modules`, which the command line fills with `MODULES`.

mod args;
mod atexit;
mod collections;
mod contextvars;
mod heapq;
mod itertools;
mod libm;
mod math;
mod native;
mod random;
mod string;
mod thread;
mod time;

use pyrs_vm::modules::ModuleDef;

/// Every native module of this crate, by import name.
pub const MODULES: &[ModuleDef] = &[
    ModuleDef {
        name: "math",
        init: math::init,
    },
    ModuleDef {
        name: "time",
        init: time::init,
    },
    ModuleDef {
        name: "_random",
        init: random::init,
    },
    ModuleDef {
        name: "_string",
        init: string::init,
    },
    ModuleDef {
        name: "itertools",
        init: itertools::init,
    },
    ModuleDef {
        name: "_thread",
        init: thread::init,
    },
    ModuleDef {
        name: "_collections",
        init: collections::init,
    },
    ModuleDef {
        name: "atexit",
        init: atexit::init,
    },
    ModuleDef {
        name: "_heapq",
        init: heapq::init,
    },
    ModuleDef {
        name: "_contextvars",
        init: contextvars::init,
    },
];
