//! The C math library functions, called from the system libm that std already
//! links, so results match CPython's (which calls the same functions) to the
//! last bit. Rust's own `f64` methods are not used for these: some (asinh,
//! acosh, atanh) are written in Rust, others may be folded or replaced by the
//! compiler, and their last bits differ from glibc's.

mod ffi {
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn ldexp(x: f64, exp: i32) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn dlsym(
            handle: *mut std::ffi::c_void,
            symbol: *const std::ffi::c_char,
        ) -> *mut std::ffi::c_void;
    }
}

type F64Fn = extern "C" fn(f64) -> f64;

/// `cbrt` is also defined, privately, by Rust's compiler-builtins, and the
/// static linker binds a plain reference to that copy, whose last bits differ
/// from glibc's. Look up the shared library's definition instead (private
/// symbols are not in the dynamic table, so `dlsym(RTLD_DEFAULT)` finds
/// libm's); fall back to Rust's if there is none.
pub fn cbrt(x: f64) -> f64 {
    static CBRT: std::sync::OnceLock<Option<F64Fn>> = std::sync::OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: dlsym with RTLD_DEFAULT (null) and a NUL-terminated name.
        let p = unsafe { ffi::dlsym(std::ptr::null_mut(), c"cbrt".as_ptr()) };
        // SAFETY: a non-null `cbrt` symbol is the C function double(double).
        (!p.is_null()).then(|| unsafe { std::mem::transmute::<*mut std::ffi::c_void, F64Fn>(p) })
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

macro_rules! wrap {
    ($($name:ident($($arg:ident: $t:ty),*);)*) => {
        $(pub fn $name($($arg: $t),*) -> f64 {
            // SAFETY: a pure C function of plain numbers.
            unsafe { ffi::$name($($arg),*) }
        })*
    };
}

wrap! {
    acos(x: f64);
    acosh(x: f64);
    asin(x: f64);
    asinh(x: f64);
    atan(x: f64);
    atanh(x: f64);
    cos(x: f64);
    cosh(x: f64);
    erf(x: f64);
    erfc(x: f64);
    exp(x: f64);
    exp2(x: f64);
    expm1(x: f64);
    log(x: f64);
    log10(x: f64);
    log1p(x: f64);
    log2(x: f64);
    sin(x: f64);
    sinh(x: f64);
    tan(x: f64);
    tanh(x: f64);
    atan2(y: f64, x: f64);
    pow(x: f64, y: f64);
    fmod(x: f64, y: f64);
    ldexp(x: f64, exp: i32);
    nextafter(x: f64, y: f64);
}
