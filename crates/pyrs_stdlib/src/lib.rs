//! The standard library modules that CPython writes in C (its Modules/),
//! written in Rust, one file or folder each. The VM finds them through
//! `Config::native_modules`, which the command line fills with `MODULES`.

mod abc;
mod args;
mod atexit;
mod binascii;
mod codecs;
mod collections;
mod contextvars;
mod errno;
mod frozen;
mod hashlib;
mod heapq;
mod held;
mod imp;
mod io;
mod itertools;
mod libm;
mod math;
mod native;
mod operator;
pub mod posix;
mod prelude;
mod random;
mod signal;
mod sre;
mod string;
mod struct_;
mod thread;
mod time;
mod warnings;

use pyrs_vm::modules::ModuleDef;

/// Every native module of this crate, by import name.
pub const MODULES: &[ModuleDef] = &[
    ModuleDef {
        name: "_abc",
        init: abc::init,
    },
    ModuleDef {
        name: "math",
        init: math::init,
    },
    ModuleDef {
        name: "time",
        init: time::init,
    },
    ModuleDef {
        name: "binascii",
        init: binascii::init,
    },
    ModuleDef {
        name: "_codecs",
        init: codecs::init,
    },
    ModuleDef {
        name: "_random",
        init: random::init,
    },
    ModuleDef {
        name: "_sre",
        init: sre::init,
    },
    ModuleDef {
        name: "_string",
        init: string::init,
    },
    ModuleDef {
        name: "_struct",
        init: struct_::init,
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
    ModuleDef {
        name: "_signal",
        init: signal::init,
    },
    ModuleDef {
        name: "_md5",
        init: hashlib::md5::init,
    },
    ModuleDef {
        name: "_sha1",
        init: hashlib::sha1::init,
    },
    ModuleDef {
        name: "_sha256",
        init: hashlib::sha256::init,
    },
    ModuleDef {
        name: "_sha512",
        init: hashlib::sha512::init,
    },
    ModuleDef {
        name: "_sha3",
        init: hashlib::sha3::init,
    },
    ModuleDef {
        name: "_blake2",
        init: hashlib::blake2::init,
    },
    ModuleDef {
        name: "_operator",
        init: operator::init,
    },
];
