//! The standard library modules that CPython writes in C (its Modules/),
//! written in Rust, one file or folder each. The VM finds them through
//! `Config::native_modules`, which the command line fills with `MODULES`.

mod args;
mod errno;
mod io;
mod libm;
mod math;
mod posix;
mod prelude;
mod random;
mod string;
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
];
