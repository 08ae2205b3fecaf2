//! The facts `sys` publishes as struct sequences (`version_info`, `flags`,
//! `float_info`, `int_info`, `hash_info`), and the int/str conversion limit
//! behind `sys.set_int_max_str_digits` (PEP 651's successor, CVE-2020-10735).

use crate::error::PyResult;
use crate::objects::native::Args;
use crate::objects::structseq::{new_structseq_in, new_type_from, StructSeqDesc};
use crate::runtime::types::Types;
use crate::types::args::kw;
use crate::value::Value;
use crate::vm::Vm;
use crate::Config;

/// `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// `sys.int_info.str_digits_check_threshold`: the smallest non-zero limit.
pub const STR_DIGITS_CHECK_THRESHOLD: usize = 640;

static VERSION_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.version_info",
    doc: "sys.version_info\n\nVersion information as a named tuple.",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_sequence: 5,
};

static FLAGS: StructSeqDesc = StructSeqDesc {
    name: "sys.flags",
    doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
    fields: &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ],
    n_sequence: 18,
};

static FLOAT_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.float_info",
    doc: "sys.float_info\n\nA named tuple holding information about the float type.",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    n_sequence: 11,
};

static INT_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.int_info",
    doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.",
    fields: &[
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ],
    n_sequence: 4,
};

static HASH_INFO: StructSeqDesc = StructSeqDesc {
    name: "sys.hash_info",
    doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes.",
    fields: &[
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ],
    n_sequence: 9,
};

/// The `-X int_max_str_digits=N` option, else `PYTHONINTMAXSTRDIGITS`, else -1
/// (the default), as `sys.flags.int_max_str_digits` shows it.
pub fn int_max_str_digits_flag(config: &Config) -> i64 {
    let x = config
        .xoptions
        .iter()
        .rev()
        .find_map(|o| o.strip_prefix("int_max_str_digits="));
    let env = if config.ignore_environment {
        None
    } else {
        std::env::var("PYTHONINTMAXSTRDIGITS").ok()
    };
    x.map(str::to_string)
        .or(env)
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|&n| n == 0 || n >= STR_DIGITS_CHECK_THRESHOLD as i64)
        .unwrap_or(-1)
}

/// Set `version_info`, `flags`, `float_info`, `int_info` and `hash_info` in
/// the `sys` namespace through `set`.
pub fn install(types: &Types, config: &Config, set: &dyn Fn(&str, Value)) {
    let s = |v: &str| crate::objects::code::str_obj(types, v);
    let i = |v: i64| Value::Int(v);
    let b = |v: bool| Value::Int(v as i64);
    let make = |desc: &'static StructSeqDesc, values: Vec<Value>| {
        let ty = new_type_from(types, desc);
        new_structseq_in(types, &ty, values)
    };
    set(
        "version_info",
        make(&VERSION_INFO, vec![i(3), i(11), i(7), s("final"), i(0)]),
    );
    let hash_seed_zero = !config.ignore_environment
        && std::env::var("PYTHONHASHSEED").is_ok_and(|v| v.trim() == "0");
    set(
        "flags",
        make(
            &FLAGS,
            vec![
                i(0),
                i(0),
                i(0),
                i(config.optimize as i64),
                b(config.dont_write_bytecode),
                b(config.no_user_site || config.isolated),
                b(config.no_site),
                b(config.ignore_environment),
                i(0),
                i(0),
                i(0),
                b(!hash_seed_zero),
                b(config.isolated),
                Value::Bool(false),
                i(utf8_mode(config) as i64),
                i(0),
                Value::Bool(config.safe_path || config.isolated),
                i(int_max_str_digits_flag(config)),
            ],
        ),
    );
    set(
        "float_info",
        make(
            &FLOAT_INFO,
            vec![
                Value::Float(f64::MAX),
                i(f64::MAX_EXP as i64),
                i(f64::MAX_10_EXP as i64),
                Value::Float(f64::MIN_POSITIVE),
                i(f64::MIN_EXP as i64),
                i(f64::MIN_10_EXP as i64),
                i(f64::DIGITS as i64),
                i(f64::MANTISSA_DIGITS as i64),
                Value::Float(f64::EPSILON),
                i(f64::RADIX as i64),
                i(1),
            ],
        ),
    );
    set(
        "int_info",
        make(
            &INT_INFO,
            vec![
                i(30),
                i(4),
                i(DEFAULT_MAX_STR_DIGITS as i64),
                i(STR_DIGITS_CHECK_THRESHOLD as i64),
            ],
        ),
    );
    set(
        "hash_info",
        make(
            &HASH_INFO,
            vec![
                i(64),
                i((1 << 61) - 1),
                i(314159),
                i(0),
                i(1000003),
                s("siphash13"),
                i(64),
                i(128),
                i(0),
            ],
        ),
    );
}

/// `sys.get_int_max_str_digits()`.
pub fn sys_get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    kw(vm, "get_int_max_str_digits", &args, [], 0, 0)?;
    Ok(Value::Int(vm.interp.int_max_str_digits.get() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`: 0 (no limit) or at least 640.
pub fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = kw(vm, "set_int_max_str_digits", &args, ["maxdigits"], 1, 0)?;
    let n = vm.index_i64(&n.unwrap_or(Value::None))?;
    if n != 0 && n < STR_DIGITS_CHECK_THRESHOLD as i64 {
        return Err(vm.value_error(format!(
            "maxdigits must be 0 or larger than {STR_DIGITS_CHECK_THRESHOLD}"
        )));
    }
    vm.interp.int_max_str_digits.set(n as usize);
    Ok(Value::None)
}

/// PEP 540's UTF-8 mode: `-X utf8[=1]` or PYTHONUTF8=1 (unless -E/-I);
/// `_io` reads it for the default text encoding.
fn utf8_mode(config: &Config) -> bool {
    for o in config.xoptions.iter().rev() {
        match o.as_str() {
            "utf8" | "utf8=1" => return true,
            "utf8=0" => return false,
            _ => {}
        }
    }
    !config.ignore_environment
        && !config.isolated
        && std::env::var("PYTHONUTF8").is_ok_and(|v| v == "1")
}
