//! `_sha1` (Modules/sha1module.c): the `sha1` constructor and its class
//! `_sha1.sha1`, over RustCrypto's `sha1`.

use super::{add_ctor, ctor_data, hash_class, new_hash, set_class, Fixed, Info};
use crate::args::fargs;
use crate::native::existing_class;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const SHA1: Info = Info {
    name: "sha1",
    digest_size: 20,
    block_size: 64,
    xof: false,
};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let cls = hash_class(vm, "_sha1", "sha1", &[], &[]);
    set_class(vm, module, "SHA1Type", &cls);
    add_ctor(vm, module, MethodDef::method("sha1", sha1));
    Ok(())
}

fn sha1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ctor_data(vm, "sha1", &fargs(&args), "string")?;
    let cls = existing_class(vm, "_sha1", "sha1")?;
    new_hash(
        vm,
        &cls,
        Box::new(Fixed(sha1::Sha1::default())),
        SHA1,
        data.as_ref(),
    )
}
