//! `_heapq` (Modules/_heapqmodule.c): the heap operations Lib/heapq.py
//! imports over its pure-Python versions, with CPython's sift order (so
//! `__lt__` side effects match) and messages. Items are compared with `<`
//! while no borrow of the list is held; a list that changes size meanwhile
//! raises "list changed size during iteration", as in CPython.

use crate::native::{positional, rest};
use pyrs_vm::gil_cell::GilCell;
use pyrs_vm::modules::add_functions;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::protocol::object::CompareOp;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[
            MethodDef::method("heappush", heappush),
            MethodDef::method("heappop", heappop),
            MethodDef::method("heapreplace", heapreplace),
            MethodDef::method("heappushpop", heappushpop),
            MethodDef::method("heapify", heapify),
            MethodDef::method("_heappop_max", heappop_max),
            MethodDef::method("_heapreplace_max", heapreplace_max),
            MethodDef::method("_heapify_max", heapify_max),
        ],
    );
    let about = vm.new_str("Heap queues");
    pyrs_vm::modules::set_attr(vm, module, "__about__", about);
    Ok(())
}

type List = GilCell<Vec<Value>>;

/// The heap list of a call (a list or a list subclass) and the arguments.
fn heap_arg<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    n: usize,
) -> PyResult<(&'a List, &'a [Value])> {
    let a = rest(args);
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let p = positional(vm, &a, name, n, n)?;
    match p[0].payload() {
        Some(Payload::List(l)) => Ok((l, p)),
        // One-argument functions are METH_O: "argument", not "argument 1".
        _ => Err(vm.type_error(format!(
            "{name}() argument{} must be list, not {}",
            if n == 1 { "" } else { " 1" },
            vm.type_name(&p[0])
        ))),
    }
}

fn len(heap: &List) -> usize {
    heap.get().len()
}

fn get(heap: &List, i: usize) -> Value {
    heap.get().get(i).cloned().unwrap_or(Value::None)
}

/// `a < b` (or `b < a` for the max-heap variants) as a bool.
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    let r = if max {
        vm.rich_compare(b, a, CompareOp::Lt)?
    } else {
        vm.rich_compare(a, b, CompareOp::Lt)?
    };
    vm.is_true(&r)
}

fn changed(vm: &Vm) -> pyrs_vm::PyErr {
    vm.runtime_error("list changed size during iteration")
}

/// Move the item at `pos` up towards `start` while it is smaller than its
/// parent (CPython's siftdown).
fn siftdown(vm: &mut Vm, heap: &List, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = len(heap);
    if pos >= size {
        return Err(vm.index_error("index out of range"));
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = (get(heap, pos), get(heap, parentpos));
        let lt = less(vm, &newitem, &parent, max)?;
        if size != len(heap) {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        heap.get_mut().swap(pos, parentpos);
        pos = parentpos;
    }
    Ok(())
}

/// Move the smaller child up until a leaf is reached, then sift the item
/// down from there (CPython's siftup: fewer comparisons than the textbook).
fn siftup(vm: &mut Vm, heap: &List, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = len(heap);
    let startpos = pos;
    if pos >= endpos {
        return Err(vm.index_error("index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = (get(heap, childpos), get(heap, childpos + 1));
            let lt = less(vm, &a, &b, max)?;
            if endpos != len(heap) {
                return Err(changed(vm));
            }
            if !lt {
                childpos += 1;
            }
        }
        heap.get_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, heap, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (heap, p) = heap_arg(vm, &args, "heappush", 2)?;
    heap.get_mut().push(p[1].clone());
    let n = len(heap);
    siftdown(vm, heap, 0, n - 1, false)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    let (heap, _) = heap_arg(vm, args, name, 1)?;
    let Some(last) = heap.get_mut().pop() else {
        return Err(vm.index_error("index out of range"));
    };
    if len(heap) == 0 {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.get_mut()[0], last);
    siftup(vm, heap, 0, max)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop(vm, &args, "heappop", false)
}

fn heappop_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop(vm, &args, "_heappop_max", true)
}

fn replace(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    let (heap, p) = heap_arg(vm, args, name, 2)?;
    if len(heap) == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let top = std::mem::replace(&mut heap.get_mut()[0], p[1].clone());
    siftup(vm, heap, 0, max)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    replace(vm, &args, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    replace(vm, &args, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (heap, p) = heap_arg(vm, &args, "heappushpop", 2)?;
    let item = p[1].clone();
    if len(heap) == 0 {
        return Ok(item);
    }
    let top = get(heap, 0);
    if !less(vm, &top, &item, false)? {
        return Ok(item);
    }
    if len(heap) == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let top = std::mem::replace(&mut heap.get_mut()[0], item);
    siftup(vm, heap, 0, false)?;
    Ok(top)
}

/// Sift every parent, last first; past 2500 items in CPython's cache-friendly
/// order (whole subtrees finished before moving left), which can leave a
/// different, equally valid heap, so the order matters for fidelity.
fn heapify_impl(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    let (heap, _) = heap_arg(vm, args, name, 1)?;
    let n = len(heap);
    if n <= 2500 {
        for i in (0..n / 2).rev() {
            siftup(vm, heap, i, max)?;
        }
        return Ok(Value::None);
    }
    // m: the first node without children; leftmost: the first node of m's
    // row; each node is sifted, then its ancestors while it is a right child.
    let m = n >> 1;
    let leftmost = top_bit(m + 1) - 1;
    let mhalf = m >> 1;
    let sift_chain = |vm: &mut Vm, mut j: usize| -> PyResult<()> {
        loop {
            siftup(vm, heap, j, max)?;
            if j & 1 == 0 {
                return Ok(());
            }
            j >>= 1;
        }
    };
    for i in (mhalf..leftmost).rev() {
        sift_chain(vm, i)?;
    }
    for i in (leftmost..m).rev() {
        sift_chain(vm, i)?;
    }
    Ok(Value::None)
}

/// The largest power of two not above `n` (n > 0).
fn top_bit(n: usize) -> usize {
    1 << (usize::BITS - 1 - n.leading_zeros())
}

fn heapify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    heapify_impl(vm, &args, "heapify", false)
}

fn heapify_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    heapify_impl(vm, &args, "_heapify_max", true)
}
