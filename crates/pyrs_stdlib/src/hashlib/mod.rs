//! The hash objects behind Lib/hashlib.py when `_hashlib` (OpenSSL) is
//! absent: what `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3` and `_blake2`
//! share (the instance state over a boxed algorithm, the methods `update`,
//! `digest`, `hexdigest`, `copy` and the getters, CPython's argument errors).

pub mod blake2;
pub mod md5;
pub mod sha1;
pub mod sha256;
pub mod sha3;
pub mod sha512;

use crate::held::add_getters;
use crate::native::{class, new_instance, state, this, Refs};
use num_traits::ToPrimitive;
use pyrs_vm::modules::set_attr;
use pyrs_vm::objects::native::{Args, MethodDef, NativeFn};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::protocol::object::as_int;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

/// One running hash computation.
pub trait Algo: 'static {
    fn update(&mut self, data: &[u8]);
    /// The digest of what was fed so far (`len` bytes for an XOF).
    fn finish(&self, len: usize) -> Vec<u8>;
    fn boxed_clone(&self) -> Box<dyn Algo>;
}

/// A RustCrypto fixed-output hash.
#[derive(Clone)]
pub struct Fixed<D>(pub D);

impl<D: sha2::Digest + Clone + 'static> Algo for Fixed<D> {
    fn update(&mut self, data: &[u8]) {
        sha2::Digest::update(&mut self.0, data);
    }
    fn finish(&self, _len: usize) -> Vec<u8> {
        self.0.clone().finalize().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(self.clone())
    }
}

/// What a hash object's class says of it.
#[derive(Clone, Copy)]
pub struct Info {
    /// The `name` attribute, also the class name in messages.
    pub name: &'static str,
    pub digest_size: usize,
    pub block_size: usize,
    /// SHAKE: `digest(length)`.
    pub xof: bool,
}

pub struct Hash {
    algo: Box<dyn Algo>,
    info: Info,
}

impl Refs for Hash {
    fn refs(&self, _f: &mut dyn FnMut(&Value)) {}
}

const WHAT: &str = "hash object";

/// The data of a hashed argument, with `GET_BUFFER_VIEW_OR_ERROUT`'s messages.
pub fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    pyrs_vm::types::bytes::bytes_like(v)
        .ok_or_else(|| vm.type_error("object supporting the buffer API required"))
}

/// A `y*` argument (blake2's key, salt, person).
pub fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    pyrs_vm::types::bytes::bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn with<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut Hash) -> R) -> PyResult<R> {
    match state::<Hash>(vm, v, WHAT)?.get_mut() {
        Some(h) => Ok(f(h)),
        None => Err(vm.runtime_error("hash object is not initialised")),
    }
}

fn info(vm: &Vm, v: &Value) -> PyResult<Info> {
    with(vm, v, |h| h.info)
}

/// The methods and getters of every hash class.
const METHODS: &[MethodDef] = &[
    MethodDef::method("update", hash_update),
    MethodDef::method("digest", hash_digest),
    MethodDef::method("hexdigest", hash_hexdigest),
    MethodDef::method("copy", hash_copy),
];

const GETTERS: &[(&str, NativeFn)] = &[
    ("name", get_name),
    ("digest_size", get_digest_size),
    ("block_size", get_block_size),
];

/// Make class `module.name` with the hash methods, plus `extra` (a `__new__`
/// for classes that are their own constructors), and return it.
pub fn hash_class(
    vm: &mut Vm,
    module: &'static str,
    name: &'static str,
    extra: &[MethodDef],
    extra_getters: &[(&'static str, NativeFn)],
) -> ObjRef {
    let mut methods = METHODS.to_vec();
    if extra.is_empty() {
        methods.push(MethodDef::staticmethod("__new__", refuse_new));
    }
    methods.extend_from_slice(extra);
    let c = class(vm, module, name, None, BaseKind::Object, &methods);
    add_getters(vm, &c, GETTERS);
    add_getters(vm, &c, extra_getters);
    c
}

/// A new hash object of class `cls`, fed `data` if given.
pub fn new_hash(
    vm: &Vm,
    cls: &ObjRef,
    mut algo: Box<dyn Algo>,
    info: Info,
    data: Option<&Value>,
) -> PyResult<Value> {
    if let Some(d) = data {
        algo.update(&data_arg(vm, d)?);
    }
    Ok(new_instance(cls, Hash { algo, info }))
}

/// The data argument of a constructor `name(string=b'', *, usedforsecurity=True)`
/// (`kw` names the first parameter, or is empty when it is positional-only).
pub fn ctor_data(vm: &Vm, name: &str, args: &Args, kw: &str) -> PyResult<Option<Value>> {
    check_positional(vm, name, args)?;
    let first = if kw.is_empty() { "data" } else { kw };
    let posonly = usize::from(kw.is_empty());
    let [data, _usedforsecurity] = bind(vm, name, args, [first, "usedforsecurity"], 0, posonly)?;
    Ok(data)
}

/// "name() takes at most 1 positional argument (N given)".
pub fn check_positional(vm: &Vm, name: &str, args: &Args) -> PyResult<()> {
    let n = args.pos().len();
    if n > 1 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 1 positional argument ({n} given)"
        )));
    }
    Ok(())
}

/// Register a module-level constructor function and the class it makes.
pub fn add_ctor(vm: &Vm, module: &ObjRef, def: MethodDef) {
    pyrs_vm::modules::add_functions(vm, module, &[def]);
}

pub fn set_class(vm: &Vm, module: &ObjRef, name: &str, cls: &ObjRef) {
    set_attr(vm, module, name, Value::Obj(cls.clone()));
}

/// `__new__` of the classes made by module functions (`_md5.MD5Type()`).
fn refuse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.args.first().cloned().unwrap_or(Value::None);
    let module = vm.getattr_str(&cls, "__module__")?;
    let name = vm.getattr_str(&cls, "__qualname__")?;
    Err(vm.type_error(format!(
        "cannot create '{}.{}' instances",
        module.as_str().unwrap_or("?"),
        name.as_str().unwrap_or("?")
    )))
}

/// The classes whose methods are METH_NOARGS-style in CPython ("copy() takes
/// no arguments") rather than Argument Clinic's.
fn plain_copy_message(name: &str) -> bool {
    matches!(
        name,
        "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512"
    )
}

fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, method: &str) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}.{method}() takes no keyword arguments")));
    }
    Ok(args.pos().get(1..).unwrap_or(&[]))
}

fn one_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str, method: &str) -> PyResult<&'a Value> {
    let p = method_args(vm, args, name, method)?;
    match p {
        [v] => Ok(v),
        _ => Err(vm.type_error(format!(
            "{name}.{method}() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}

fn hash_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let i = info(vm, me)?;
    let v = one_arg(vm, &args, i.name, "update")?;
    let data = data_arg(vm, v)?;
    with(vm, me, |h| h.algo.update(&data))?;
    Ok(Value::None)
}

/// The digest bytes: no argument, or SHAKE's `length`.
fn digest_of(vm: &Vm, args: &Args, method: &str) -> PyResult<Vec<u8>> {
    let me = this(vm, args)?;
    let i = info(vm, me)?;
    let len = if i.xof {
        let v = one_arg(vm, args, i.name, method)?;
        let n = as_int(v).ok_or_else(|| vm.type_error("an integer is required"))?;
        let n = n.to_big();
        if n.sign() == num_bigint::Sign::Minus {
            return Err(vm.value_error("value must be positive"));
        }
        let n = n.to_u64().ok_or_else(|| {
            vm.overflow_error("Python int too large to convert to C unsigned long")
        })?;
        if n >= 1 << 29 {
            return Err(vm.value_error("length is too large"));
        }
        n as usize
    } else {
        let p = method_args(vm, args, i.name, method)?;
        if !p.is_empty() {
            return Err(vm.type_error(format!(
                "{}.{method}() takes no arguments ({} given)",
                i.name,
                p.len()
            )));
        }
        i.digest_size
    };
    with(vm, me, |h| h.algo.finish(len))
}

fn hash_digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = digest_of(vm, &args, "digest")?;
    Ok(vm.new_bytes(d))
}

fn hash_hexdigest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = digest_of(vm, &args, "hexdigest")?;
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(s))
}

fn hash_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(vm, &args)?;
    let i = info(vm, me)?;
    method_args(vm, &args, i.name, "copy").and_then(|p| {
        if p.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(if plain_copy_message(i.name) {
                "copy() takes no arguments".to_string()
            } else {
                format!("{}.copy() takes no arguments ({} given)", i.name, p.len())
            }))
        }
    })?;
    let algo = with(vm, me, |h| h.algo.boxed_clone())?;
    let cls = vm.type_of(me).clone();
    Ok(new_instance(&cls, Hash { algo, info: i }))
}

fn get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = info(vm, this(vm, &args)?)?;
    Ok(vm.new_str(i.name))
}

fn get_digest_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = info(vm, this(vm, &args)?)?;
    Ok(Value::Int(if i.xof { 0 } else { i.digest_size as i64 }))
}

fn get_block_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = info(vm, this(vm, &args)?)?;
    Ok(Value::Int(i.block_size as i64))
}
