//! itertools' combinatoric iterators: product, permutations, combinations and
//! combinations_with_replacement. Each reads its inputs into tuples up front
//! (as CPython does) and then steps an index vector in Rust; the results come
//! out in CPython's lexicographic order.

use super::stop;
use crate::args::to_index;
use crate::native::{class, iter_self, new_cls, new_instance, rest, state, this, Refs};
use num_traits::ToPrimitive;
use pyrs_vm::modules::set_attr;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

pub fn init(vm: &mut Vm, module: &ObjRef) {
    let classes: [(&str, &[MethodDef]); 4] = [
        (
            "product",
            &[
                MethodDef::staticmethod("__new__", product_new),
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__next__", product_next),
            ],
        ),
        (
            "permutations",
            &[
                MethodDef::staticmethod("__new__", permutations_new),
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__next__", permutations_next),
            ],
        ),
        (
            "combinations",
            &[
                MethodDef::staticmethod("__new__", combinations_new),
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__next__", combinations_next),
            ],
        ),
        (
            "combinations_with_replacement",
            &[
                MethodDef::staticmethod("__new__", cwr_new),
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__next__", cwr_next),
            ],
        ),
    ];
    for (name, methods) in classes {
        let c = class(vm, super::MODULE, name, None, BaseKind::Object, methods);
        set_attr(vm, module, name, Value::Obj(c));
    }
}

/// Shared by the four: the pool(s), the index vector, and whether the first
/// result was made. Only the pool values are Python references.
struct Combo {
    /// product: one pool per input (repeated); the others: one pool.
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    /// permutations' countdown per position.
    cycles: Vec<usize>,
    r: usize,
    started: bool,
}

impl Refs for Combo {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(f);
    }
}

/// A non-negative `r` (ValueError "r must be non-negative").
fn r_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = to_index(vm, v)?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("r must be non-negative"));
    }
    n.to_usize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn new_combo(cls: &ObjRef, pools: Vec<Vec<Value>>, r: usize, indices: Vec<usize>) -> Value {
    let n = pools.first().map_or(0, Vec::len);
    new_instance(
        cls,
        Combo {
            pools,
            indices,
            cycles: (0..r).map(|i| n.saturating_sub(i)).collect(),
            r,
            started: false,
        },
    )
}

/// Run `step` on the state; it returns the next result's items, or None when
/// exhausted (then the state is dropped).
fn advance(
    vm: &mut Vm,
    args: &Args,
    what: &str,
    step: impl FnOnce(&mut Combo) -> Option<Vec<Value>>,
) -> PyResult<Value> {
    let me = this(vm, args)?;
    let cell = state::<Combo>(vm, me, what)?;
    // `step` only moves indices and clones values: no Python code runs while
    // the state is borrowed.
    let items = match cell.get_mut() {
        Some(c) => step(c),
        None => None,
    };
    match items {
        Some(items) => Ok(vm.new_tuple(items)),
        None => {
            let old = cell.replace(None);
            drop(old);
            stop(vm)
        }
    }
}

fn product_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "product")?;
    let a = rest(&args);
    let mut repeat = 1usize;
    for (k, v) in a.kwargs() {
        if k != "repeat" {
            return Err(vm.type_error(format!(
                "product() got an unexpected keyword argument '{k}'"
            )));
        }
        let n = to_index(vm, v)?;
        if n.sign() == num_bigint::Sign::Minus {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
        repeat = n
            .to_usize()
            .ok_or_else(|| vm.overflow_error("repeat argument too large"))?;
    }
    let mut base = Vec::with_capacity(a.pos().len());
    for x in a.pos() {
        base.push(vm.iterate(x)?);
    }
    let total = base
        .len()
        .checked_mul(repeat)
        .ok_or_else(|| vm.overflow_error("repeat argument too large"))?;
    let mut pools = Vec::with_capacity(total);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(new_combo(&cls, pools, n, vec![0; n]))
}

fn product_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    advance(vm, &args, "itertools.product", |c| {
        let pick = |c: &Combo| -> Vec<Value> {
            c.indices
                .iter()
                .zip(&c.pools)
                .map(|(&i, p)| p[i].clone())
                .collect()
        };
        if !c.started {
            c.started = true;
            if c.pools.iter().any(Vec::is_empty) {
                return None;
            }
            return Some(pick(c));
        }
        // The rightmost index that can still move advances; those after it
        // wrap to 0, like an odometer.
        for i in (0..c.pools.len()).rev() {
            c.indices[i] += 1;
            if c.indices[i] < c.pools[i].len() {
                return Some(pick(c));
            }
            c.indices[i] = 0;
        }
        None
    })
}

/// `(iterable, r)` with r required (`combinations`, `cwr`) or optional.
fn pool_and_r(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    r_required: bool,
) -> PyResult<(Vec<Value>, Option<usize>)> {
    let [iterable, r] = bind(
        vm,
        name,
        &rest(args),
        ["iterable", "r"],
        if r_required { 2 } else { 1 },
        0,
    )?;
    let pool = vm.iterate(&iterable.unwrap_or(Value::None))?;
    let r = match r {
        None | Some(Value::None) if !r_required => None,
        Some(v) => Some(r_arg(vm, &v)?),
        None => None,
    };
    Ok((pool, r))
}

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "permutations")?;
    let (pool, r) = pool_and_r(vm, &args, "permutations", false)?;
    let n = pool.len();
    let r = r.unwrap_or(n);
    let v = if r > n {
        // Nothing to yield: an exhausted state.
        new_combo(&cls, vec![Vec::new()], 0, Vec::new())
    } else {
        new_combo(&cls, vec![pool], r, (0..n).collect())
    };
    if r > n {
        let cell = state::<Combo>(vm, &v, "itertools.permutations")?;
        if let Some(c) = cell.get_mut() {
            c.started = true;
            c.r = usize::MAX;
        }
    }
    Ok(v)
}

fn permutations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    advance(vm, &args, "itertools.permutations", |c| {
        if c.r == usize::MAX {
            return None;
        }
        let pool = &c.pools[0];
        let n = pool.len();
        let r = c.r;
        let pick = |c: &Combo| -> Vec<Value> {
            c.indices[..r]
                .iter()
                .map(|&i| c.pools[0][i].clone())
                .collect()
        };
        if !c.started {
            c.started = true;
            return Some(pick(c));
        }
        if n == 0 {
            return None;
        }
        // CPython's algorithm: rotate the tail past position i when its
        // cycle runs out, else swap in the next candidate.
        for i in (0..r).rev() {
            c.cycles[i] -= 1;
            if c.cycles[i] == 0 {
                let x = c.indices[i];
                c.indices[i..].rotate_left(1);
                c.indices[n - 1] = x;
                c.cycles[i] = n - i;
            } else {
                let j = c.cycles[i];
                c.indices.swap(i, n - j);
                return Some(pick(c));
            }
        }
        None
    })
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "combinations")?;
    let (pool, r) = pool_and_r(vm, &args, "combinations", true)?;
    let r = r.unwrap_or(0);
    let n = pool.len();
    let v = new_combo(&cls, vec![pool], r.min(n), (0..r.min(n)).collect());
    if r > n {
        let cell = state::<Combo>(vm, &v, "itertools.combinations")?;
        if let Some(c) = cell.get_mut() {
            c.r = usize::MAX;
        }
    }
    Ok(v)
}

fn combinations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    advance(vm, &args, "itertools.combinations", |c| {
        if c.r == usize::MAX {
            return None;
        }
        let n = c.pools[0].len();
        let r = c.r;
        let pick = |c: &Combo| -> Vec<Value> {
            c.indices.iter().map(|&i| c.pools[0][i].clone()).collect()
        };
        if !c.started {
            c.started = true;
            return Some(pick(c));
        }
        // The rightmost index not at its maximum (n - r + i) moves up; the
        // ones after it follow consecutively.
        let i = (0..r).rev().find(|&i| c.indices[i] != i + n - r)?;
        c.indices[i] += 1;
        for j in i + 1..r {
            c.indices[j] = c.indices[j - 1] + 1;
        }
        Some(pick(c))
    })
}

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &args, "combinations_with_replacement")?;
    let (pool, r) = pool_and_r(vm, &args, "combinations_with_replacement", true)?;
    let r = r.unwrap_or(0);
    let empty = pool.is_empty() && r > 0;
    let v = new_combo(&cls, vec![pool], r, vec![0; r]);
    if empty {
        let cell = state::<Combo>(vm, &v, "itertools.combinations_with_replacement")?;
        if let Some(c) = cell.get_mut() {
            c.r = usize::MAX;
        }
    }
    Ok(v)
}

fn cwr_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    advance(vm, &args, "itertools.combinations_with_replacement", |c| {
        if c.r == usize::MAX {
            return None;
        }
        let n = c.pools[0].len();
        let r = c.r;
        let pick = |c: &Combo| -> Vec<Value> {
            c.indices.iter().map(|&i| c.pools[0][i].clone()).collect()
        };
        if !c.started {
            c.started = true;
            return Some(pick(c));
        }
        // The rightmost index below n - 1 moves up; the ones after it take
        // its new value.
        let i = (0..r).rev().find(|&i| c.indices[i] != n - 1)?;
        let v = c.indices[i] + 1;
        for j in i..r {
            c.indices[j] = v;
        }
        Some(pick(c))
    })
}
