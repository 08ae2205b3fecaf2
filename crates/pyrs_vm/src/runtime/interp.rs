//! The interpreter state shared by every thread (CPython's PyInterpreterState):
//! builtin types, the `builtins` and `sys` modules, `sys.modules`, limits.

use crate::object::ObjRef;
use crate::runtime::types::Types;
use crate::Config;
use std::cell::Cell;

pub struct Interp {
    pub types: Types,
    pub config: Config,
    /// The `builtins` module and its dict.
    pub builtins: ObjRef,
    pub builtins_dict: ObjRef,
    pub sys: ObjRef,
    pub sys_dict: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    pub recursion_limit: Cell<usize>,
    /// `sys.get_int_max_str_digits()`: 0 means no limit.
    pub int_max_str_digits: Cell<usize>,
    /// The `sys.path_hooks` entries importlib's set-up installed, which the
    /// native path search stands in for (import_path.rs).
    pub default_path_hooks: crate::gil_cell::GilCell<Vec<crate::value::Value>>,
    /// importlib's FileFinder class, whose cached instances the native
    /// search stands in for (None until importlib is set up).
    pub file_finder: crate::gil_cell::GilCell<crate::value::Value>,
}

impl Interp {
    /// Build the interpreter state. It lives as long as the process, as
    /// CPython's main interpreter does, so threads can share it by reference.
    pub fn new(config: Config) -> &'static Interp {
        let types = Types::new();
        let modules = crate::protocol::new_dict_raw(&types);
        let (builtins, builtins_dict) = crate::builtins::make_module(&types);
        crate::builtins_class::install(&types, &builtins, &builtins_dict);
        let (sys, sys_dict) = crate::sysmodule::make_module(&types, &config, &modules);
        crate::protocol::dict_set_str_raw(&types, &modules, "builtins", builtins.clone().into());
        crate::protocol::dict_set_str_raw(&types, &modules, "sys", sys.clone().into());
        let int_max_str_digits = match crate::sys_info::int_max_str_digits_flag(&config) {
            -1 => crate::sys_info::DEFAULT_MAX_STR_DIGITS,
            n => n as usize,
        };
        Box::leak(Box::new(Interp {
            types,
            config,
            builtins,
            builtins_dict,
            sys,
            sys_dict,
            modules,
            recursion_limit: Cell::new(1000),
            int_max_str_digits: Cell::new(int_max_str_digits),
            default_path_hooks: crate::gil_cell::GilCell::new(Vec::new()),
            file_finder: crate::gil_cell::GilCell::new(crate::value::Value::None),
        }))
    }
}
