//! The integer functions of `math`: factorial, gcd, lcm, comb, perm, isqrt,
//! on ints of any size (with `__index__`), with CPython's messages and limits.
//! Reference: Modules/mathmodule.c `math_factorial`, `math_gcd`, `math_lcm`,
//! `math_comb_impl`, `math_perm_impl`, `math_isqrt`.
//!
//! Products are taken as balanced binary trees, so big results cost a few
//! large multiplications instead of many small ones. A result that would need
//! more than `MAX_RESULT_BITS` bits raises MemoryError up front instead of
//! running for hours (CPython would try, and fail the allocation later).

use crate::args::{check, fargs, to_index};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use pyrs_vm::objects::native::Args;
use pyrs_vm::{PyResult, Value, Vm};

/// 2**31 bits (256 MiB): past this a result is refused with MemoryError.
const MAX_RESULT_BITS: f64 = 2147483648.0;

/// lo * (lo+1) * ... * hi, for lo <= hi.
fn range_product_u64(lo: u64, hi: u64) -> BigInt {
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut word: u64 = 1;
        for v in lo..=hi {
            match word.checked_mul(v) {
                Some(w) => word = w,
                None => {
                    acc *= word;
                    word = v;
                }
            }
        }
        return acc * word;
    }
    let mid = lo + (hi - lo) / 2;
    range_product_u64(lo, mid) * range_product_u64(mid + 1, hi)
}

/// lo * (lo+1) * ... * (lo+count-1) for a big lo.
fn range_product_big(lo: &BigInt, count: u64) -> BigInt {
    if count == 0 {
        return BigInt::one();
    }
    if count <= 8 {
        let mut acc = lo.clone();
        for i in 1..count {
            acc *= lo + i;
        }
        return acc;
    }
    let half = count / 2;
    range_product_big(lo, half) * range_product_big(&(lo + half), count - half)
}

fn factorial_u64(n: u64) -> BigInt {
    if n < 2 {
        BigInt::one()
    } else {
        range_product_u64(1, n)
    }
}

/// Refuse a result of about `bits` bits that could not reasonably be built.
fn check_size(vm: &Vm, bits: f64) -> PyResult<()> {
    if bits > MAX_RESULT_BITS {
        return Err(vm.memory_error());
    }
    Ok(())
}

pub fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "math.factorial", &a, 1, 1)?;
    factorial_of(vm, &pos[0])
}

fn factorial_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = to_index(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    let n = n as u64;
    check_size(vm, n as f64 * (n as f64).log2())?;
    Ok(vm.new_bigint(factorial_u64(n)))
}

pub fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("gcd() takes no keyword arguments"));
    }
    let mut res = BigInt::zero();
    for v in a.pos() {
        let x = to_index(vm, v)?;
        if !res.is_one() {
            res = res.gcd(&x);
        }
    }
    Ok(vm.new_bigint(res))
}

pub fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    if a.has_kwargs() {
        return Err(vm.type_error("lcm() takes no keyword arguments"));
    }
    let mut res = BigInt::one();
    for v in a.pos() {
        let x = to_index(vm, v)?;
        if res.is_zero() {
            // Only the remaining arguments' types still matter.
            continue;
        }
        if x.is_zero() {
            res = BigInt::zero();
            continue;
        }
        let g = res.gcd(&x);
        res = (&res / &g * &x).abs();
    }
    Ok(vm.new_bigint(res))
}

pub fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "math.isqrt", &a, 1, 1)?;
    let n = to_index(vm, &pos[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

/// The non-negative int arguments n and k of comb and perm.
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = to_index(vm, n)?;
    let k = to_index(vm, k)?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.sign() == Sign::Minus {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// n * (n-1) * ... * (n-k+1), for k <= n.
fn falling_product(vm: &Vm, n: &BigInt, k: u64) -> PyResult<BigInt> {
    let log_n = n.bits() as f64;
    check_size(vm, k as f64 * log_n)?;
    let lo = n - k + 1u32;
    Ok(match (lo.to_u64(), n.to_u64()) {
        (Some(l), Some(h)) if k > 0 => range_product_u64(l, h),
        _ => range_product_big(&lo, k),
    })
}

pub fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "comb", &a, 2, 2)?;
    let (n, k) = n_and_k(vm, &pos[0], &pos[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let k = k as u64;
    let num = falling_product(vm, &n, k)?;
    Ok(vm.new_bigint(num / factorial_u64(k)))
}

pub fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fargs(&args);
    let pos = check(vm, "perm", &a, 1, 2)?;
    // perm(n) is factorial(n), messages included.
    if pos.len() == 1 || matches!(pos[1], Value::None) {
        return factorial_of(vm, &pos[0]);
    }
    let (n, k) = n_and_k(vm, &pos[0], &pos[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    Ok(vm.new_bigint(falling_product(vm, &n, k as u64)?))
}
