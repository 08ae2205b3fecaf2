//! The standard library modules that CPython writes in C (its Modules/),
//! written in Rust, one file or folder each. The VM finds them through
//! `Config::native_modules`, which the command line fills with `MODULES`.

mod args;
mod errno;
mod imp;
mod io;
mod libm;
mod math;
pub mod posix;
mod prelude;
mod random;
mod string;
mod thread_stub;
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
        name: "_thread",
        init: thread_stub::init,
    },
    ModuleDef {
        name: "_warnings",
        init: warnings::init,
    },
];
