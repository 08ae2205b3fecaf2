//! `_codecs` (Modules/_codecsmodule.c, Python/codecs.c): the codec registry
//! (search functions, the lookup cache, error handlers) that Lib/codecs.py
//! and the Lib/encodings package build on, and the codec functions the
//! encodings modules call (`utf_8_decode`, `charmap_encode`...). The
//! Unicode transformation formats themselves are the VM's
//! (pyrs_vm::types::codecs), shared with `str.encode` and `bytes.decode`.

use crate::args::fargs;
use pyrs_vm::modules::add_functions;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::types::args::bind;
use pyrs_vm::types::codecs as vmcodecs;
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Default)]
struct Registry {
    search: Vec<Value>,
    cache: HashMap<String, Value>,
    errors: HashMap<String, Value>,
    initialised: bool,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("register", codecs_register),
    MethodDef::method("unregister", codecs_unregister),
    MethodDef::method("lookup", codecs_lookup),
    MethodDef::method("encode", codecs_encode),
    MethodDef::method("decode", codecs_decode),
    MethodDef::method("_forget_codec", codecs_forget),
    MethodDef::method("register_error", register_error),
    MethodDef::method("lookup_error", lookup_error),
    MethodDef::method("utf_8_encode", utf_8_encode),
    MethodDef::method("utf_8_decode", utf_8_decode),
    MethodDef::method("ascii_encode", ascii_encode),
    MethodDef::method("ascii_decode", ascii_decode),
    MethodDef::method("latin_1_encode", latin_1_encode),
    MethodDef::method("latin_1_decode", latin_1_decode),
    MethodDef::method("utf_16_encode", utf_16_encode),
    MethodDef::method("utf_16_decode", utf_16_decode),
    MethodDef::method("utf_16_le_encode", utf_16_le_encode),
    MethodDef::method("utf_16_le_decode", utf_16_le_decode),
    MethodDef::method("utf_16_be_encode", utf_16_be_encode),
    MethodDef::method("utf_16_be_decode", utf_16_be_decode),
    MethodDef::method("utf_16_ex_decode", utf_16_ex_decode),
    MethodDef::method("utf_32_encode", utf_32_encode),
    MethodDef::method("utf_32_decode", utf_32_decode),
    MethodDef::method("utf_32_le_encode", utf_32_le_encode),
    MethodDef::method("utf_32_le_decode", utf_32_le_decode),
    MethodDef::method("utf_32_be_encode", utf_32_be_encode),
    MethodDef::method("utf_32_be_decode", utf_32_be_decode),
    MethodDef::method("utf_32_ex_decode", utf_32_ex_decode),
    MethodDef::method("charmap_encode", charmap_encode),
    MethodDef::method("charmap_decode", charmap_decode),
    MethodDef::method("charmap_build", charmap_build),
    MethodDef::method("escape_encode", escape_encode),
    MethodDef::method("escape_decode", escape_decode),
    MethodDef::method("unicode_escape_encode", unicode_escape_encode),
    MethodDef::method("unicode_escape_decode", unicode_escape_decode),
    MethodDef::method("raw_unicode_escape_encode", raw_unicode_escape_encode),
    MethodDef::method("raw_unicode_escape_decode", raw_unicode_escape_decode),
    MethodDef::method("readbuffer_encode", readbuffer_encode),
];

/// The builtin error handlers, registered under these names.
const HANDLERS: &[MethodDef] = &[
    MethodDef::method("strict_errors", strict_errors),
    MethodDef::method("ignore_errors", ignore_errors),
    MethodDef::method("replace_errors", replace_errors),
    MethodDef::method("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
    MethodDef::method("backslashreplace_errors", backslashreplace_errors),
    MethodDef::method("namereplace_errors", backslashreplace_errors),
];
const HANDLER_NAMES: [&str; 6] = [
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    // The handlers are functions of a private module so their repr names
    // them as CPython's builtins do.
    let hidden = vm.new_dict();
    let holder = ObjRef::new(
        &vm.types().module,
        Payload::Module(pyrs_vm::objects::module::ModuleData { dict: hidden }),
    );
    add_functions(vm, &holder, HANDLERS);
    for (name, def) in HANDLER_NAMES.iter().zip(HANDLERS) {
        let f = vm.getattr_str(&Value::Obj(holder.clone()), def.name)?;
        REGISTRY.with(|r| r.borrow_mut().errors.insert(name.to_string(), f));
    }
    Ok(())
}

fn lookup_err(vm: &Vm, msg: String) -> PyErr {
    vm.new_error(&vm.types().exc.lookup_error, msg)
}

// ----- the registry -----

fn codecs_register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "register", &fargs(&args), 1, 1)?;
    if !vm.is_callable(&a[0]) {
        return Err(vm.type_error("argument must be callable"));
    }
    REGISTRY.with(|r| r.borrow_mut().search.push(a[0].clone()));
    Ok(Value::None)
}

fn codecs_unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "unregister", &fargs(&args), 1, 1)?;
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.search.iter().position(|f| f.is(&a[0])) {
            r.search.remove(i);
            r.cache.clear();
        }
    });
    Ok(Value::None)
}

/// `normalizestring`: lower case, runs of other characters than letters,
/// digits and '.' as one '_'.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.extend(c.to_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// `_PyCodec_Lookup`: the CodecInfo of `encoding`.
fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    // Like CPython's registry initialisation, the first lookup imports
    // the encodings package, which registers its search function.
    if !REGISTRY.with(|r| std::mem::replace(&mut r.borrow_mut().initialised, true)) {
        if let Err(e) = vm.import_absolute("encodings") {
            REGISTRY.with(|r| r.borrow_mut().initialised = false);
            return Err(e);
        }
    }
    let key = normalize(encoding);
    if let Some(ci) = REGISTRY.with(|r| r.borrow().cache.get(&key).cloned()) {
        return Ok(ci);
    }
    let search = REGISTRY.with(|r| r.borrow().search.clone());
    let name = vm.new_str(key.as_str());
    for f in search {
        let r = vm.call(&f, std::slice::from_ref(&name))?;
        if matches!(r, Value::None) {
            continue;
        }
        if r.as_tuple().map(<[Value]>::len) != Some(4) {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        REGISTRY.with(|reg| reg.borrow_mut().cache.insert(key, r.clone()));
        return Ok(r);
    }
    Err(lookup_err(vm, format!("unknown encoding: {encoding}")))
}

fn str_param(vm: &Vm, v: &Value, func: &str, n: usize) -> PyResult<String> {
    v.as_str().map(str::to_string).ok_or_else(|| {
        vm.type_error(format!(
            "{func}() argument {n} must be str, not {}",
            vm.type_name(v)
        ))
    })
}

fn codecs_lookup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "lookup", &fargs(&args), 1, 1)?;
    let enc = str_param(vm, &a[0], "lookup", 1)?;
    lookup(vm, &enc)
}

fn codecs_forget(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "_forget_codec", &fargs(&args), 1, 1)?;
    let enc = str_param(vm, &a[0], "_forget_codec", 1)?;
    REGISTRY.with(|r| r.borrow_mut().cache.remove(&normalize(&enc)));
    Ok(Value::None)
}

/// `codecs.encode`/`decode`: the codec's function (item 0 or 1 of its
/// CodecInfo), whose result must be an (object, length) pair.
fn transcode(vm: &mut Vm, args: Args, name: &str, which: usize) -> PyResult<Value> {
    let [obj, encoding, errors] =
        bind(vm, name, &fargs(&args), ["obj", "encoding", "errors"], 1, 0)?;
    let encoding = match &encoding {
        Some(e) => str_param(vm, e, name, 2)?,
        None => "utf-8".to_string(),
    };
    let errors = match &errors {
        Some(e) => e.clone(),
        None => vm.new_str("strict"),
    };
    let ci = lookup(vm, &encoding)?;
    let f = ci
        .as_tuple()
        .and_then(|t| t.get(which).cloned())
        .unwrap_or(Value::None);
    let r = vm.call(&f, &[obj.unwrap_or(Value::None), errors])?;
    match r.as_tuple() {
        Some([v, _]) => Ok(v.clone()),
        _ => Err(vm.type_error(if which == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

fn codecs_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    transcode(vm, args, "encode", 0)
}

fn codecs_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    transcode(vm, args, "decode", 1)
}

fn register_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "register_error", &fargs(&args), 2, 2)?;
    let name = str_param(vm, &a[0], "register_error", 1)?;
    if !vm.is_callable(&a[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    REGISTRY.with(|r| r.borrow_mut().errors.insert(name, a[1].clone()));
    Ok(Value::None)
}

fn lookup_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "lookup_error", &fargs(&args), 1, 1)?;
    let name = str_param(vm, &a[0], "lookup_error", 1)?;
    match REGISTRY.with(|r| r.borrow().errors.get(&name).cloned()) {
        Some(h) => Ok(h),
        None => Err(lookup_err(
            vm,
            format!("unknown error handler name '{name}'"),
        )),
    }
}

// ----- the builtin error handlers -----

/// The kind of a UnicodeError and its (object, start, end).
enum ErrKind {
    Encode,
    Decode,
    Translate,
}

fn error_parts(vm: &mut Vm, exc: &Value) -> PyResult<(ErrKind, Value, usize, usize)> {
    let t = vm.types();
    let ty = vm.type_of(exc).clone();
    let kind = if pyrs_vm::vm::is_subtype(&ty, &t.exc.unicode_encode_error) {
        ErrKind::Encode
    } else if pyrs_vm::vm::is_subtype(&ty, &t.exc.unicode_decode_error) {
        ErrKind::Decode
    } else if pyrs_vm::vm::is_subtype(&ty, &t.exc.unicode_translate_error) {
        ErrKind::Translate
    } else {
        return Err(vm.type_error(format!(
            "don't know how to handle {} in error callback",
            vm.type_name(exc)
        )));
    };
    let object = vm.getattr_str(exc, "object")?;
    let start = vm.getattr_str(exc, "start")?;
    let end = vm.getattr_str(exc, "end")?;
    let start = vm.to_i64(&start, "")?.max(0) as usize;
    let end = vm.to_i64(&end, "")?.max(0) as usize;
    Ok((kind, object, start, end))
}

fn handler_arg(vm: &Vm, args: &Args) -> PyResult<Value> {
    let a = crate::args::check(vm, "error handler", &fargs(args), 1, 1)?;
    Ok(a[0].clone())
}

fn chars_of(v: &Value, start: usize, end: usize) -> Vec<char> {
    v.as_str()
        .map(|s| {
            s.chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .collect()
        })
        .unwrap_or_default()
}

fn strict_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = handler_arg(vm, &args)?;
    match exc {
        Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => Err(PyErr(o)),
        _ => Err(vm.type_error("codec must pass exception instance")),
    }
}

fn ignore_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = handler_arg(vm, &args)?;
    let (_, _, _, end) = error_parts(vm, &exc)?;
    Ok(vm.new_tuple(vec![vm.new_str(""), Value::Int(end as i64)]))
}

fn replace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = handler_arg(vm, &args)?;
    let (kind, _, start, end) = error_parts(vm, &exc)?;
    let n = end.saturating_sub(start);
    let s = match kind {
        ErrKind::Encode => "?".repeat(n),
        ErrKind::Decode => "\u{fffd}".to_string(),
        ErrKind::Translate => "\u{fffd}".repeat(n),
    };
    Ok(vm.new_tuple(vec![vm.new_str(s), Value::Int(end as i64)]))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = handler_arg(vm, &args)?;
    let (kind, object, start, end) = error_parts(vm, &exc)?;
    if !matches!(kind, ErrKind::Encode) {
        return Err(vm.type_error(format!(
            "don't know how to handle {} in error callback",
            vm.type_name(&exc)
        )));
    }
    let s: String = chars_of(&object, start, end)
        .iter()
        .map(|&c| format!("&#{};", c as u32))
        .collect();
    Ok(vm.new_tuple(vec![vm.new_str(s), Value::Int(end as i64)]))
}

fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn backslashreplace_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = handler_arg(vm, &args)?;
    let (kind, object, start, end) = error_parts(vm, &exc)?;
    let s: String = match kind {
        ErrKind::Decode => pyrs_vm::types::bytes::bytes_like(&object)
            .unwrap_or_default()
            .get(start..end.min(start.max(end)))
            .unwrap_or(&[])
            .iter()
            .map(|&b| format!("\\x{b:02x}"))
            .collect(),
        _ => chars_of(&object, start, end)
            .iter()
            .map(|&c| backslash_escape(c as u32))
            .collect(),
    };
    Ok(vm.new_tuple(vec![vm.new_str(s), Value::Int(end as i64)]))
}

// ----- argument helpers of the codec functions -----

/// The text argument of an encoder ("utf_8_encode() argument 1 must be str").
fn text_arg(vm: &Vm, v: &Value, func: &str) -> PyResult<String> {
    str_param(vm, v, func, 1)
}

/// The data argument of a decoder: a bytes-like object.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    pyrs_vm::types::bytes::bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// Data that may also be a str (CPython's `s*`: its UTF-8 bytes).
fn data_or_str(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.as_str() {
        Some(s) => Ok(s.as_bytes().to_vec()),
        None => data_arg(vm, v),
    }
}

fn errors_param(vm: &Vm, v: Option<&Value>, func: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".into()),
        Some(e) => e.as_str().map(str::to_string).ok_or_else(|| {
            vm.type_error(format!(
                "{func}() argument 2 must be str or None, not {}",
                vm.type_name(e)
            ))
        }),
    }
}

fn pos_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    func: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    crate::args::check(vm, func, &fargs(args), min, max)
}

fn truthy(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.is_true(v),
    }
}

fn pair(vm: &Vm, v: Value, n: usize) -> Value {
    vm.new_tuple(vec![v, Value::Int(n as i64)])
}

/// An encoder over the VM's codec `encoding`.
fn encode_with(vm: &mut Vm, args: &Args, func: &str, encoding: &str) -> PyResult<Value> {
    let a = pos_args(vm, args, func, 1, 2)?;
    let s = text_arg(vm, &a[0], func)?;
    let errors = errors_param(vm, a.get(1), func)?;
    let b = vmcodecs::encode(vm, &s, encoding, &errors)?;
    let n = s.chars().count();
    Ok(pair(vm, vm.new_bytes(b), n))
}

/// How many bytes at the end of `b` are an incomplete sequence of the
/// codec, left for the next call when `final` is false.
fn incomplete_tail(b: &[u8], encoding: &str) -> usize {
    match encoding {
        "utf-8" => {
            for back in 1..=3.min(b.len()) {
                let c = b[b.len() - back];
                if c & 0xc0 == 0x80 {
                    continue;
                }
                let need = match c {
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf4 => 4,
                    _ => 1,
                };
                return if back < need { back } else { 0 };
            }
            0
        }
        e if e.starts_with("utf-16") => {
            let odd = b.len() % 2;
            let even = &b[..b.len() - odd];
            let big = e.ends_with("be");
            // A high surrogate waits for its partner.
            if even.len() >= 2 {
                let u = &even[even.len() - 2..];
                let unit = if big {
                    u16::from_be_bytes([u[0], u[1]])
                } else {
                    u16::from_le_bytes([u[0], u[1]])
                };
                if (0xd800..0xdc00).contains(&unit) {
                    return odd + 2;
                }
            }
            odd
        }
        e if e.starts_with("utf-32") => b.len() % 4,
        _ => 0,
    }
}

/// A decoder over the VM's codec `encoding`; `stateful` decoders take a
/// `final` flag and may leave an incomplete tail unconsumed.
fn decode_with(
    vm: &mut Vm,
    args: &Args,
    func: &str,
    encoding: &str,
    stateful: bool,
) -> PyResult<Value> {
    let a = pos_args(vm, args, func, 1, if stateful { 3 } else { 2 })?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_param(vm, a.get(1), func)?;
    let fin = truthy(vm, a.get(2), false)?;
    let keep = if stateful && !fin {
        incomplete_tail(&data, encoding)
    } else {
        0
    };
    let used = &data[..data.len() - keep];
    let s = vmcodecs::decode(vm, used, encoding, &errors)?;
    Ok(pair(vm, vm.new_str(s), used.len()))
}

macro_rules! codec_pair {
    ($enc:ident, $dec:ident, $name:literal, $stateful:expr) => {
        fn $enc(vm: &mut Vm, args: Args) -> PyResult<Value> {
            encode_with(vm, &args, stringify!($enc), $name)
        }
        fn $dec(vm: &mut Vm, args: Args) -> PyResult<Value> {
            decode_with(vm, &args, stringify!($dec), $name, $stateful)
        }
    };
}

codec_pair!(utf_8_encode, utf_8_decode, "utf-8", true);
codec_pair!(ascii_encode, ascii_decode, "ascii", false);
codec_pair!(latin_1_encode, latin_1_decode, "latin-1", false);
codec_pair!(utf_16_le_encode, utf_16_le_decode, "utf-16-le", true);
codec_pair!(utf_16_be_encode, utf_16_be_decode, "utf-16-be", true);
codec_pair!(utf_32_le_encode, utf_32_le_decode, "utf-32-le", true);
codec_pair!(utf_32_be_encode, utf_32_be_decode, "utf-32-be", true);

fn utf_16_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_with(vm, &args, "utf_16_decode", "utf-16", true)
}

fn utf_32_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    decode_with(vm, &args, "utf_32_decode", "utf-32", true)
}

/// `utf_16_encode(str, errors=None, byteorder=0)`: 0 writes a BOM.
fn wide_encode(vm: &mut Vm, args: &Args, func: &str, bits: u32) -> PyResult<Value> {
    let a = pos_args(vm, args, func, 1, 3)?;
    let order = match a.get(2) {
        Some(v) => vm.to_i64(v, "")?,
        None => 0,
    };
    let enc = match order {
        0 => format!("utf-{bits}"),
        o if o < 0 => format!("utf-{bits}-le"),
        _ => format!("utf-{bits}-be"),
    };
    let sub = Args {
        args: &args.args[..args.args.len().min(3)],
        kwnames: &[],
    };
    encode_with(vm, &sub, func, &enc)
}

fn utf_16_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wide_encode(vm, &args, "utf_16_encode", 16)
}

fn utf_32_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wide_encode(vm, &args, "utf_32_encode", 32)
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`: the
/// byte order from a BOM when `byteorder` is 0, returned third.
fn wide_ex_decode(vm: &mut Vm, args: &Args, func: &str, width: usize) -> PyResult<Value> {
    let a = pos_args(vm, args, func, 1, 4)?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_param(vm, a.get(1), func)?;
    let mut order = match a.get(2) {
        Some(v) => vm.to_i64(v, "")?,
        None => 0,
    };
    let fin = truthy(vm, a.get(3), false)?;
    let bits = width * 8;
    let mut skip = 0;
    if order == 0 && data.len() >= width {
        let (le, be): (&[u8], &[u8]) = if width == 2 {
            (&[0xff, 0xfe], &[0xfe, 0xff])
        } else {
            (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff])
        };
        if data.starts_with(le) {
            order = -1;
            skip = width;
        } else if data.starts_with(be) {
            order = 1;
            skip = width;
        }
    }
    let enc = if order > 0 {
        format!("utf-{bits}-be")
    } else {
        format!("utf-{bits}-le")
    };
    let body = &data[skip..];
    let keep = if fin { 0 } else { incomplete_tail(body, &enc) };
    let used = &body[..body.len() - keep];
    let s = vmcodecs::decode(vm, used, &enc, &errors)?;
    Ok(vm.new_tuple(vec![
        vm.new_str(s),
        Value::Int((skip + used.len()) as i64),
        Value::Int(order),
    ]))
}

fn utf_16_ex_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wide_ex_decode(vm, &args, "utf_16_ex_decode", 2)
}

fn utf_32_ex_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wide_ex_decode(vm, &args, "utf_32_ex_decode", 4)
}

// ----- charmap -----

/// Call error handler `errors` on a UnicodeError made by `make`; the
/// replacement and where to resume. The builtin names are handled here.
fn charmap_decode_error(
    vm: &mut Vm,
    errors: &str,
    data: &[u8],
    pos: usize,
) -> PyResult<(String, usize)> {
    let reason = "character maps to <undefined>";
    match errors {
        "strict" => Err(vmcodecs::decode_error(
            vm,
            "charmap",
            data,
            pos,
            pos + 1,
            reason,
        )),
        "ignore" => Ok((String::new(), pos + 1)),
        "replace" => Ok(("\u{fffd}".into(), pos + 1)),
        "backslashreplace" => Ok((format!("\\x{:02x}", data[pos]), pos + 1)),
        _ => {
            let exc = vmcodecs::decode_error(vm, "charmap", data, pos, pos + 1, reason);
            custom_handler(vm, errors, exc, data.len())
        }
    }
}

/// A registered handler: its (replacement str, new position).
fn custom_handler(vm: &mut Vm, errors: &str, exc: PyErr, len: usize) -> PyResult<(String, usize)> {
    let Some(h) = REGISTRY.with(|r| r.borrow().errors.get(errors).cloned()) else {
        return Err(lookup_err(
            vm,
            format!("unknown error handler name '{errors}'"),
        ));
    };
    let r = vm.call(&h, &[Value::Obj(exc.0)])?;
    match r.as_tuple() {
        Some([s, p]) if s.as_str().is_some() => {
            let p = vm.to_i64(p, "")?;
            let p = if p < 0 { p + len as i64 } else { p };
            if p < 0 || p as usize > len {
                return Err(
                    vm.index_error(format!("position {p} from error handler out of bounds"))
                );
            }
            Ok((s.as_str().unwrap_or("").to_string(), p as usize))
        }
        _ => Err(vm.type_error("decoding error handler must return (str, int) tuple")),
    }
}

fn charmap_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "charmap_decode", 1, 3)?;
    let data = data_arg(vm, &a[0])?;
    let errors = errors_param(vm, a.get(1), "charmap_decode")?;
    let mapping = a.get(2).cloned().unwrap_or(Value::None);
    if matches!(mapping, Value::None) {
        let s: String = data.iter().map(|&b| b as char).collect();
        return Ok(pair(vm, vm.new_str(s), data.len()));
    }
    let table: Option<Vec<char>> = mapping.as_str().map(|s| s.chars().collect());
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let mapped: Option<String> = match &table {
            Some(t) => t
                .get(b as usize)
                .filter(|&&c| c != '\u{fffe}')
                .map(|c| c.to_string()),
            None => {
                let key = Value::Int(b as i64);
                match vm.getitem(&mapping, &key) {
                    Ok(Value::None) => None,
                    Ok(v) => {
                        if let Some(s) = v.as_str() {
                            (s != "\u{fffe}").then(|| s.to_string())
                        } else {
                            let c = vm.to_i64(&v, "")?;
                            match u32::try_from(c).ok().and_then(char::from_u32) {
                                Some('\u{fffe}') => None,
                                Some(ch) => Some(ch.to_string()),
                                None => {
                                    return Err(vm.type_error(
                                        "character mapping must be in range(0x110000)",
                                    ))
                                }
                            }
                        }
                    }
                    Err(e) if vm.err_matches(&e, &vm.types().exc.lookup_error) => None,
                    Err(e) => return Err(e),
                }
            }
        };
        match mapped {
            Some(s) => {
                out.push_str(&s);
                i += 1;
            }
            None => {
                let (rep, next) = charmap_decode_error(vm, &errors, &data, i)?;
                out.push_str(&rep);
                i = next;
            }
        }
    }
    Ok(pair(vm, vm.new_str(out), data.len()))
}

/// What the mapping gives for one character: bytes, or None if unmapped.
fn charmap_lookup(vm: &mut Vm, mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    let key = Value::Int(c as i64);
    match vm.getitem(mapping, &key) {
        Ok(Value::None) => Ok(None),
        Ok(v) => {
            if let Some(b) = pyrs_vm::types::bytes::bytes_like(&v) {
                return Ok(Some(b));
            }
            let n = vm.to_i64(&v, "")?;
            if !(0..256).contains(&n) {
                return Err(vm.type_error("character mapping must be in range(256)"));
            }
            Ok(Some(vec![n as u8]))
        }
        Err(e) if vm.err_matches(&e, &vm.types().exc.lookup_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn charmap_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "charmap_encode", 1, 3)?;
    let s = text_arg(vm, &a[0], "charmap_encode")?;
    let errors = errors_param(vm, a.get(1), "charmap_encode")?;
    let mapping = a.get(2).cloned().unwrap_or(Value::None);
    let n = s.chars().count();
    if matches!(mapping, Value::None) {
        let b = vmcodecs::encode(vm, &s, "latin-1", &errors)?;
        return Ok(pair(vm, vm.new_bytes(b), n));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = charmap_lookup(vm, &mapping, chars[i])? {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        // The run of unmappable characters goes to the error handler.
        let mut j = i + 1;
        while j < chars.len() && charmap_lookup(vm, &mapping, chars[j])?.is_none() {
            j += 1;
        }
        let reason = "character maps to <undefined>";
        let replacement: String = match errors.as_str() {
            "strict" => {
                return Err(vmcodecs::encode_error(vm, "charmap", &s, i, j, reason));
            }
            "ignore" => String::new(),
            "replace" => "?".repeat(j - i),
            "xmlcharrefreplace" => chars[i..j]
                .iter()
                .map(|&c| format!("&#{};", c as u32))
                .collect(),
            "backslashreplace" => chars[i..j]
                .iter()
                .map(|&c| backslash_escape(c as u32))
                .collect(),
            other => {
                let exc = vmcodecs::encode_error(vm, "charmap", &s, i, j, reason);
                let (rep, next) = custom_handler(vm, other, exc, chars.len())?;
                for c in rep.chars() {
                    match charmap_lookup(vm, &mapping, c)? {
                        Some(b) => out.extend_from_slice(&b),
                        None => {
                            return Err(vmcodecs::encode_error(vm, "charmap", &s, i, j, reason))
                        }
                    }
                }
                i = next;
                continue;
            }
        };
        // The replacement must itself be encodable by the map.
        for c in replacement.chars() {
            match charmap_lookup(vm, &mapping, c)? {
                Some(b) => out.extend_from_slice(&b),
                None => return Err(vmcodecs::encode_error(vm, "charmap", &s, i, j, reason)),
            }
        }
        i = j;
    }
    Ok(pair(vm, vm.new_bytes(out), n))
}

/// `charmap_build(decoding_table)`: the inverse map, as a dict (CPython's
/// EncodingMap is a compact form of the same mapping).
fn charmap_build(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "charmap_build", 1, 1)?;
    let table = str_param(vm, &a[0], "charmap_build", 1)?;
    let d = vm.new_dict();
    for (i, c) in table.chars().enumerate() {
        if c == '\u{fffe}' {
            continue;
        }
        vm.dict_set(&d, Value::Int(c as i64), Value::Int(i as i64))?;
    }
    Ok(Value::Obj(d))
}

// ----- escape codecs -----

fn escape_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "escape_encode", 1, 2)?;
    let Some(Payload::Bytes(data)) = a[0].payload() else {
        return Err(vm.type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            vm.type_name(&a[0])
        )));
    };
    let mut out = Vec::with_capacity(data.len());
    for &b in data.iter() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    let n = data.len();
    Ok(pair(vm, vm.new_bytes(out), n))
}

/// The backslash escapes of bytes and str literals; `unicode` adds \u,
/// \U and \N (names are not known: \N is an error). Returns code points.
fn unescape(vm: &Vm, data: &[u8], unicode: bool, errors: &str) -> PyResult<Vec<u32>> {
    let codec = if unicode { "unicodeescape" } else { "" };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c as u32);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = data.get(i) else {
            if unicode {
                return Err(vmcodecs::decode_error(
                    vm,
                    codec,
                    data,
                    start,
                    data.len(),
                    "\\ at end of string",
                ));
            }
            return Err(vm.value_error("Trailing \\ in string"));
        };
        i += 1;
        let simple = match e {
            b'\n' => Some(None),
            b'\\' => Some(Some(b'\\' as u32)),
            b'\'' => Some(Some(b'\'' as u32)),
            b'"' => Some(Some(b'"' as u32)),
            b'a' => Some(Some(7)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b'n' => Some(Some(10)),
            b'r' => Some(Some(13)),
            b't' => Some(Some(9)),
            b'v' => Some(Some(11)),
            _ => None,
        };
        if let Some(v) = simple {
            out.extend(v);
            continue;
        }
        match e {
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(if unicode { v } else { v & 0xff });
            }
            b'x' | b'u' | b'U' if e == b'x' || unicode => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let digits = data
                    .get(i..i + n)
                    .filter(|d| d.iter().all(u8::is_ascii_hexdigit));
                match digits {
                    Some(d) => {
                        let v = u32::from_str_radix(std::str::from_utf8(d).unwrap_or("0"), 16)
                            .unwrap_or(0);
                        if v > 0x10ffff {
                            if errors == "strict" {
                                return Err(vmcodecs::decode_error(
                                    vm,
                                    codec,
                                    data,
                                    start,
                                    i + n,
                                    "illegal Unicode character",
                                ));
                            }
                        } else {
                            out.push(v);
                        }
                        i += n;
                    }
                    None => {
                        if !unicode {
                            return Err(
                                vm.value_error(format!("invalid \\x escape at position {start}"))
                            );
                        }
                        let mut end = i;
                        while end < data.len() && end < i + n && data[end].is_ascii_hexdigit() {
                            end += 1;
                        }
                        let reason = match e {
                            b'x' => "truncated \\xXX escape",
                            b'u' => "truncated \\uXXXX escape",
                            _ => "truncated \\UXXXXXXXX escape",
                        };
                        match errors {
                            "ignore" => {}
                            "replace" => out.push(0xfffd),
                            _ => {
                                return Err(vmcodecs::decode_error(
                                    vm, codec, data, start, end, reason,
                                ))
                            }
                        }
                        i = end;
                    }
                }
            }
            b'N' if unicode => {
                return Err(vmcodecs::decode_error(
                    vm,
                    codec,
                    data,
                    start,
                    i,
                    "unknown Unicode character name",
                ));
            }
            _ => {
                // An unknown escape stays as written.
                out.push(b'\\' as u32);
                out.push(e as u32);
            }
        }
    }
    Ok(out)
}

fn escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "escape_decode", 1, 2)?;
    let data = data_or_str(vm, &a[0])?;
    let errors = errors_param(vm, a.get(1), "escape_decode")?;
    let v = unescape(vm, &data, false, &errors)?;
    let b: Vec<u8> = v.into_iter().map(|c| c as u8).collect();
    Ok(pair(vm, vm.new_bytes(b), data.len()))
}

fn to_string(v: Vec<u32>) -> String {
    v.into_iter().filter_map(char::from_u32).collect()
}

fn unicode_escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "unicode_escape_decode", 1, 3)?;
    let data = data_or_str(vm, &a[0])?;
    let errors = errors_param(vm, a.get(1), "unicode_escape_decode")?;
    let v = unescape(vm, &data, true, &errors)?;
    Ok(pair(vm, vm.new_str(to_string(v)), data.len()))
}

fn unicode_escape_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "unicode_escape_encode", 1, 2)?;
    let s = text_arg(vm, &a[0], "unicode_escape_encode")?;
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(c as u8),
            _ => out.extend_from_slice(backslash_escape(c as u32).as_bytes()),
        }
    }
    Ok(pair(vm, vm.new_bytes(out), n))
}

fn raw_unicode_escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "raw_unicode_escape_decode", 1, 3)?;
    let data = data_or_str(vm, &a[0])?;
    let errors = errors_param(vm, a.get(1), "raw_unicode_escape_decode")?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        // Only \u and \U after an odd run of backslashes are escapes.
        if c == b'\\' && matches!(data.get(i + 1), Some(b'u' | b'U')) {
            let mut run = 0;
            while run < out.len() && out[out.len() - 1 - run] == b'\\' as u32 {
                run += 1;
            }
            if run % 2 == 0 {
                let n = if data[i + 1] == b'u' { 4 } else { 8 };
                let digits = data
                    .get(i + 2..i + 2 + n)
                    .filter(|d| d.iter().all(u8::is_ascii_hexdigit));
                match digits {
                    Some(d) => {
                        let v = u32::from_str_radix(std::str::from_utf8(d).unwrap_or("0"), 16)
                            .unwrap_or(0);
                        if v > 0x10ffff && errors == "strict" {
                            return Err(vmcodecs::decode_error(
                                vm,
                                "rawunicodeescape",
                                &data,
                                i,
                                i + 2 + n,
                                "\\Uxxxxxxxx out of range",
                            ));
                        }
                        out.push(v);
                        i += 2 + n;
                        continue;
                    }
                    None => {
                        let reason = if n == 4 {
                            "truncated \\uXXXX escape"
                        } else {
                            "truncated \\UXXXXXXXX escape"
                        };
                        let mut end = i + 2;
                        while end < data.len() && end < i + 2 + n && data[end].is_ascii_hexdigit() {
                            end += 1;
                        }
                        match errors.as_str() {
                            "ignore" => {}
                            "replace" => out.push(0xfffd),
                            _ => {
                                return Err(vmcodecs::decode_error(
                                    vm,
                                    "rawunicodeescape",
                                    &data,
                                    i,
                                    end,
                                    reason,
                                ))
                            }
                        }
                        i = end;
                        continue;
                    }
                }
            }
        }
        out.push(c as u32);
        i += 1;
    }
    Ok(pair(vm, vm.new_str(to_string(out)), data.len()))
}

fn raw_unicode_escape_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "raw_unicode_escape_encode", 1, 2)?;
    let s = text_arg(vm, &a[0], "raw_unicode_escape_encode")?;
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        let u = c as u32;
        if u < 0x100 {
            out.push(u as u8);
        } else if u < 0x10000 {
            out.extend_from_slice(format!("\\u{u:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{u:08x}").as_bytes());
        }
    }
    Ok(pair(vm, vm.new_bytes(out), n))
}

fn readbuffer_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos_args(vm, &args, "readbuffer_encode", 1, 2)?;
    let data = data_or_str(vm, &a[0])?;
    let n = data.len();
    Ok(pair(vm, vm.new_bytes(data), n))
}
