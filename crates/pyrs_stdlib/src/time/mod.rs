//! `time` (Modules/timemodule.c): clocks, sleep, and the calendar functions
//! over the C library (see `clib.rs`), with CPython's argument rules and
//! messages; `struct_time` is in `struct_time.rs`.
//!
//! Not here yet: `strptime` (CPython's calls the pure-Python _strptime),
//! `clock_settime`, `pthread_getcpuclockid`. `sleep` does not release the GIL
//! (the VM has no API for that yet).

mod clib;
mod struct_time;

use crate::args::{as_float, check, fargs, to_index};
use clib::Tm;
use num_traits::ToPrimitive;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::protocol::dict_set_str_raw;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::ffi::c_int;

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("time", time_time),
    MethodDef::method("time_ns", time_time_ns),
    MethodDef::method("monotonic", time_monotonic),
    MethodDef::method("monotonic_ns", time_monotonic_ns),
    MethodDef::method("perf_counter", time_monotonic),
    MethodDef::method("perf_counter_ns", time_monotonic_ns),
    MethodDef::method("process_time", time_process_time),
    MethodDef::method("process_time_ns", time_process_time_ns),
    MethodDef::method("thread_time", time_thread_time),
    MethodDef::method("thread_time_ns", time_thread_time_ns),
    MethodDef::method("clock_gettime", time_clock_gettime),
    MethodDef::method("clock_gettime_ns", time_clock_gettime_ns),
    MethodDef::method("clock_getres", time_clock_getres),
    MethodDef::method("get_clock_info", time_get_clock_info),
    MethodDef::method("sleep", time_sleep),
    MethodDef::method("gmtime", time_gmtime),
    MethodDef::method("localtime", time_localtime),
    MethodDef::method("mktime", time_mktime),
    MethodDef::method("asctime", time_asctime),
    MethodDef::method("ctime", time_ctime),
    MethodDef::method("strftime", time_strftime),
    MethodDef::method("tzset", time_tzset),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    for (name, v) in [
        ("CLOCK_REALTIME", clib::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", clib::CLOCK_MONOTONIC),
        ("CLOCK_PROCESS_CPUTIME_ID", clib::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", clib::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_MONOTONIC_RAW", 4),
        ("CLOCK_BOOTTIME", 7),
        ("CLOCK_TAI", 11),
    ] {
        set_attr(vm, module, name, Value::Int(v as i64));
    }
    set_attr(vm, module, "_STRUCT_TM_ITEMS", Value::Int(11));
    let st = struct_time::type_object(vm);
    set_attr(vm, module, "struct_time", Value::Obj(st));
    clib::tzset();
    init_timezone(vm, module);
    Ok(())
}

/// `timezone`, `altzone`, `daylight` and `tzname` from the local time of
/// January and July of this year, as CPython does where the C library has
/// `tm_gmtoff`/`tm_zone`; the one further west is standard time (this also
/// handles the southern hemisphere, where summer time is in January).
fn init_timezone(vm: &mut Vm, module: &ObjRef) {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = clib::clock_ns(clib::CLOCK_REALTIME).unwrap_or(0) / 1_000_000_000;
    let t = (now as i64 / YEAR) * YEAR;
    let zone = |t: i64| match clib::localtime(t) {
        Some(tm) => {
            let mut name = tm.zone();
            name.truncate(9);
            (-tm.tm_gmtoff, name)
        }
        None => (0, String::from("UTC")),
    };
    let (janzone, janname) = zone(t);
    let (julyzone, julyname) = zone(t + YEAR / 2);
    let daylight = Value::Int((janzone != julyzone) as i64);
    let (timezone, altzone, std_name, dst_name) = if janzone < julyzone {
        (julyzone, janzone, julyname, janname)
    } else {
        (janzone, julyzone, janname, julyname)
    };
    set_attr(vm, module, "timezone", Value::Int(timezone));
    set_attr(vm, module, "altzone", Value::Int(altzone));
    set_attr(vm, module, "daylight", daylight);
    let names = vm.new_tuple(vec![vm.new_str(std_name), vm.new_str(dst_name)]);
    set_attr(vm, module, "tzname", names);
}

// ----- clocks -----

fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    check(vm, name, &fargs(args), 0, 0).map(|_| ())
}

fn read_clock(vm: &Vm, clk: c_int) -> PyResult<i128> {
    clib::clock_ns(clk)
        .ok_or_else(|| vm.new_error(&vm.types().exc.os_error, "clock_gettime failed"))
}

/// Nanoseconds as float seconds, as `_PyTime_AsSecondsDouble` rounds them.
fn ns_to_secs(ns: i128) -> f64 {
    if ns % 1_000_000_000 == 0 {
        (ns / 1_000_000_000) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn ns_value(vm: &Vm, ns: i128) -> Value {
    vm.new_bigint(num_bigint::BigInt::from(ns))
}

macro_rules! clock_fns {
    ($($secs:ident, $ns:ident: $name:literal, $clk:expr;)*) => {
        $(
            fn $secs(vm: &mut Vm, args: Args) -> PyResult<Value> {
                no_args(vm, &args, $name)?;
                Ok(Value::Float(ns_to_secs(read_clock(vm, $clk)?)))
            }
            fn $ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
                no_args(vm, &args, concat!($name, "_ns"))?;
                let ns = read_clock(vm, $clk)?;
                Ok(ns_value(vm, ns))
            }
        )*
    };
}

clock_fns! {
    time_time, time_time_ns: "time", clib::CLOCK_REALTIME;
    time_monotonic, time_monotonic_ns: "monotonic", clib::CLOCK_MONOTONIC;
    time_process_time, time_process_time_ns: "process_time", clib::CLOCK_PROCESS_CPUTIME_ID;
    time_thread_time, time_thread_time_ns: "thread_time", clib::CLOCK_THREAD_CPUTIME_ID;
}

fn clock_id(vm: &mut Vm, args: &Args, name: &str) -> PyResult<c_int> {
    let a = fargs(args);
    let pos = check(vm, name, &a, 1, 1)?;
    let id = to_index(vm, &pos[0])?;
    id.to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

fn clock_error(vm: &Vm) -> pyrs_vm::PyErr {
    let t = vm.types();
    pyrs_vm::PyErr(vm.new_exception(
        &t.exc.os_error,
        vec![Value::Int(22), vm.new_str("Invalid argument")],
    ))
}

fn time_clock_gettime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let clk = clock_id(vm, &args, "clock_gettime")?;
    match clib::clock_ns(clk) {
        Some(ns) => Ok(Value::Float(ns_to_secs(ns))),
        None => Err(clock_error(vm)),
    }
}

fn time_clock_gettime_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let clk = clock_id(vm, &args, "clock_gettime_ns")?;
    match clib::clock_ns(clk) {
        Some(ns) => Ok(ns_value(vm, ns)),
        None => Err(clock_error(vm)),
    }
}

fn time_clock_getres(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let clk = clock_id(vm, &args, "clock_getres")?;
    match clib::clock_res(clk) {
        Some(r) => Ok(Value::Float(r)),
        None => Err(clock_error(vm)),
    }
}

/// `get_clock_info(name)`: a namespace describing one of the clocks.
fn time_get_clock_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "get_clock_info", &a, 1, 1)?;
    let Some(name) = pos[0].as_str() else {
        return Err(vm.type_error(format!(
            "get_clock_info() argument must be str, not {}",
            vm.type_name(&pos[0])
        )));
    };
    let (clk, implementation, monotonic, adjustable) = match name {
        "time" => (
            clib::CLOCK_REALTIME,
            "clock_gettime(CLOCK_REALTIME)",
            false,
            true,
        ),
        "monotonic" | "perf_counter" => (
            clib::CLOCK_MONOTONIC,
            "clock_gettime(CLOCK_MONOTONIC)",
            true,
            false,
        ),
        "process_time" => (
            clib::CLOCK_PROCESS_CPUTIME_ID,
            "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
            true,
            false,
        ),
        "thread_time" => (
            clib::CLOCK_THREAD_CPUTIME_ID,
            "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
            true,
            false,
        ),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let t = vm.types();
    let ns = ObjRef::new(&t.simple_namespace, Payload::Instance);
    let d = vm.new_dict();
    dict_set_str_raw(t, &d, "implementation", vm.new_str(implementation));
    dict_set_str_raw(t, &d, "monotonic", Value::Bool(monotonic));
    dict_set_str_raw(t, &d, "adjustable", Value::Bool(adjustable));
    let res = clib::clock_res(clk).unwrap_or(1e-9);
    dict_set_str_raw(t, &d, "resolution", Value::Float(res));
    *ns.dict.get_mut() = Some(d);
    Ok(Value::Obj(ns))
}

/// `sleep(secs)`: seconds as a float or int, not negative.
fn time_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "time.sleep", &a, 1, 1)?;
    let v = &pos[0];
    let too_big = |vm: &Vm| vm.overflow_error("timestamp too large to convert to C _PyTime_t");
    let ns: i128 = if let Some(x) = as_float(v) {
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        // Round away from zero, as CPython's timeout rounding does.
        let ns = (x * 1e9).ceil();
        if ns.abs() >= 9.2e18 {
            return Err(too_big(vm));
        }
        ns as i128
    } else {
        let i = to_index(vm, v)?;
        match i.to_i64().and_then(|s| s.checked_mul(1_000_000_000)) {
            Some(ns) => ns as i128,
            None => return Err(too_big(vm)),
        }
    };
    if ns < 0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(std::time::Duration::from_nanos(ns as u64));
    Ok(Value::None)
}

// ----- calendar -----

/// A seconds argument (`_PyTime_ObjectToTime_t`, rounding down); None is now.
fn secs_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let out_of_range = |vm: &Vm| vm.overflow_error("timestamp out of range for platform time_t");
    match v {
        None | Some(Value::None) => {
            Ok((read_clock(vm, clib::CLOCK_REALTIME)?.div_euclid(1_000_000_000)) as i64)
        }
        Some(v) => {
            if let Some(x) = as_float(v) {
                if x.is_nan() {
                    return Err(vm.value_error("Invalid value NaN (not a number)"));
                }
                let f = x.floor();
                if !(-9.223372036854776e18..9.223372036854776e18).contains(&f) {
                    return Err(out_of_range(vm));
                }
                return Ok(f as i64);
            }
            to_index(vm, v)?.to_i64().ok_or_else(|| out_of_range(vm))
        }
    }
}

fn optional_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<Option<&'a Value>> {
    let a = fargs(args);
    let pos = check(vm, name, &a, 0, 1)?;
    Ok(pos.first())
}

fn time_gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = optional_arg(vm, &args, "gmtime")?;
    let t = secs_arg(vm, v)?;
    match clib::gmtime(t) {
        Some(tm) => Ok(struct_time::from_tm(vm, &tm)),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

fn localtime_of(vm: &mut Vm, v: Option<&Value>) -> PyResult<Tm> {
    let t = secs_arg(vm, v)?;
    clib::localtime(t)
        .ok_or_else(|| vm.overflow_error("timestamp out of range for platform time_t"))
}

fn time_localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = optional_arg(vm, &args, "localtime")?;
    let tm = localtime_of(vm, v)?;
    Ok(struct_time::from_tm(vm, &tm))
}

fn time_mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "time.mktime", &a, 1, 1)?;
    let (mut tm, _zone) =
        struct_time::gettmarg(vm, &pos[0], "mktime(): illegal time tuple argument")?;
    // mktime leaves tm_wday alone on failure; -1 cannot be a real result's.
    tm.tm_wday = -1;
    let t = clib::mktime(&mut tm);
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

const WDAY_NAME: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MON_NAME: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `_asctime`: "Sun Sep 16 01:03:52 1973", for a checked struct tm.
fn asctime(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY_NAME[tm.tm_wday.rem_euclid(7) as usize],
        MON_NAME[tm.tm_mon.clamp(0, 11) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn time_asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = optional_arg(vm, &args, "asctime")?;
    let tm = match v {
        None => localtime_of(vm, None)?,
        Some(t) => {
            let (mut tm, _zone) =
                struct_time::gettmarg(vm, t, "asctime(): illegal time tuple argument")?;
            struct_time::checktm(vm, &mut tm)?;
            tm
        }
    };
    Ok(vm.new_str(asctime(&tm)))
}

fn time_ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = optional_arg(vm, &args, "ctime")?;
    let tm = localtime_of(vm, v)?;
    Ok(vm.new_str(asctime(&tm)))
}

fn time_strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "strftime", &a, 1, 2)?;
    let Some(format) = pos[0].as_str() else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&pos[0])
        )));
    };
    let format = format.to_string();
    let (mut tm, _zone) = match pos.get(1) {
        None => (localtime_of(vm, None)?, None),
        Some(t) => struct_time::gettmarg(vm, t, "strftime(): illegal time tuple argument")?,
    };
    struct_time::checktm(vm, &mut tm)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let Ok(fmt) = std::ffi::CString::new(format.as_bytes()) else {
        return Err(vm.value_error("embedded null character"));
    };
    // Grow the buffer until the result fits; an empty result is only
    // accepted once the buffer is far larger than any expansion.
    let fmtlen = format.len();
    let mut size = 1024usize;
    let out = loop {
        if let Some(b) = clib::strftime(&fmt, &tm, size) {
            break b;
        }
        if size >= 256 * fmtlen {
            break Vec::new();
        }
        size += size;
    };
    Ok(vm.new_str(String::from_utf8_lossy(&out).into_owned()))
}

fn time_tzset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "tzset")?;
    clib::tzset();
    if let Some(Value::Obj(m)) = args.args.first() {
        let m = m.clone();
        init_timezone(vm, &m);
    }
    Ok(Value::None)
}

/// The C `int` of a time-tuple field.
fn c_int_of(vm: &mut Vm, v: &Value) -> PyResult<c_int> {
    let i = to_index(vm, v)?;
    match i.to_i32() {
        Some(x) => Ok(x),
        None if i.sign() == num_bigint::Sign::Minus => {
            Err(vm.overflow_error("signed integer is less than minimum"))
        }
        None => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
}
