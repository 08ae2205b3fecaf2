//! `_random` (Modules/_randommodule.c): the `Random` type, a Mersenne Twister
//! (MT19937) with CPython's seeding, so that the pure-Python Lib/random.py on
//! top of it produces CPython's sequences.
//!
//! An instance's state lives in its payload: a cell holding a list of 625
//! ints (the 624 state words, then the index). The VM has no payload for
//! foreign Rust data; a cell is never confused with a container by the
//! protocols, and the list is mutated in place.

use crate::args::{check, to_index};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};
use pyrs_vm::gil_cell::GilCell;
use pyrs_vm::modules::set_attr;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::runtime::types::{add_methods, new_type};
use pyrs_vm::vm::is_subtype;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::cell::RefCell;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator: 624 words of state and the index of the next word to use.
struct MtState {
    mt: [u32; N],
    index: usize,
}

impl MtState {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Seed from an array of 32-bit words (the reference `init_by_array`).
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The most significant bit is set: a non-zero initial state.
        mt[0] = 0x8000_0000;
    }

    /// Make the next 624 words (the reference generator's bulk step).
    fn twist(&mut self) {
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        let mt = &mut self.mt;
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    fn load(words: &[Value]) -> MtState {
        let mut st = MtState {
            mt: [0; N],
            index: word(words, N) as usize,
        };
        for (i, w) in st.mt.iter_mut().enumerate() {
            *w = word(words, i);
        }
        st
    }

    fn store(&self, words: &mut [Value]) {
        for (slot, &w) in words.iter_mut().zip(self.mt.iter()) {
            *slot = Value::Int(w as i64);
        }
        words[N] = Value::Int(self.index as i64);
    }
}

/// State word `i` of an instance's list (the index at `N`).
fn word(words: &[Value], i: usize) -> u32 {
    match words.get(i) {
        Some(Value::Int(x)) => *x as u32,
        _ => 0,
    }
}

/// The next 32 random bits, reading the state in place; the state is copied
/// out only for the bulk step every 624 words.
fn genrand_uint32(words: &mut [Value]) -> u32 {
    let mut index = word(words, N) as usize;
    if index >= N {
        let mut st = MtState::load(words);
        st.twist();
        st.store(words);
        index = 0;
    }
    let mut y = word(words, index);
    words[N] = Value::Int(index as i64 + 1);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^= y >> 18;
    y
}

/// A float in [0, 1) with 53 random bits (the reference `genrand_res53`).
fn genrand_res53(words: &mut [Value]) -> f64 {
    let a = genrand_uint32(words) >> 5;
    let b = genrand_uint32(words) >> 6;
    (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
}

thread_local! {
    /// The `Random` type, made when `_random` is first imported.
    static RANDOM_TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", random_new),
    MethodDef::method("__init__", random_init),
    MethodDef::method("seed", random_seed),
    MethodDef::method("random", random_random),
    MethodDef::method("getrandbits", random_getrandbits),
    MethodDef::method("getstate", random_getstate),
    MethodDef::method("setstate", random_setstate),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let t = vm.types();
    let ty = RANDOM_TYPE.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| {
                let ty = new_type(
                    &t.type_,
                    &t.dict,
                    "Random",
                    Some(&t.object),
                    BaseKind::Object,
                    true,
                );
                add_methods(t, &ty, METHODS);
                let module = vm.new_str("_random");
                pyrs_vm::protocol::dict::dict_set_str_raw(
                    t,
                    &ty.payload_type().dict,
                    "__module__",
                    module,
                );
                ty
            })
            .clone()
    });
    set_attr(vm, module, "Random", Value::Obj(ty));
    Ok(())
}

/// Run `f` on the generator state of `self_`, a Random instance; `name` is
/// the method, for the message when `self_` is something else.
fn with_state<R>(
    vm: &Vm,
    self_: &Value,
    name: &str,
    f: impl FnOnce(&mut [Value]) -> R,
) -> PyResult<R> {
    let wrong = || {
        vm.type_error(format!(
            "descriptor '{name}' for '_random.Random' objects doesn't apply to a '{}' object",
            vm.type_name(self_)
        ))
    };
    let is_random = RANDOM_TYPE.with(|r| {
        r.borrow()
            .as_ref()
            .is_some_and(|ty| is_subtype(vm.type_of(self_), ty))
    });
    if !is_random {
        return Err(wrong());
    }
    let Some(Payload::Cell(c)) = self_.payload() else {
        return Err(wrong());
    };
    let Value::Obj(list) = c.get() else {
        return Err(vm.runtime_error("Random object has no state"));
    };
    let Payload::List(items) = &list.payload else {
        return Err(vm.runtime_error("Random object has no state"));
    };
    // The list holds the N words and the index, all ints this module wrote;
    // nothing here runs Python code while the borrow is held.
    let items = items.get_mut();
    if items.len() != N + 1 {
        return Err(vm.runtime_error("Random object has no state"));
    }
    Ok(f(items))
}

/// A method's `self` and the arguments after it; a descriptor called with
/// no arguments at all has no `self`.
fn split_self<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(Value, Args<'a>)> {
    if args.pos().is_empty() {
        return Err(vm.type_error(format!("unbound method Random.{name}() needs an argument")));
    }
    Ok((
        args.args[0].clone(),
        Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
    ))
}

/// A METH_NOARGS method's check, with its message.
fn no_args(vm: &Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if !a.args.is_empty() {
        return Err(vm.type_error(format!(
            "{name}() takes no arguments ({} given)",
            a.args.len()
        )));
    }
    Ok(())
}

/// `Random.__new__(cls, *args, **kwargs)`: an instance with a zero state;
/// `__init__` (or a subclass's `seed`) seeds it.
fn random_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args
        .args
        .first()
        .and_then(|c| c.as_obj())
        .filter(|c| matches!(c.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error("Random.__new__(X): X is not a type object"));
    };
    let mut words = vec![Value::Int(0); N];
    words.push(Value::Int(N as i64));
    let state = vm.new_list(words);
    Ok(Value::Obj(ObjRef::new(
        &cls,
        Payload::Cell(GilCell::new(state)),
    )))
}

/// `Random.__init__(self, seed=None)`: no keywords for Random itself.
fn random_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (self_, _) = split_self(vm, &args, "__init__")?;
    let self_ = &self_;
    let exact = RANDOM_TYPE.with(|r| {
        r.borrow()
            .as_ref()
            .is_some_and(|ty| vm.type_of(self_).is(ty))
    });
    if exact && args.has_kwargs() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed(vm, self_, pos.first().cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn random_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (self_, a) = split_self(vm, &args, "seed")?;
    if args.has_kwargs() {
        return Err(vm.type_error("Random.seed() takes no keyword arguments"));
    }
    let pos = check(vm, "seed", &a, 0, 1)?;
    seed(vm, &self_, pos.first().cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// CPython's `random_seed`: None seeds from the OS; an int by its absolute
/// value; anything else by its hash (as an unsigned machine word). The number
/// is split into 32-bit words, least significant first, for init_by_array.
fn seed(vm: &mut Vm, self_: &Value, arg: Value) -> PyResult<()> {
    let key: Vec<u32> = if matches!(arg, Value::None) {
        os_entropy()
    } else {
        let n: BigInt = match pyrs_vm::protocol::object::as_int(&arg) {
            Some(i) => i.to_big().abs(),
            None => BigInt::from(vm.hash(&arg)? as u64),
        };
        let (_, mut words) = n.to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        words
    };
    with_state(vm, self_, "seed", |words| {
        let mut st = MtState {
            mt: [0; N],
            index: N,
        };
        st.init_by_array(&key);
        st.store(words);
    })
}

/// 624 words from the OS's entropy source, or, failing that, from the clock
/// and the process id (CPython's random_seed_time_pid).
fn os_entropy() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(&mut buf).is_ok() {
            return buf
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mono = std::time::Instant::now().elapsed().as_nanos();
    vec![
        now as u32,
        (now >> 32) as u32,
        std::process::id(),
        mono as u32,
    ]
}

fn random_random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (self_, a) = split_self(vm, &args, "random")?;
    no_args(vm, &a, "Random.random")?;
    Ok(Value::Float(with_state(
        vm,
        &self_,
        "random",
        genrand_res53,
    )?))
}

/// `getrandbits(k)`: k random bits, 32 at a time, least significant word first.
fn random_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (self_, a) = split_self(vm, &args, "getrandbits")?;
    let pos = check(vm, "getrandbits", &a, 1, 1)?;
    let k = to_index(vm, &pos[0])?;
    if k.is_negative() {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let Some(k) = k.to_u64() else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if k > i32::MAX as u64 {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let r = with_state(vm, &self_, "getrandbits", |w| genrand_uint32(w) >> (32 - k))?;
        return Ok(Value::Int(r as i64));
    }
    let words = with_state(vm, &self_, "getrandbits", |st| {
        let mut left = k as i64;
        let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
        while left > 0 {
            let mut r = genrand_uint32(st);
            if left < 32 {
                // Only the last word is partial: keep its top bits.
                r >>= 32 - left;
            }
            words.push(r);
            left -= 32;
        }
        words
    })?;
    Ok(vm.new_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

fn random_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (self_, a) = split_self(vm, &args, "getstate")?;
    no_args(vm, &a, "Random.getstate")?;
    let items = with_state(vm, &self_, "getstate", |words| words.to_vec())?;
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (self_, a) = split_self(vm, &args, "setstate")?;
    let pos = check(vm, "setstate", &a, 1, 1)?;
    let Some(items) = pos[0].as_tuple() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut mt = [0u32; N];
    for (w, v) in mt.iter_mut().zip(items.iter()) {
        // PyLong_AsUnsignedLong, then truncated to 32 bits as CPython stores it.
        let i = to_index(vm, v)?;
        if i.is_negative() {
            return Err(vm.overflow_error("can't convert negative int to unsigned"));
        }
        let Some(u) = i.to_u64() else {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        };
        *w = u as u32;
    }
    let index = vm.to_i64(&items[N], "")?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    with_state(vm, &self_, "setstate", |words| {
        MtState {
            mt,
            index: index as usize,
        }
        .store(words)
    })?;
    Ok(Value::None)
}
