//! The standard library modules that CPython writes in C (its Modules/),
//! written in Rust, one file or folder each. The VM finds them through
//! `Config::native_modules`, which the command line fills with `MODULES`.

mod args;
mod collections;
mod contextvars;
mod errno;
mod imp;
mod io;
mod itertools;
mod libm;
mod math;
mod native;
pub mod posix;
mod prelude;
mod random;
mod string;
mod thread;
mod time;
mod warnings;

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
        name: "posix",
        init: posix::init,
    },
    ModuleDef {
        name: "errno",
        init: errno::init,
    },
    ModuleDef {
        name: "_io",
        init: io::init,
    },
    ModuleDef {
        name: "_imp",
        init: imp::init,
    },
    ModuleDef {
        name: "_frozen_importlib",
        init: imp::init_bootstrap,
    },
    ModuleDef {
        name: "_frozen_importlib_external",
        init: imp::init_bootstrap_external,
    },
    ModuleDef {
        name: "_warnings",
        init: warnings::init,
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
        name: "_contextvars",
        init: contextvars::init,
    },
];
