//! The C library's clock and calendar functions that `time` is defined by
//! (clock_gettime, localtime_r, gmtime_r, mktime, strftime, tzset), called
//! directly so that local time, time zones and strftime behave exactly as in
//! CPython, which calls the same functions. The layouts are those of 64-bit
//! Linux (glibc and musl): `time_t` and `long` are 64 bits.

use std::ffi::{c_char, c_int};

#[repr(C)]
pub struct Timespec {
    pub tv_sec: i64,
    pub tv_nsec: i64,
}

/// `struct tm`, with the BSD/glibc `tm_gmtoff` and `tm_zone` fields.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Tm {
    pub tm_sec: c_int,
    pub tm_min: c_int,
    pub tm_hour: c_int,
    pub tm_mday: c_int,
    pub tm_mon: c_int,
    pub tm_year: c_int,
    pub tm_wday: c_int,
    pub tm_yday: c_int,
    pub tm_isdst: c_int,
    pub tm_gmtoff: i64,
    pub tm_zone: *const c_char,
}

impl Tm {
    pub fn zeroed() -> Tm {
        Tm {
            tm_sec: 0,
            tm_min: 0,
            tm_hour: 0,
            tm_mday: 0,
            tm_mon: 0,
            tm_year: 0,
            tm_wday: 0,
            tm_yday: 0,
            tm_isdst: 0,
            tm_gmtoff: 0,
            tm_zone: std::ptr::null(),
        }
    }

    /// The zone abbreviation, or "" when there is none.
    pub fn zone(&self) -> String {
        if self.tm_zone.is_null() {
            return String::new();
        }
        // SAFETY: a non-null tm_zone from the C library points at a
        // NUL-terminated string that lives as long as the process's zone data.
        unsafe { std::ffi::CStr::from_ptr(self.tm_zone) }
            .to_string_lossy()
            .into_owned()
    }
}

pub const CLOCK_REALTIME: c_int = 0;
pub const CLOCK_MONOTONIC: c_int = 1;
pub const CLOCK_PROCESS_CPUTIME_ID: c_int = 2;
pub const CLOCK_THREAD_CPUTIME_ID: c_int = 3;

mod ffi {
    use super::{Timespec, Tm};
    use std::ffi::{c_char, c_int};
    extern "C" {
        pub fn clock_gettime(clk: c_int, tp: *mut Timespec) -> c_int;
        pub fn clock_getres(clk: c_int, tp: *mut Timespec) -> c_int;
        pub fn localtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm;
        pub fn gmtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm;
        pub fn mktime(tm: *mut Tm) -> i64;
        pub fn strftime(s: *mut c_char, max: usize, fmt: *const c_char, tm: *const Tm) -> usize;
        pub fn tzset();
    }
}

/// A clock's reading in nanoseconds, or None if the clock is unavailable.
pub fn clock_ns(clk: c_int) -> Option<i128> {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid, writable timespec.
    let r = unsafe { ffi::clock_gettime(clk, &mut ts) };
    (r == 0).then(|| ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

/// A clock's resolution in seconds.
pub fn clock_res(clk: c_int) -> Option<f64> {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid, writable timespec.
    let r = unsafe { ffi::clock_getres(clk, &mut ts) };
    (r == 0).then_some(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

pub fn localtime(t: i64) -> Option<Tm> {
    let mut tm = Tm::zeroed();
    // SAFETY: both pointers are valid for the call.
    let r = unsafe { ffi::localtime_r(&t, &mut tm) };
    (!r.is_null()).then_some(tm)
}

pub fn gmtime(t: i64) -> Option<Tm> {
    let mut tm = Tm::zeroed();
    // SAFETY: both pointers are valid for the call.
    let r = unsafe { ffi::gmtime_r(&t, &mut tm) };
    (!r.is_null()).then_some(tm)
}

/// `mktime`, which also normalises the fields of `tm`.
pub fn mktime(tm: &mut Tm) -> i64 {
    // SAFETY: tm is a valid struct tm; tm_zone is null or a live C string.
    unsafe { ffi::mktime(tm) }
}

/// `strftime` into a buffer of `size` bytes: the bytes written, or None if
/// they did not fit (or the result is empty, which C cannot tell apart).
pub fn strftime(fmt: &std::ffi::CStr, tm: &Tm, size: usize) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; size];
    // SAFETY: buf has `size` writable bytes; fmt is NUL-terminated; tm is valid.
    let n = unsafe { ffi::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), tm) };
    (n > 0).then(|| {
        buf.truncate(n);
        buf
    })
}

pub fn tzset() {
    // SAFETY: no arguments; re-reads the TZ environment variable.
    unsafe { ffi::tzset() }
}
