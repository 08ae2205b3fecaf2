//! `_sha256` (Modules/sha256module.c): the `sha224` and `sha256` constructors and their classes
//! `_sha256.sha224` and `_sha256.sha256`, over RustCrypto's `sha2`.

use super::{add_ctor, ctor_data, hash_class, new_hash, set_class, Fixed, Info};
use crate::args::fargs;
use crate::native::existing_class;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const SHA224: Info = Info {
    name: "sha224",
    digest_size: 28,
    block_size: 64,
    xof: false,
};

const SHA256: Info = Info {
    name: "sha256",
    digest_size: 32,
    block_size: 64,
    xof: false,
};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    for (name, alias) in [("sha224", "SHA224Type"), ("sha256", "SHA256Type")] {
        let cls = hash_class(vm, "_sha256", name, &[], &[]);
        set_class(vm, module, alias, &cls);
    }
    add_ctor(vm, module, MethodDef::method("sha224", sha224));
    add_ctor(vm, module, MethodDef::method("sha256", sha256));
    Ok(())
}

fn sha224(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ctor_data(vm, "sha224", &fargs(&args), "string")?;
    let cls = existing_class(vm, "_sha256", "sha224")?;
    new_hash(
        vm,
        &cls,
        Box::new(Fixed(sha2::Sha224::default())),
        SHA224,
        data.as_ref(),
    )
}

fn sha256(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ctor_data(vm, "sha256", &fargs(&args), "string")?;
    let cls = existing_class(vm, "_sha256", "sha256")?;
    new_hash(
        vm,
        &cls,
        Box::new(Fixed(sha2::Sha256::default())),
        SHA256,
        data.as_ref(),
    )
}
