//! Exception instances (Objects/exceptions.c): their state (`args`,
//! traceback, chaining), construction with the extra attributes some classes
//! take (OSError's errno and its subclass chosen by errno, AttributeError's
//! name and obj, SyntaxError's location...), `str()`, and the methods of
//! BaseException.

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::protocol::dict::dict_get_str;
use crate::runtime::types::{add_methods, Types};
use crate::value::Value;
use crate::vm::{is_subtype, Vm};

pub struct ExceptionData {
    /// A tuple.
    pub args: GilCell<Value>,
    /// A traceback object or None.
    pub traceback: GilCell<Value>,
    pub context: GilCell<Value>,
    pub cause: GilCell<Value>,
    pub suppress_context: GilCell<bool>,
}

impl ExceptionData {
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args: GilCell::new(args),
            traceback: GilCell::new(Value::None),
            context: GilCell::new(Value::None),
            cause: GilCell::new(Value::None),
            suppress_context: GilCell::new(false),
        }
    }
}

const METHODS: &[MethodDef] = &[
    MethodDef::method("__init__", exc_init),
    MethodDef::method("__str__", exc_str_method),
    MethodDef::method("__repr__", exc_repr_method),
    MethodDef::method("add_note", exc_add_note),
    MethodDef::method("with_traceback", exc_with_traceback),
];

pub fn install(types: &Types) {
    add_methods(types, &types.exc.base_exception, METHODS);
}

fn exc_data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a ExceptionData> {
    match v.payload() {
        Some(Payload::Exception(d)) => Ok(d),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

/// `BaseException.__init__(self, *args)`, which also serves as the
/// `__init__` of ImportError, NameError and AttributeError: only they take
/// keyword arguments (`kwarg_names`), which set the attributes of the same
/// name, as their C `__init__`s do when a subclass calls them.
pub(crate) fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = exc_data(vm, &args.args[0])?;
    let cls = vm.type_of(&args.args[0]).clone();
    let allowed = kwarg_names(vm.types(), &cls);
    check_kwargs(vm, &cls, allowed, &args)?;
    let t = vm.new_tuple(args.pos()[1..].to_vec());
    drop(d.args.replace(t));
    if !allowed.is_empty() {
        let Value::Obj(e) = &args.args[0] else {
            return Ok(Value::None);
        };
        for name in allowed {
            let v = args
                .kwargs()
                .find(|(k, _)| k == name)
                .map_or(Value::None, |(_, v)| v.clone());
            vm.instance_dict_set(e, name, v);
        }
        if is_subtype(&cls, &vm.types().exc.import_error) {
            let pos = &args.pos()[1..];
            let msg = if pos.len() == 1 {
                pos[0].clone()
            } else {
                Value::None
            };
            vm.instance_dict_set(e, "msg", msg);
        }
    }
    Ok(Value::None)
}

/// The keyword arguments an exception class's constructor takes.
fn kwarg_names(t: &Types, cls: &ObjRef) -> &'static [&'static str] {
    match kwarg_base(t, cls) {
        Some("AttributeError") => &["name", "obj"],
        Some("NameError") => &["name"],
        Some(_) => &["name", "path"],
        None => &[],
    }
}

/// The builtin exception whose C `__init__` parses keyword arguments, as
/// its error messages name it.
fn kwarg_base(t: &Types, cls: &ObjRef) -> Option<&'static str> {
    if is_subtype(cls, &t.exc.attribute_error) {
        Some("AttributeError")
    } else if is_subtype(cls, &t.exc.name_error) {
        Some("NameError")
    } else if is_subtype(cls, &t.exc.import_error) {
        Some("ImportError")
    } else {
        None
    }
}

/// Refuse keyword arguments outside `allowed`, with CPython's messages.
fn check_kwargs(vm: &Vm, cls: &ObjRef, allowed: &[&str], args: &Args) -> PyResult<()> {
    for (k, _) in args.kwargs() {
        if !allowed.contains(&k) {
            return Err(vm.type_error(match kwarg_base(vm.types(), cls) {
                None => {
                    let name = cls.payload_type().name.get().clone();
                    format!("{name}() takes no keyword arguments")
                }
                Some(base) => format!("'{k}' is an invalid keyword argument for {base}()"),
            }));
        }
    }
    Ok(())
}

fn exc_str_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = args.args[0]
        .as_obj()
        .cloned()
        .ok_or_else(|| vm.type_error("descriptor requires an exception"))?;
    let s = exception_str(vm, &e)?;
    Ok(vm.new_str(s))
}

fn exc_repr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = args.args[0]
        .as_obj()
        .cloned()
        .ok_or_else(|| vm.type_error("descriptor requires an exception"))?;
    let s = exception_repr(vm, &e)?;
    Ok(vm.new_str(s))
}

/// `add_note(note)`: append to `__notes__`, creating the list.
fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    exc_data(vm, this)?;
    crate::builtins::check_args(
        vm,
        "add_note",
        &Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
        1,
        1,
    )?;
    let note = &args.args[1];
    if note.as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let notes = match vm.try_getattr(this, "__notes__")? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            vm.setattr(this, "__notes__", l.clone())?;
            l
        }
    };
    match notes.payload() {
        Some(Payload::List(l)) => {
            l.get_mut().push(note.clone());
            Ok(Value::None)
        }
        _ => Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
}

fn exc_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = exc_data(vm, &args.args[0])?;
    crate::builtins::check_args(
        vm,
        "with_traceback",
        &Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
        1,
        1,
    )?;
    let tb = args.args[1].clone();
    if !matches!(tb, Value::None) && !matches!(tb.payload(), Some(Payload::Traceback(_))) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    drop(d.traceback.replace(tb));
    Ok(args.args[0].clone())
}

/// The OSError subclass CPython picks for an errno (Objects/exceptions.c's
/// errnomap), with Linux's numbers.
fn oserror_subclass(types: &Types, errno: i64) -> Option<&ObjRef> {
    let e = &types.exc;
    Some(match errno {
        11 | 114 | 115 => &e.blocking_io_error,
        10 => &e.child_process_error,
        32 | 108 => &e.broken_pipe_error,
        103 => &e.connection_aborted_error,
        111 => &e.connection_refused_error,
        104 => &e.connection_reset_error,
        17 => &e.file_exists_error,
        2 => &e.file_not_found_error,
        21 => &e.is_a_directory_error,
        20 => &e.not_a_directory_error,
        4 => &e.interrupted_error,
        1 | 13 => &e.permission_error,
        3 => &e.process_lookup_error,
        110 => &e.timeout_error,
        _ => return None,
    })
}

/// `cls(*args, **kwargs)` for an exception class.
pub fn exception_new(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let t = vm.types();
    if is_subtype(cls, &t.exc.base_exception_group) {
        if args.has_kwargs() {
            let name = cls.payload_type().name.get().clone();
            return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
        }
        return crate::objects::exception_group::group_new(vm, cls, args.pos());
    }
    let pos = args.pos().to_vec();
    let kwargs: Vec<(String, Value)> = args
        .kwargs()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let mut cls = cls.clone();
    let is_os = is_subtype(&cls, &t.exc.os_error);
    // OSError(errno, ...) becomes the subclass for that errno.
    if cls.is(&t.exc.os_error) && (2..=5).contains(&pos.len()) {
        if let Value::Int(errno) = pos[0] {
            if let Some(sub) = oserror_subclass(t, errno) {
                cls = sub.clone();
            }
        }
    }
    let allowed = kwarg_names(t, &cls);
    check_kwargs(vm, &cls, allowed, &args)?;
    let mut stored_args = pos.clone();
    let mut attrs: Vec<(&str, Value)> = allowed
        .iter()
        .map(|&a| {
            (
                a,
                kwargs
                    .iter()
                    .find(|(k, _)| k == a)
                    .map_or(Value::None, |(_, v)| v.clone()),
            )
        })
        .collect();
    if is_os {
        let get = |i: usize| pos.get(i).cloned().unwrap_or(Value::None);
        let (errno, strerror, filename, filename2) = if (2..=5).contains(&pos.len()) {
            (get(0), get(1), get(2), get(4))
        } else {
            (Value::None, Value::None, Value::None, Value::None)
        };
        if pos.len() >= 3 && (2..=5).contains(&pos.len()) {
            stored_args.truncate(2);
        }
        attrs.extend([
            ("errno", errno),
            ("strerror", strerror),
            ("filename", filename),
            ("filename2", filename2),
        ]);
    }
    if is_subtype(&cls, &t.exc.import_error) {
        attrs.push((
            "msg",
            if pos.len() == 1 {
                pos[0].clone()
            } else {
                Value::None
            },
        ));
    }
    if is_subtype(&cls, &t.exc.syntax_error) {
        let mut fields = [
            Value::None,
            Value::None,
            Value::None,
            Value::None,
            Value::None,
            Value::None,
        ];
        let msg = pos.first().cloned().unwrap_or(Value::None);
        if pos.len() == 2 {
            if let Some(info) = pos[1].as_tuple() {
                if !(4..=6).contains(&info.len()) {
                    return Err(vm.index_error("tuple index out of range"));
                }
                for (slot, v) in fields.iter_mut().zip(info.iter()) {
                    *slot = v.clone();
                }
            }
        }
        let [filename, lineno, offset, text, end_lineno, end_offset] = fields;
        attrs.extend([
            ("msg", msg),
            ("filename", filename),
            ("lineno", lineno),
            ("offset", offset),
            ("text", text),
            ("end_lineno", end_lineno),
            ("end_offset", end_offset),
            ("print_file_and_line", Value::None),
        ]);
    }
    if is_subtype(&cls, &t.exc.unicode_decode_error)
        || is_subtype(&cls, &t.exc.unicode_encode_error)
    {
        if pos.len() != 5 {
            return Err(vm.type_error(format!(
                "function takes exactly 5 arguments ({} given)",
                pos.len()
            )));
        }
        attrs.extend([
            ("encoding", pos[0].clone()),
            ("object", pos[1].clone()),
            ("start", pos[2].clone()),
            ("end", pos[3].clone()),
            ("reason", pos[4].clone()),
        ]);
    }
    let e = ObjRef::new(
        &cls,
        Payload::Exception(Box::new(ExceptionData::new(vm.new_tuple(stored_args)))),
    );
    for (k, v) in attrs {
        vm.instance_dict_set(&e, k, v);
    }
    Ok(Value::Obj(e))
}

/// A UnicodeDecodeError/UnicodeEncodeError raised by a codec, with the
/// attributes its constructor stores from `(encoding, object, start, end,
/// reason)`.
pub fn unicode_error(vm: &Vm, cls: &ObjRef, args: [Value; 5]) -> ObjRef {
    let e = vm.new_exception(cls, args.to_vec());
    for (k, v) in ["encoding", "object", "start", "end", "reason"]
        .into_iter()
        .zip(args)
    {
        vm.instance_dict_set(&e, k, v);
    }
    e
}

/// An attribute stored at construction (errno, name, ...), or None.
fn stored(e: &ObjRef, name: &str) -> Value {
    e.dict
        .get()
        .as_ref()
        .and_then(|d| dict_get_str(d, name))
        .unwrap_or(Value::None)
}

/// `str(exc)`, with the forms CPython gives OSError, KeyError, SyntaxError and
/// the Unicode errors.
pub fn exception_str(vm: &mut Vm, e: &ObjRef) -> PyResult<String> {
    let Payload::Exception(d) = &e.payload else {
        return Ok(String::new());
    };
    let t = vm.types();
    let args = d.args.cloned();
    let cls = e.class().clone();
    if is_subtype(&cls, &t.exc.os_error) {
        let (errno, strerror, f1, f2) = (
            stored(e, "errno"),
            stored(e, "strerror"),
            stored(e, "filename"),
            stored(e, "filename2"),
        );
        if !matches!(f1, Value::None) {
            let (en, se, r1) = (
                vm.str_string(&errno)?,
                vm.str_string(&strerror)?,
                vm.repr_string(&f1)?,
            );
            return Ok(if matches!(f2, Value::None) {
                format!("[Errno {en}] {se}: {r1}")
            } else {
                format!("[Errno {en}] {se}: {r1} -> {}", vm.repr_string(&f2)?)
            });
        }
        if !matches!(errno, Value::None) && !matches!(strerror, Value::None) {
            return Ok(format!(
                "[Errno {}] {}",
                vm.str_string(&errno)?,
                vm.str_string(&strerror)?
            ));
        }
    }
    if is_subtype(&cls, &t.exc.syntax_error) {
        let msg = vm.str_string(&stored(e, "msg"))?;
        let filename = stored(e, "filename");
        let lineno = stored(e, "lineno");
        let base = filename
            .as_str()
            .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        return Ok(match (base, &lineno) {
            (Some(f), Value::Int(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), _) => format!("{msg} ({f})"),
            (None, Value::Int(l)) => format!("{msg} (line {l})"),
            (None, _) => msg,
        });
    }
    if is_subtype(&cls, &t.exc.unicode_decode_error)
        || is_subtype(&cls, &t.exc.unicode_encode_error)
    {
        if let (Some(enc), Value::Int(start), Value::Int(end), Some(reason)) = (
            stored(e, "encoding").as_str().map(str::to_string),
            stored(e, "start"),
            stored(e, "end"),
            stored(e, "reason").as_str().map(str::to_string),
        ) {
            let object = stored(e, "object");
            let decode = is_subtype(&cls, &t.exc.unicode_decode_error);
            let what = if decode { "decode" } else { "encode" };
            let single = end == start + 1;
            let unit = match (&object.payload(), decode) {
                (Some(Payload::Bytes(b)), true) => {
                    b.get(start as usize).map(|x| format!("byte 0x{x:02x}"))
                }
                (Some(Payload::Str(s)), false) => s.char_at(start as usize).map(|c| {
                    let n = c as u32;
                    if n < 0x100 {
                        format!("character '\\x{n:02x}'")
                    } else if n < 0x10000 {
                        format!("character '\\u{n:04x}'")
                    } else {
                        format!("character '\\U{n:08x}'")
                    }
                }),
                _ => None,
            };
            return Ok(match unit {
                Some(u) if single => {
                    format!("'{enc}' codec can't {what} {u} in position {start}: {reason}")
                }
                _ => format!(
                    "'{enc}' codec can't {what} {} in position {start}-{}: {reason}",
                    if decode { "bytes" } else { "characters" },
                    end - 1
                ),
            });
        }
    }
    if crate::objects::exception_group::is_group(vm, &Value::Obj(e.clone())) {
        return crate::objects::exception_group::group_str(vm, &Value::Obj(e.clone()));
    }
    let is_key_error = is_subtype(&cls, &t.exc.key_error);
    match args.as_tuple() {
        Some([]) | None => Ok(String::new()),
        Some([one]) if is_key_error => {
            let one = one.clone();
            vm.repr_string(&one)
        }
        Some([one]) => {
            let one = one.clone();
            vm.str_string(&one)
        }
        Some(_) => vm.str_string(&args),
    }
}

/// `repr(exc)`: the class name and the args.
pub fn exception_repr(vm: &mut Vm, e: &ObjRef) -> PyResult<String> {
    let Payload::Exception(d) = &e.payload else {
        return Ok(String::new());
    };
    let args = d.args.cloned();
    let name = e.class().payload_type().name.get().clone();
    Ok(match args.as_tuple() {
        Some([one]) => {
            let one = one.clone();
            format!("{}({})", name, vm.repr_string(&one)?)
        }
        Some(_) => format!("{}{}", name, vm.repr_string(&args)?),
        None => format!("{name}()"),
    })
}
