//! `_md5` (Modules/md5module.c): the `md5` constructor and its class
//! `_md5.md5`, over RustCrypto's `md-5`.

use super::{add_ctor, ctor_data, hash_class, new_hash, set_class, Fixed, Info};
use crate::args::fargs;
use crate::native::existing_class;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const MD5: Info = Info {
    name: "md5",
    digest_size: 16,
    block_size: 64,
    xof: false,
};

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let cls = hash_class(vm, "_md5", "md5", &[], &[]);
    set_class(vm, module, "MD5Type", &cls);
    add_ctor(vm, module, MethodDef::method("md5", md5));
    Ok(())
}

fn md5(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ctor_data(vm, "md5", &fargs(&args), "string")?;
    let cls = existing_class(vm, "_md5", "md5")?;
    new_hash(
        vm,
        &cls,
        Box::new(Fixed(md5::Md5::default())),
        MD5,
        data.as_ref(),
    )
}
