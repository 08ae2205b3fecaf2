//! `list.sort` and `sorted`: Timsort's structure as in Objects/listobject.c —
//! natural runs found by `count_run`, short runs extended to `minrun` by binary
//! insertion, then merged — asking only `<`, in CPython's order for lists
//! shorter than 64 (one run plus binary insertion there), and leaving a list
//! whose comparison failed in the partly sorted state CPython leaves. Merges
//! neither gallop nor follow 3.11's powersort policy, which changes the
//! comparison sequence (never the result) for longer lists.

use super::args::this;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::Args;
use crate::protocol::object::CompareOp;
use crate::value::Value;
use crate::vm::Vm;

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::List(l)) = this(&args).payload() else {
        return Err(vm.type_error("descriptor 'sort' requires a 'list' object"));
    };
    if args.pos().len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let [key, reverse] = super::args::kw(vm, "sort", &args, ["key", "reverse"], 0, 0)?;
    let key = key.unwrap_or(Value::None);
    let reverse = match &reverse {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    // CPython empties the list while sorting, so that a comparison that
    // looks at it sees [] and one that changes it is detected afterwards.
    let items = l.replace(Vec::new());
    let (result, err) = match sort_in_place(vm, items.clone(), &key, reverse) {
        Ok(r) => r,
        // A key function failed: the list is as it was.
        Err(e) => (items, Some(e)),
    };
    let modified = !l.get().is_empty();
    // After a failed comparison the list keeps the partly sorted order the
    // algorithm had reached, as CPython's does.
    let old = l.replace(result);
    drop(old);
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// Sort `items` stably by `key` (None: the items themselves).
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    match sort_in_place(vm, items, key, reverse)? {
        (sorted, None) => Ok(sorted),
        (_, Some(e)) => Err(e),
    }
}

/// The sort proper. `Err` when a key function fails (nothing moved);
/// otherwise the items in the order reached, with the comparison error
/// that stopped the sort, if any.
fn sort_in_place(
    vm: &mut Vm,
    mut items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<(Vec<Value>, Option<crate::error::PyErr>)> {
    if items.len() < 2 {
        return Ok((items, None));
    }
    let keys: Vec<Value> = if matches!(key, Value::None) {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for it in &items {
            ks.push(vm.call(key, std::slice::from_ref(it))?);
        }
        ks
    };
    // Reversing before and after keeps equal items in their original order.
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let err = timsort(vm, &keys, &mut idx).err();
    if reverse {
        idx.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.drain(..).map(Some).collect();
    Ok((
        idx.into_iter().filter_map(|i| slots[i].take()).collect(),
        err,
    ))
}

struct Sorter<'a> {
    keys: &'a [Value],
}

impl Sorter<'_> {
    /// `ISLT(a, b)`: `keys[a] < keys[b]`.
    fn lt(&self, vm: &mut Vm, a: usize, b: usize) -> PyResult<bool> {
        let (x, y) = (&self.keys[a], &self.keys[b]);
        if let (Value::Int(p), Value::Int(q)) = (x, y) {
            return Ok(p < q);
        }
        if let (Some(p), Some(q)) = (x.as_str(), y.as_str()) {
            let plain = |v: &Value| {
                v.as_obj()
                    .is_some_and(|o| !o.class().payload_type().heap_type)
            };
            if plain(x) && plain(y) {
                return Ok(p < q);
            }
        }
        let r = vm.rich_compare(x, y, CompareOp::Lt)?;
        vm.is_true(&r)
    }
}

/// `count_run`: the length of the run starting at `lo`, reversing a
/// strictly descending one in place.
fn count_run(vm: &mut Vm, s: &Sorter, a: &mut [usize], lo: usize, hi: usize) -> PyResult<usize> {
    if lo + 1 == hi {
        return Ok(1);
    }
    let mut n = 2;
    if s.lt(vm, a[lo + 1], a[lo])? {
        let mut i = lo + 2;
        while i < hi {
            if !s.lt(vm, a[i], a[i - 1])? {
                break;
            }
            i += 1;
            n += 1;
        }
        a[lo..lo + n].reverse();
    } else {
        let mut i = lo + 2;
        while i < hi {
            if s.lt(vm, a[i], a[i - 1])? {
                break;
            }
            i += 1;
            n += 1;
        }
    }
    Ok(n)
}

/// `binarysort`: `a[lo..start]` is sorted; insert the rest one by one.
fn binarysort(
    vm: &mut Vm,
    s: &Sorter,
    a: &mut [usize],
    lo: usize,
    hi: usize,
    start: usize,
) -> PyResult<()> {
    for st in start.max(lo + 1)..hi {
        let pivot = a[st];
        let (mut l, mut r) = (lo, st);
        while l < r {
            let p = l + ((r - l) >> 1);
            if s.lt(vm, pivot, a[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        a.copy_within(l..st, l + 1);
        a[l] = pivot;
    }
    Ok(())
}

fn merge_compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Merge the adjacent sorted runs `a[lo..mid]` and `a[mid..hi]`, taking from
/// the right only when strictly less (stability).
fn merge(
    vm: &mut Vm,
    s: &Sorter,
    a: &mut [usize],
    lo: usize,
    mid: usize,
    hi: usize,
) -> PyResult<()> {
    let left: Vec<usize> = a[lo..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, lo);
    while i < left.len() && j < hi {
        let less = match s.lt(vm, a[j], left[i]) {
            Ok(b) => b,
            Err(e) => {
                // As merge_lo's failure path: the rest of the left run goes
                // back in place, so the array stays a permutation.
                a[k..k + left.len() - i].copy_from_slice(&left[i..]);
                return Err(e);
            }
        };
        if less {
            a[k] = a[j];
            j += 1;
        } else {
            a[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        a[k] = left[i];
        i += 1;
        k += 1;
    }
    Ok(())
}

fn timsort(vm: &mut Vm, keys: &[Value], a: &mut [usize]) -> PyResult<()> {
    let s = Sorter { keys };
    let n = a.len();
    let minrun = merge_compute_minrun(n);
    // The run stack: (start, length).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let mut len = count_run(vm, &s, a, lo, n)?;
        if len < minrun {
            let force = minrun.min(n - lo);
            binarysort(vm, &s, a, lo, lo + force, lo + len)?;
            len = force;
        }
        runs.push((lo, len));
        merge_collapse(vm, &s, a, &mut runs)?;
        lo += len;
    }
    while runs.len() > 1 {
        let k = runs.len() - 2;
        merge_at(vm, &s, a, &mut runs, k)?;
    }
    Ok(())
}

fn merge_at(
    vm: &mut Vm,
    s: &Sorter,
    a: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
    i: usize,
) -> PyResult<()> {
    let (lo, la) = runs[i];
    let (_, lb) = runs[i + 1];
    merge(vm, s, a, lo, lo + la, lo + la + lb)?;
    runs[i] = (lo, la + lb);
    runs.remove(i + 1);
    Ok(())
}

/// The stack invariants of listsort.txt (as fixed in 2015): merge until
/// each run is longer than the two above it put together.
fn merge_collapse(
    vm: &mut Vm,
    s: &Sorter,
    a: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
) -> PyResult<()> {
    while runs.len() > 1 {
        let mut n = runs.len() - 2;
        let len = |k: usize, r: &Vec<(usize, usize)>| r[k].1;
        if (n > 0 && len(n - 1, runs) <= len(n, runs) + len(n + 1, runs))
            || (n > 1 && len(n - 2, runs) <= len(n - 1, runs) + len(n, runs))
        {
            if len(n - 1, runs) < len(n + 1, runs) {
                n -= 1;
            }
        } else if len(n, runs) > len(n + 1, runs) {
            break;
        }
        merge_at(vm, s, a, runs, n)?;
    }
    Ok(())
}
