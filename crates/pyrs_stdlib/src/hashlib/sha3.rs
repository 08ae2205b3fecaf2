//! `_sha3` (Modules/_sha3/sha3module.c): the classes `sha3_224` ..
//! `sha3_512`, `shake_128` and `shake_256`, which are their own
//! constructors, over RustCrypto's `sha3`.

use super::{ctor_data, hash_class, new_hash, set_class, Algo, Info};
use crate::native::{new_cls, rest, this};
use pyrs_vm::modules::set_attr;
use pyrs_vm::objects::native::{Args, MethodDef, NativeFn};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use sha3::digest::{ExtendableOutput, Update, XofReader};

/// An extendable-output function (SHAKE).
#[derive(Clone)]
struct Xof<S>(S);

impl<S: Update + ExtendableOutput + Clone + 'static> Algo for Xof<S> {
    fn update(&mut self, data: &[u8]) {
        Update::update(&mut self.0, data);
    }
    fn finish(&self, len: usize) -> Vec<u8> {
        let mut out = vec![0; len];
        self.0.clone().finalize_xof().read(&mut out);
        out
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(self.clone())
    }
}

const fn info(name: &'static str, digest_size: usize, block_size: usize, xof: bool) -> Info {
    Info {
        name,
        digest_size,
        block_size,
        xof,
    }
}

const INFOS: [Info; 6] = [
    info("sha3_224", 28, 144, false),
    info("sha3_256", 32, 136, false),
    info("sha3_384", 48, 104, false),
    info("sha3_512", 64, 72, false),
    info("shake_128", 0, 168, true),
    info("shake_256", 0, 136, true),
];

fn algo(i: usize) -> Box<dyn Algo> {
    use super::Fixed;
    match i {
        0 => Box::new(Fixed(sha3::Sha3_224::default())),
        1 => Box::new(Fixed(sha3::Sha3_256::default())),
        2 => Box::new(Fixed(sha3::Sha3_384::default())),
        3 => Box::new(Fixed(sha3::Sha3_512::default())),
        4 => Box::new(Xof(sha3::Shake128::default())),
        _ => Box::new(Xof(sha3::Shake256::default())),
    }
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    const NEWS: [NativeFn; 6] = [new0, new1, new2, new3, new4, new5];
    const EXTRA: &[(&str, NativeFn)] = &[
        ("_capacity_bits", capacity_bits),
        ("_rate_bits", rate_bits),
        ("_suffix", suffix),
    ];
    for (i, new) in NEWS.into_iter().enumerate() {
        let name = INFOS[i].name;
        let cls = hash_class(
            vm,
            "_sha3",
            name,
            &[MethodDef::staticmethod("__new__", new)],
            EXTRA,
        );
        set_class(vm, module, name, &cls);
    }
    set_attr(vm, module, "implementation", vm.new_str("tiny_sha3"));
    set_attr(vm, module, "keccakopt", Value::Int(0));
    Ok(())
}

/// `sha3_*(data=b'', /, *, usedforsecurity=True)`; CPython names every one
/// of them `sha3_224` in argument errors.
fn make(vm: &mut Vm, args: Args, i: usize) -> PyResult<Value> {
    let cls = new_cls(vm, &args, INFOS[i].name)?;
    let data = ctor_data(vm, "sha3_224", &rest(&args), "")?;
    new_hash(vm, &cls, algo(i), INFOS[i], data.as_ref())
}

fn new0(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, 0)
}
fn new1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, 1)
}
fn new2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, 2)
}
fn new3(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, 3)
}
fn new4(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, 4)
}
fn new5(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, 5)
}

fn rate(vm: &Vm, args: &Args) -> PyResult<(usize, bool)> {
    let i = super::info(vm, this(vm, args)?)?;
    Ok((i.block_size * 8, i.xof))
}

fn capacity_bits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, _) = rate(vm, &args)?;
    Ok(Value::Int(1600 - r as i64))
}

fn rate_bits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, _) = rate(vm, &args)?;
    Ok(Value::Int(r as i64))
}

fn suffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, xof) = rate(vm, &args)?;
    Ok(vm.new_bytes(vec![if xof { 0x1f } else { 0x06 }]))
}
