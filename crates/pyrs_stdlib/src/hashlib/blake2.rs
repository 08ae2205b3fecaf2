//! `_blake2` (Modules/_blake2/): the classes `blake2b` and `blake2s`, their
//! own constructors, with key, salt, personalisation and tree parameters
//! (over the `blake2b_simd`/`blake2s_simd` crates), and the size constants.

use super::{bytes_arg, check_positional, hash_class, new_hash, set_class, Algo, Info};
use crate::args::to_index;
use crate::native::{new_cls, rest};
use num_traits::ToPrimitive;
use pyrs_vm::modules::set_attr;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::protocol::object::as_int;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

impl Algo for blake2b_simd::State {
    fn update(&mut self, data: &[u8]) {
        blake2b_simd::State::update(self, data);
    }
    fn finish(&self, _len: usize) -> Vec<u8> {
        self.finalize().as_bytes().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(self.clone())
    }
}

impl Algo for blake2s_simd::State {
    fn update(&mut self, data: &[u8]) {
        blake2s_simd::State::update(self, data);
    }
    fn finish(&self, _len: usize) -> Vec<u8> {
        self.finalize().as_bytes().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(self.clone())
    }
}

/// The sizes of one variant: digest and key, salt and person, block.
struct Variant {
    name: &'static str,
    out: usize,
    salt: usize,
    block: usize,
    /// The widest `node_offset` (48 bits for BLAKE2s).
    max_offset: u64,
}

const B: Variant = Variant {
    name: "blake2b",
    out: 64,
    salt: 16,
    block: 128,
    max_offset: u64::MAX,
};

const S: Variant = Variant {
    name: "blake2s",
    out: 32,
    salt: 8,
    block: 64,
    max_offset: (1 << 48) - 1,
};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    for (v, new) in [
        (&B, blake2b_new as pyrs_vm::objects::native::NativeFn),
        (&S, blake2s_new),
    ] {
        let cls = hash_class(
            vm,
            "_blake2",
            v.name,
            &[MethodDef::staticmethod("__new__", new)],
            &[],
        );
        set_class(vm, module, v.name, &cls);
        let p = v.name.to_uppercase();
        for (k, n) in [
            ("MAX_DIGEST_SIZE", v.out),
            ("MAX_KEY_SIZE", v.out),
            ("PERSON_SIZE", v.salt),
            ("SALT_SIZE", v.salt),
        ] {
            set_attr(vm, module, &format!("{p}_{k}"), Value::Int(n as i64));
        }
    }
    Ok(())
}

fn blake2b_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, &B)
}

fn blake2s_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make(vm, args, &S)
}

/// An `int` parameter (`PyNumber_Index` into a C int).
fn c_int(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => to_index(vm, v)?
            .to_i64()
            .filter(|n| i32::try_from(*n).is_ok())
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// An unsigned parameter (`leaf_size`, `node_offset`): "value must be positive".
fn c_unsigned(vm: &Vm, v: &Option<Value>) -> PyResult<Option<u64>> {
    let Some(v) = v else { return Ok(Some(0)) };
    let n = as_int(v).ok_or_else(|| vm.type_error("an integer is required"))?;
    let n = n.to_big();
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("value must be positive"));
    }
    Ok(n.to_u64())
}

fn in_range(vm: &Vm, n: i64, lo: i64, hi: i64, msg: String) -> PyResult<u8> {
    if n < lo || n > hi {
        return Err(vm.value_error(msg));
    }
    Ok(n as u8)
}

/// `blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'',
/// fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0,
/// inner_size=0, last_node=False, usedforsecurity=True)`.
fn make(vm: &mut Vm, args: Args, v: &Variant) -> PyResult<Value> {
    let cls = new_cls(vm, &args, v.name)?;
    let a = rest(&args);
    check_positional(vm, v.name, &a)?;
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, _usedforsecurity] =
        bind(
            vm,
            v.name,
            &a,
            [
                "data",
                "digest_size",
                "key",
                "salt",
                "person",
                "fanout",
                "depth",
                "leaf_size",
                "node_offset",
                "node_depth",
                "inner_size",
                "last_node",
                "usedforsecurity",
            ],
            0,
            1,
        )?;
    let out = v.out as i64;
    let digest_size = c_int(vm, &digest_size, out)?;
    if !(1..=out).contains(&digest_size) {
        return Err(vm.value_error(format!("digest_size must be between 1 and {out} bytes")));
    }
    let blob = |vm: &Vm, x: &Option<Value>, what: &str, max: usize| -> PyResult<Vec<u8>> {
        let b = match x {
            None => Vec::new(),
            Some(x) => bytes_arg(vm, x)?,
        };
        if b.len() > max {
            return Err(vm.value_error(format!("maximum {what} length is {max} bytes")));
        }
        Ok(b)
    };
    let salt = blob(vm, &salt, "salt", v.salt)?;
    let person = blob(vm, &person, "person", v.salt)?;
    let fanout = c_int(vm, &fanout, 1)?;
    let fanout = in_range(
        vm,
        fanout,
        0,
        255,
        "fanout must be between 0 and 255".into(),
    )?;
    let depth = c_int(vm, &depth, 1)?;
    let depth = in_range(vm, depth, 1, 255, "depth must be between 1 and 255".into())?;
    let leaf_size = c_unsigned(vm, &leaf_size)?
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| vm.overflow_error("leaf_size is too large"))?;
    let node_offset =
        c_unsigned(vm, &node_offset)?.ok_or_else(|| vm.overflow_error("int too big to convert"))?;
    if node_offset > v.max_offset {
        return Err(vm.overflow_error("node_offset is too large"));
    }
    let node_depth = c_int(vm, &node_depth, 0)?;
    let node_depth = in_range(
        vm,
        node_depth,
        0,
        255,
        "node_depth must be between 0 and 255".into(),
    )?;
    let inner_size = c_int(vm, &inner_size, 0)?;
    if !(0..=out).contains(&inner_size) {
        return Err(vm.value_error(format!("inner_size must be between 0 and is {out}")));
    }
    let last_node = match &last_node {
        None => false,
        Some(x) => vm.is_true(x)?,
    };
    let key = blob(vm, &key, "key", v.out)?;
    let (ds, inner) = (digest_size as usize, inner_size as usize);
    let algo: Box<dyn Algo> = if v.out == 64 {
        let mut p = blake2b_simd::Params::new();
        p.hash_length(ds)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout)
            .max_depth(depth)
            .max_leaf_length(leaf_size)
            .node_offset(node_offset)
            .node_depth(node_depth)
            .inner_hash_length(inner)
            .last_node(last_node);
        Box::new(p.to_state())
    } else {
        let mut p = blake2s_simd::Params::new();
        p.hash_length(ds)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout)
            .max_depth(depth)
            .max_leaf_length(leaf_size)
            .node_offset(node_offset)
            .node_depth(node_depth)
            .inner_hash_length(inner)
            .last_node(last_node);
        Box::new(p.to_state())
    };
    let info = Info {
        name: v.name,
        digest_size: ds,
        block_size: v.block,
        xof: false,
    };
    new_hash(vm, &cls, algo, info, data.as_ref())
}
