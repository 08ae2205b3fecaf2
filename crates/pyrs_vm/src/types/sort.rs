//! `list.sort` and `sorted`: Timsort's structure as in Objects/listobject.c —
//! natural runs found by `count_run`, short runs extended to `minrun` by binary
//! insertion, merged by 3.11's powersort policy with galloping `merge_lo`/
//! `merge_hi` — asking only `<`, in CPython's order, and leaving a list whose
//! comparison failed in the partly sorted state CPython leaves.

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

/// `MIN_GALLOP`: the initial threshold for entering galloping mode.
const MIN_GALLOP: usize = 7;

/// A pending run: start, length, and its powersort "power".
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'a> {
    s: Sorter<'a>,
    min_gallop: usize,
    pending: Vec<Run>,
    listlen: usize,
}

/// `gallop_left`: the leftmost index where `key` would go in sorted `base`
/// (`base[k-1] < key <= base[k]`), probing from `hint` outward.
fn gallop_left(
    vm: &mut Vm,
    s: &Sorter,
    key: usize,
    base: &[usize],
    hint: usize,
) -> PyResult<usize> {
    let n = base.len();
    let mut lastofs = 0;
    let mut ofs = 1;
    if s.lt(vm, base[hint], key)? {
        // base[hint] < key: gallop right.
        let maxofs = n - hint;
        while ofs < maxofs {
            if s.lt(vm, base[hint + ofs], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        // key <= base[hint]: gallop left, until base[hint-ofs] < key <= base[hint-lastofs].
        let maxofs = hint + 1;
        while ofs < maxofs {
            if s.lt(vm, base[hint - ofs], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let lo = hint as isize - ofs as isize;
        return finish_gallop(vm, s, key, base, (lo + 1) as usize, hint - lastofs, true);
    }
    finish_gallop(vm, s, key, base, lastofs + 1, ofs, true)
}

/// `gallop_right`: the rightmost index where `key` would go
/// (`base[k-1] <= key < base[k]`).
fn gallop_right(
    vm: &mut Vm,
    s: &Sorter,
    key: usize,
    base: &[usize],
    hint: usize,
) -> PyResult<usize> {
    let n = base.len();
    let mut lastofs = 0;
    let mut ofs = 1;
    if s.lt(vm, key, base[hint])? {
        // key < base[hint]: gallop left.
        let maxofs = hint + 1;
        while ofs < maxofs {
            if s.lt(vm, key, base[hint - ofs])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        let lo = hint as isize - ofs as isize;
        let hi = hint - k;
        return finish_gallop(vm, s, key, base, (lo + 1) as usize, hi, false);
    }
    // base[hint] <= key: gallop right.
    let maxofs = n - hint;
    while ofs < maxofs {
        if s.lt(vm, key, base[hint + ofs])? {
            break;
        }
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
    }
    ofs = ofs.min(maxofs);
    finish_gallop(vm, s, key, base, lastofs + hint + 1, ofs + hint, false)
}

/// The binary search that ends both gallops, over `base[lo..hi]`.
fn finish_gallop(
    vm: &mut Vm,
    s: &Sorter,
    key: usize,
    base: &[usize],
    mut lo: usize,
    mut hi: usize,
    left: bool,
) -> PyResult<usize> {
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        let go_right = if left {
            s.lt(vm, base[m], key)?
        } else {
            !s.lt(vm, key, base[m])?
        };
        if go_right {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// `merge_lo`: merge `a[pa..pa+na]` and `a[pa+na..pa+na+nb]` with `na <= nb`,
/// the shorter left run in a temporary.
fn merge_lo(
    vm: &mut Vm,
    ms: &mut MergeState,
    a: &mut [usize],
    pa: usize,
    mut na: usize,
    mut nb: usize,
) -> PyResult<()> {
    let tmp: Vec<usize> = a[pa..pa + na].to_vec();
    let (mut dest, mut ia, mut ib) = (pa, 0usize, pa + na);
    a[dest] = a[ib];
    dest += 1;
    ib += 1;
    nb -= 1;
    let result = (|| -> PyResult<bool> {
        // Ok(true): CopyB; Ok(false): Succeed.
        if nb == 0 {
            return Ok(false);
        }
        if na == 1 {
            return Ok(true);
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if ms.s.lt(vm, a[ib], tmp[ia])? {
                    a[dest] = a[ib];
                    dest += 1;
                    ib += 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    a[dest] = tmp[ia];
                    dest += 1;
                    ia += 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let k = gallop_right(vm, &ms.s, a[ib], &tmp[ia..ia + na], 0)?;
                acount = k;
                if k > 0 {
                    a[dest..dest + k].copy_from_slice(&tmp[ia..ia + k]);
                    dest += k;
                    ia += k;
                    na -= k;
                    if na == 1 {
                        return Ok(true);
                    }
                    if na == 0 {
                        return Ok(false);
                    }
                }
                a[dest] = a[ib];
                dest += 1;
                ib += 1;
                nb -= 1;
                if nb == 0 {
                    return Ok(false);
                }
                let key = tmp[ia];
                let k = gallop_left(vm, &ms.s, key, &a[ib..ib + nb], 0)?;
                bcount = k;
                if k > 0 {
                    a.copy_within(ib..ib + k, dest);
                    dest += k;
                    ib += k;
                    nb -= k;
                    if nb == 0 {
                        return Ok(false);
                    }
                }
                a[dest] = tmp[ia];
                dest += 1;
                ia += 1;
                na -= 1;
                if na == 1 {
                    return Ok(true);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    })();
    match result {
        Ok(true) => {
            // CopyB: the rest of b, then the last of a.
            a.copy_within(ib..ib + nb, dest);
            a[dest + nb] = tmp[ia];
            Ok(())
        }
        Ok(false) => {
            a[dest..dest + na].copy_from_slice(&tmp[ia..ia + na]);
            Ok(())
        }
        Err(e) => {
            a[dest..dest + na].copy_from_slice(&tmp[ia..ia + na]);
            Err(e)
        }
    }
}

/// `merge_hi`: as `merge_lo` for `na >= nb`, merging from the right with the
/// shorter right run in a temporary.
fn merge_hi(
    vm: &mut Vm,
    ms: &mut MergeState,
    a: &mut [usize],
    pa: usize,
    mut na: usize,
    mut nb: usize,
) -> PyResult<()> {
    let pb = pa + na;
    let tmp: Vec<usize> = a[pb..pb + nb].to_vec();
    // Positions are isize: they step below `pa` at the end.
    let mut dest = (pb + nb - 1) as isize;
    let mut ia = (pa + na - 1) as isize;
    let mut ib = nb as isize - 1;
    a[dest as usize] = a[ia as usize];
    dest -= 1;
    ia -= 1;
    na -= 1;
    let result = (|| -> PyResult<bool> {
        // Ok(true): CopyA; Ok(false): Succeed.
        if na == 0 {
            return Ok(false);
        }
        if nb == 1 {
            return Ok(true);
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if ms.s.lt(vm, tmp[ib as usize], a[ia as usize])? {
                    a[dest as usize] = a[ia as usize];
                    dest -= 1;
                    ia -= 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    a[dest as usize] = tmp[ib as usize];
                    dest -= 1;
                    ib -= 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let key = tmp[ib as usize];
                let k = gallop_right(vm, &ms.s, key, &a[pa..pa + na], na - 1)?;
                let k = na - k;
                acount = k;
                if k > 0 {
                    dest -= k as isize;
                    ia -= k as isize;
                    a.copy_within(
                        (ia + 1) as usize..(ia + 1) as usize + k,
                        (dest + 1) as usize,
                    );
                    na -= k;
                    if na == 0 {
                        return Ok(false);
                    }
                }
                a[dest as usize] = tmp[ib as usize];
                dest -= 1;
                ib -= 1;
                nb -= 1;
                if nb == 1 {
                    return Ok(true);
                }
                let key = a[ia as usize];
                let k = gallop_left(vm, &ms.s, key, &tmp[..nb], nb - 1)?;
                let k = nb - k;
                bcount = k;
                if k > 0 {
                    dest -= k as isize;
                    ib -= k as isize;
                    let (d, b) = ((dest + 1) as usize, (ib + 1) as usize);
                    a[d..d + k].copy_from_slice(&tmp[b..b + k]);
                    nb -= k;
                    if nb == 1 {
                        return Ok(true);
                    }
                    if nb == 0 {
                        return Ok(false);
                    }
                }
                a[dest as usize] = a[ia as usize];
                dest -= 1;
                ia -= 1;
                na -= 1;
                if na == 0 {
                    return Ok(false);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    })();
    let copy_back = |a: &mut [usize], dest: isize, nb: usize| {
        if nb > 0 {
            let d = (dest - (nb as isize - 1)) as usize;
            a[d..d + nb].copy_from_slice(&tmp[..nb]);
        }
    };
    match result {
        Ok(true) => {
            // CopyA: the rest of a moves right, then the first of b.
            let start = (ia + 1) as usize - na;
            let to = (dest + 1) as usize - na;
            a.copy_within(start..start + na, to);
            a[to - 1] = tmp[ib as usize];
            Ok(())
        }
        Ok(false) => {
            copy_back(a, dest, nb);
            Ok(())
        }
        Err(e) => {
            copy_back(a, dest, nb);
            Err(e)
        }
    }
}

/// `merge_at`: merge pending runs `i` and `i + 1`.
fn merge_at(vm: &mut Vm, ms: &mut MergeState, a: &mut [usize], i: usize) -> PyResult<()> {
    let Run {
        base: pa, len: na, ..
    } = ms.pending[i];
    let Run { len: nb, .. } = ms.pending[i + 1];
    ms.pending[i].len = na + nb;
    ms.pending.remove(i + 1);
    let pb = pa + na;
    // Where does b start in a? Elements of a before that stay in place.
    let k = gallop_right(vm, &ms.s, a[pb], &a[pa..pa + na], 0)?;
    let (pa, na) = (pa + k, na - k);
    if na == 0 {
        return Ok(());
    }
    // Where does a end in b? Elements of b after that stay in place.
    let last_a = a[pa + na - 1];
    let nb = gallop_left(vm, &ms.s, last_a, &a[pb..pb + nb], nb - 1)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        merge_lo(vm, ms, a, pa, na, nb)
    } else {
        merge_hi(vm, ms, a, pa, na, nb)
    }
}

/// `powerloop`: the powersort "power" of the boundary between two runs.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// `found_new_run`: merge pending runs whose power exceeds the new boundary's.
fn found_new_run(vm: &mut Vm, ms: &mut MergeState, a: &mut [usize], n2: usize) -> PyResult<()> {
    if let Some(last) = ms.pending.last().copied() {
        let power = powerloop(last.base, last.len, n2, ms.listlen);
        while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].power > power {
            let i = ms.pending.len() - 2;
            merge_at(vm, ms, a, i)?;
        }
        if let Some(p) = ms.pending.last_mut() {
            p.power = power;
        }
    }
    Ok(())
}

fn timsort(vm: &mut Vm, keys: &[Value], a: &mut [usize]) -> PyResult<()> {
    let n = a.len();
    let mut ms = MergeState {
        s: Sorter { keys },
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
        listlen: n,
    };
    let minrun = merge_compute_minrun(n);
    let mut lo = 0;
    while lo < n {
        let mut len = count_run(vm, &ms.s, a, lo, n)?;
        if len < minrun {
            let force = minrun.min(n - lo);
            binarysort(vm, &ms.s, a, lo, lo + force, lo + len)?;
            len = force;
        }
        found_new_run(vm, &mut ms, a, len)?;
        ms.pending.push(Run {
            base: lo,
            len,
            power: 0,
        });
        lo += len;
    }
    // merge_force_collapse.
    while ms.pending.len() > 1 {
        let mut i = ms.pending.len() - 2;
        if i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len {
            i -= 1;
        }
        merge_at(vm, &mut ms, a, i)?;
    }
    Ok(())
}
