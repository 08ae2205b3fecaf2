//! `time.struct_time`: the 9-tuple of a broken-down time with named fields
//! (Objects/structseq.c's struct sequence, Modules/timemodule.c `tmtotuple`,
//! `gettmarg`, `checktm`).
//!
//! The VM has no struct sequences yet: a struct_time is a tuple subtype
//! instance whose fields (`tm_year`... and the extra `tm_zone`, `tm_gmtoff`)
//! are also in its instance dict. Its repr is therefore a plain tuple's, and
//! the fields are not read-only.

use super::c_int_of;
use super::clib::Tm;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::protocol::dict::dict_get_str;
use pyrs_vm::protocol::dict_set_str_raw;
use pyrs_vm::runtime::types::{add_methods, new_type};
use pyrs_vm::vm::is_subtype;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::cell::RefCell;
use std::ffi::CString;

const FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];
/// The fields that are tuple items; the rest are attributes only.
const N_SEQUENCE_FIELDS: usize = 9;

thread_local! {
    static STRUCT_TIME: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

const METHODS: &[MethodDef] = &[MethodDef::staticmethod("__new__", struct_time_new)];

/// The `struct_time` type, made on first use.
pub fn type_object(vm: &Vm) -> ObjRef {
    let t = vm.types();
    STRUCT_TIME.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| {
                let ty = new_type(
                    &t.type_,
                    &t.dict,
                    "struct_time",
                    Some(&t.tuple),
                    BaseKind::Tuple,
                    false,
                );
                add_methods(t, &ty, METHODS);
                let d = &ty.payload_type().dict;
                dict_set_str_raw(t, d, "n_fields", Value::Int(FIELDS.len() as i64));
                dict_set_str_raw(
                    t,
                    d,
                    "n_sequence_fields",
                    Value::Int(N_SEQUENCE_FIELDS as i64),
                );
                dict_set_str_raw(t, d, "n_unnamed_fields", Value::Int(0));
                ty
            })
            .clone()
    })
}

/// A struct_time of the given 11 field values.
fn make(vm: &Vm, cls: &ObjRef, values: Vec<Value>) -> Value {
    let items: Vec<Value> = values[..N_SEQUENCE_FIELDS].to_vec();
    let obj = ObjRef::new(cls, Payload::Tuple(items.into()));
    let d = vm.new_dict();
    for (name, v) in FIELDS.iter().zip(values) {
        dict_set_str_raw(vm.types(), &d, name, v);
    }
    *obj.dict.get_mut() = Some(d);
    Value::Obj(obj)
}

/// `tmtotuple`: Python's conventions (years from 0, months from 1, Monday
/// is weekday 0, days of the year from 1).
pub fn from_tm(vm: &Vm, tm: &Tm) -> Value {
    let i = |x: i32| Value::Int(x as i64);
    let values = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        i(tm.tm_mon + 1),
        i(tm.tm_mday),
        i(tm.tm_hour),
        i(tm.tm_min),
        i(tm.tm_sec),
        i((tm.tm_wday + 6) % 7),
        i(tm.tm_yday + 1),
        i(tm.tm_isdst),
        vm.new_str(tm.zone()),
        Value::Int(tm.tm_gmtoff),
    ];
    make(vm, &type_object(vm), values)
}

/// `struct_time(sequence)`: 9 to 11 items; missing extra fields are None.
fn struct_time_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(cls) = pos.first().and_then(|c| c.as_obj()).cloned() else {
        return Err(vm.type_error("struct_time.__new__(X): X is not a type object"));
    };
    if pos.len() != 2 || args.has_kwargs() {
        return Err(vm.type_error(format!(
            "struct_time() takes exactly 1 argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let mut items = vm.iterate(&pos[1])?;
    if items.len() < N_SEQUENCE_FIELDS {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > FIELDS.len() {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({}-sequence given)",
            items.len()
        )));
    }
    items.resize(FIELDS.len(), Value::None);
    Ok(make(vm, &cls, items))
}

/// `gettmarg`: a time tuple (or struct_time) as a C `struct tm`. `message`
/// is the TypeError for a tuple of the wrong length. The returned string
/// keeps a struct_time's zone name alive while `tm_zone` points at it.
pub fn gettmarg(vm: &mut Vm, v: &Value, message: &str) -> PyResult<(Tm, Option<CString>)> {
    let Some(items) = v.as_tuple() else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if items.len() != N_SEQUENCE_FIELDS {
        return Err(vm.type_error(message.to_string()));
    }
    let items = items.to_vec();
    let mut f = [0i32; 9];
    for (slot, item) in f.iter_mut().zip(items.iter()) {
        *slot = c_int_of(vm, item)?;
    }
    let [year, mon, mday, hour, min, sec, wday, yday, isdst] = f;
    if (year as i64) < i32::MIN as i64 + 1900 {
        return Err(vm.overflow_error("year out of range"));
    }
    let mut tm = Tm::zeroed();
    tm.tm_year = year - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = mday;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_sec = sec;
    // C's remainder: a negative weekday stays negative and is refused later.
    tm.tm_wday = (wday + 1) % 7;
    tm.tm_yday = yday - 1;
    tm.tm_isdst = isdst;
    let mut zone = None;
    let is_struct_time = STRUCT_TIME.with(|s| {
        s.borrow()
            .as_ref()
            .is_some_and(|ty| is_subtype(vm.type_of(v), ty))
    });
    if is_struct_time {
        if let Some(d) = v.as_obj().and_then(|o| o.dict.get().clone()) {
            if let Some(z) =
                dict_get_str(&d, "tm_zone").and_then(|z| z.as_str().map(str::to_string))
            {
                zone = CString::new(z).ok();
            }
            if let Some(Value::Int(g)) = dict_get_str(&d, "tm_gmtoff") {
                tm.tm_gmtoff = g;
            }
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// `checktm`: the field ranges that strftime and asctime index tables by.
/// A zero month, day of month or day of year means "unspecified" and becomes
/// the lowest valid value.
pub fn checktm(vm: &Vm, tm: &mut Tm) -> PyResult<()> {
    let err = |m: &str| Err(vm.value_error(m.to_string()));
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    }
    if !(0..=11).contains(&tm.tm_mon) {
        return err("month out of range");
    }
    if !(1..=31).contains(&tm.tm_mday) {
        return err("day of month out of range");
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return err("hour out of range");
    }
    if !(0..=59).contains(&tm.tm_min) {
        return err("minute out of range");
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return err("seconds out of range");
    }
    // tm_wday was reduced modulo 7 by gettmarg.
    if tm.tm_wday < 0 {
        return err("day of week out of range");
    }
    if !(0..=365).contains(&tm.tm_yday) {
        return err("day of year out of range");
    }
    Ok(())
}
