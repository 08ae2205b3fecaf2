//! `_sha512` (Modules/sha512module.c): the `sha384` and `sha512` constructors and their classes
//! `_sha512.sha384` and `_sha512.sha512`, over RustCrypto's `sha2`.

use super::{add_ctor, ctor_data, hash_class, new_hash, set_class, Fixed, Info};
use crate::args::fargs;
use crate::native::existing_class;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const SHA384: Info = Info {
    name: "sha384",
    digest_size: 48,
    block_size: 128,
    xof: false,
};

const SHA512: Info = Info {
    name: "sha512",
    digest_size: 64,
    block_size: 128,
    xof: false,
};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    for (name, alias) in [("sha384", "SHA384Type"), ("sha512", "SHA384Type")] {
        let cls = hash_class(vm, "_sha512", name, &[], &[]);
        set_class(vm, module, alias, &cls);
    }
    add_ctor(vm, module, MethodDef::method("sha384", sha384));
    add_ctor(vm, module, MethodDef::method("sha512", sha512));
    Ok(())
}

fn sha384(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ctor_data(vm, "sha384", &fargs(&args), "string")?;
    let cls = existing_class(vm, "_sha512", "sha384")?;
    new_hash(
        vm,
        &cls,
        Box::new(Fixed(sha2::Sha384::default())),
        SHA384,
        data.as_ref(),
    )
}

fn sha512(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ctor_data(vm, "sha512", &fargs(&args), "string")?;
    let cls = existing_class(vm, "_sha512", "sha512")?;
    new_hash(
        vm,
        &cls,
        Box::new(Fixed(sha2::Sha512::default())),
        SHA512,
        data.as_ref(),
    )
}
