//! `_io.StringIO` (Modules/_io/stringio.c): an in-memory text stream. The
//! text is one UTF-8 `String` (the VM's str representation, so `getvalue`
//! and appending writes are copies, never transcodes); positions are in code
//! points, as Python sees them, and a remembered (code point, byte) mark
//! keeps sequential reads and writes in non-ASCII text linear. Newline
//! handling is CPython's: `newline=None`/`''` run every write through an
//! IncrementalNewlineDecoder (final, so nothing is held back), `'\r'` and
//! `'\r\n'` translate written `'\n'`, and `readline` finds line endings as
//! `_PyIO_find_line_ending` does.
//!
//! The class sits under the prelude's `_TextIOBase`, so `readlines`,
//! `writelines`, `__iter__`, `__enter__`/`__exit__`, `isatty`, `flush` and
//! the finalizer stay the shared Python ones, as in CPython where StringIO
//! inherits them from `_IOBase`.

use super::convert::MethodArgs;
use super::convert::{optional_ssize, ssize, whence_int};
use crate::native::{class, new_instance, rest, Refs};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::types::args::bind;
use pyrs_vm::{ObjRef, PyResult, Value, Vm};
use std::borrow::Cow;

const ARGS: MethodArgs = MethodArgs {
    short: "StringIO",
    full: "_io.StringIO",
};

const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The `newline` argument, which decides both translation and line endings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// `None`: universal newlines, translated to `'\n'` on write.
    Translate,
    /// `''`: universal newlines on read, nothing translated.
    Universal,
    /// `'\n'`, `'\r'`, `'\r\n'`: the one line ending; the last two also
    /// replace each written `'\n'`.
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    fn as_str(self) -> Option<&'static str> {
        match self {
            Newline::Translate => None,
            Newline::Universal => Some(""),
            Newline::Lf => Some("\n"),
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
        }
    }

    /// Whether writes go through the newline decoder (CPython's `decoder`).
    fn decodes(self) -> bool {
        matches!(self, Newline::Translate | Newline::Universal)
    }
}

pub struct StringIO {
    /// `__init__` has run (CPython's `ok`).
    ok: bool,
    closed: bool,
    buf: String,
    /// Code points in `buf`.
    len: usize,
    /// The position in code points; may lie past the end after a seek.
    pos: usize,
    /// A code point index in `0..=len` and its byte offset in `buf`.
    mark: (usize, usize),
    newline: Newline,
    /// The decoder's `seennl` bits, for `newlines`.
    seen: u8,
}

impl Refs for StringIO {
    fn refs(&self, _f: &mut dyn FnMut(&Value)) {}
}

impl StringIO {
    fn new() -> StringIO {
        StringIO {
            ok: false,
            closed: false,
            buf: String::new(),
            len: 0,
            pos: 0,
            mark: (0, 0),
            newline: Newline::Lf,
            seen: 0,
        }
    }

    fn is_ascii(&self) -> bool {
        self.buf.len() == self.len
    }

    /// The byte offset of code point `ci` (clamped to the end), walking from
    /// the nearest known point and remembering the answer.
    fn byte_of(&mut self, ci: usize) -> usize {
        if ci >= self.len {
            return self.buf.len();
        }
        if self.is_ascii() {
            return ci;
        }
        let (mc, mb) = self.mark;
        let b = if ci >= mc {
            advance(&self.buf, mb, ci - mc)
        } else if ci <= mc - ci {
            advance(&self.buf, 0, ci)
        } else {
            let back = mc - ci;
            self.buf[..mb]
                .char_indices()
                .rev()
                .nth(back - 1)
                .map_or(0, |(b, _)| b)
        };
        self.mark = (ci, b);
        b
    }

    /// `write_str`: put already-checked text at the position, padding an
    /// overseek with NULs; returns nothing but moves the position.
    fn write_str(&mut self, vm: &Vm, s: &str) -> PyResult<()> {
        let mut seen = self.seen;
        let decoded: Cow<str> = if self.newline.decodes() {
            decode_newlines(s, self.newline == Newline::Translate, &mut seen)
        } else {
            Cow::Borrowed(s)
        };
        self.seen = seen;
        let text: Cow<str> = match self.newline {
            Newline::Cr if decoded.contains('\n') => Cow::Owned(decoded.replace('\n', "\r")),
            Newline::CrLf if decoded.contains('\n') => Cow::Owned(decoded.replace('\n', "\r\n")),
            _ => decoded,
        };
        let n = char_count(&text);
        if self.pos > isize::MAX as usize - n {
            return Err(vm.overflow_error("new position too large"));
        }
        // resize_buffer's bound: its UCS4 buffer (one spare slot) must fit
        // in size_t bytes.
        if (self.pos + n).saturating_add(2) > usize::MAX / 4 {
            return Err(vm.overflow_error("new buffer size too large"));
        }
        if self.pos >= self.len {
            let pad = self.pos - self.len;
            self.buf
                .try_reserve(pad + text.len())
                .map_err(|_| vm.memory_error())?;
            self.buf.extend(std::iter::repeat_n('\0', pad));
            self.buf.push_str(&text);
            self.len = self.pos + n;
        } else {
            let b0 = self.byte_of(self.pos);
            let b1 = self.byte_of(self.pos + n);
            self.buf.replace_range(b0..b1, &text);
            self.len = self.len.max(self.pos + n);
            self.mark = (self.pos + n, b0 + text.len());
        }
        self.pos += n;
        Ok(())
    }

    /// `_stringio_readline`: up to `limit` code points (all when negative)
    /// through the first line ending.
    fn readline(&mut self, limit: i64) -> String {
        if self.pos >= self.len {
            return String::new();
        }
        let rest = self.len - self.pos;
        let limit = if limit < 0 || limit as u64 > rest as u64 {
            rest
        } else {
            limit as usize
        };
        let b0 = self.byte_of(self.pos);
        let b1 = self.byte_of(self.pos + limit);
        let hay = &self.buf[b0..b1];
        let end = find_line_ending(hay, self.newline).unwrap_or(hay.len());
        let line = hay[..end].to_string();
        self.pos += char_count(&line);
        self.mark = (self.pos, b0 + end);
        line
    }

    fn value(&self) -> &str {
        &self.buf
    }
}

/// The byte offset `n` code points after byte offset `from`.
fn advance(s: &str, from: usize, n: usize) -> usize {
    if n == 0 {
        return from;
    }
    s[from..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(b, _)| from + b)
}

fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// IncrementalNewlineDecoder.decode(s, final=True): record which line
/// endings `s` holds and, when translating, make them all `'\n'`.
fn decode_newlines<'a>(s: &'a str, translate: bool, seen: &mut u8) -> Cow<'a, str> {
    let bytes = s.as_bytes();
    if !bytes.contains(&b'\r') {
        if bytes.contains(&b'\n') {
            *seen |= SEEN_LF;
        }
        return Cow::Borrowed(s);
    }
    let mut out = if translate {
        Some(Vec::with_capacity(bytes.len()))
    } else {
        None
    };
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        match c {
            b'\n' => *seen |= SEEN_LF,
            b'\r' if bytes.get(i) == Some(&b'\n') => {
                *seen |= SEEN_CRLF;
                i += 1;
                if let Some(o) = &mut out {
                    o.push(b'\n');
                    continue;
                }
            }
            b'\r' => {
                *seen |= SEEN_CR;
                if let Some(o) = &mut out {
                    o.push(b'\n');
                    continue;
                }
            }
            _ => {}
        }
        if let Some(o) = &mut out {
            o.push(c);
        }
    }
    match out {
        // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
        Some(o) => Cow::Owned(String::from_utf8(o).unwrap_or_default()),
        None => Cow::Borrowed(s),
    }
}

/// `_PyIO_find_line_ending` over already-translated text: the byte offset
/// just past the first line ending of `hay`, if any.
fn find_line_ending(hay: &str, newline: Newline) -> Option<usize> {
    let b = hay.as_bytes();
    match newline {
        Newline::Translate | Newline::Lf => b.iter().position(|&c| c == b'\n').map(|i| i + 1),
        Newline::Cr => b.iter().position(|&c| c == b'\r').map(|i| i + 1),
        Newline::CrLf => hay.find("\r\n").map(|i| i + 2),
        Newline::Universal => {
            let i = b.iter().position(|&c| c == b'\n' || c == b'\r')?;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                Some(i + 2)
            } else {
                Some(i + 1)
            }
        }
    }
}

const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", stringio_new),
    MethodDef::method("__init__", stringio_init),
    MethodDef::method("close", stringio_close),
    MethodDef::method("getvalue", stringio_getvalue),
    MethodDef::method("read", stringio_read),
    MethodDef::method("readline", stringio_readline),
    MethodDef::method("tell", stringio_tell),
    MethodDef::method("truncate", stringio_truncate),
    MethodDef::method("seek", stringio_seek),
    MethodDef::method("write", stringio_write),
    MethodDef::method("seekable", stringio_seekable),
    MethodDef::method("readable", stringio_readable),
    MethodDef::method("writable", stringio_writable),
    MethodDef::method("__getstate__", stringio_getstate),
    MethodDef::method("__setstate__", stringio_setstate),
    MethodDef::method("__next__", stringio_next),
];

/// Whether `v`'s class is `_io.StringIO` itself (not a subclass).
pub fn is_exact(vm: &Vm, v: &Value) -> bool {
    crate::native::is_exact(vm, v, "_io", "StringIO")
}

/// Make `_io.StringIO` under the prelude's `_TextIOBase`.
pub fn init(vm: &mut Vm, text_io_base: &ObjRef) -> ObjRef {
    let cls = class(
        vm,
        "_io",
        "StringIO",
        Some(text_io_base),
        BaseKind::Object,
        METHODS,
    );
    crate::held::add_getters(
        vm,
        &cls,
        &[
            ("closed", stringio_closed),
            ("line_buffering", stringio_line_buffering),
            ("newlines", stringio_newlines),
        ],
    );
    cls
}

/// Run `f` on the state after CHECK_INITIALIZED (and CHECK_CLOSED when
/// `closed_check`); no Python code runs inside `f`.
fn with<R>(
    vm: &Vm,
    args: &Args,
    name: &str,
    closed_check: bool,
    f: impl FnOnce(&mut StringIO) -> PyResult<R>,
) -> PyResult<R> {
    match ARGS.cell::<StringIO>(vm, args, name)?.get_mut() {
        Some(s) if s.ok => {
            if closed_check && s.closed {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            f(s)
        }
        _ => Err(vm.value_error("I/O operation on uninitialized object")),
    }
}

fn stringio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = crate::native::new_cls(vm, &args, "StringIO")?;
    Ok(new_instance(&cls, StringIO::new()))
}

/// `__init__(initial_value='', newline='\n')`, also run by `__setstate__`.
fn init_state(
    vm: &Vm,
    s: &mut StringIO,
    value: Option<&Value>,
    newline: Option<&Value>,
) -> PyResult<()> {
    let nl = match newline {
        None => Newline::Lf,
        Some(Value::None) => Newline::Translate,
        Some(v) => match v.as_str() {
            None => {
                return Err(vm.type_error(format!(
                    "newline must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
            Some("") => Newline::Universal,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            Some(other) => {
                let r = pyrs_vm::objects::str::repr(other);
                return Err(vm.value_error(format!("illegal newline value: {r}")));
            }
        },
    };
    let text = match value {
        None | Some(Value::None) => "",
        Some(v) => v.as_str().ok_or_else(|| {
            vm.type_error(format!(
                "initial_value must be str or None, not {}",
                vm.type_name(v)
            ))
        })?,
    };
    *s = StringIO::new();
    s.newline = nl;
    if !text.is_empty() {
        s.write_str(vm, text)?;
    }
    s.pos = 0;
    s.mark = (0, 0);
    s.ok = true;
    Ok(())
}

fn stringio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let [value, newline] = bind(vm, "StringIO", &a, ["initial_value", "newline"], 0, 0)?;
    let Some(st) = ARGS.cell::<StringIO>(vm, &args, "__init__")?.get_mut() else {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    };
    init_state(vm, st, value.as_ref(), newline.as_ref())?;
    Ok(Value::None)
}

fn stringio_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "close")?;
    if let Some(s) = ARGS.cell::<StringIO>(vm, &args, "close")?.get_mut() {
        // CPython frees the buffer but keeps the size; every reader checks
        // `closed` first, so the text is simply dropped.
        s.closed = true;
        s.buf = String::new();
        s.mark = (0, 0);
        s.len = 0;
    }
    Ok(Value::None)
}

fn stringio_getvalue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "getvalue")?;
    let text = with(vm, &args, "getvalue", true, |s| Ok(s.value().to_string()))?;
    Ok(vm.new_str(text))
}

fn stringio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "read", 0, 1)?;
    let size = optional_ssize(vm, p.first())?;
    let text = with(vm, &args, "read", true, |s| {
        let avail = s.len.saturating_sub(s.pos);
        let n = if size < 0 || size as u64 > avail as u64 {
            avail
        } else {
            size as usize
        };
        if n == 0 {
            return Ok(String::new());
        }
        let b0 = s.byte_of(s.pos);
        let b1 = s.byte_of(s.pos + n);
        s.pos += n;
        s.mark = (s.pos, b1);
        Ok(s.buf[b0..b1].to_string())
    })?;
    Ok(vm.new_str(text))
}

fn stringio_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "readline", 0, 1)?;
    let size = optional_ssize(vm, p.first())?;
    let line = with(vm, &args, "readline", true, |s| Ok(s.readline(size)))?;
    Ok(vm.new_str(line))
}

/// `tp_iternext`: the internal readline for StringIO itself; a subclass's
/// own `readline` (which must return a str) otherwise.
fn stringio_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "__next__")?;
    let me = args.args.first().cloned().unwrap_or(Value::None);
    let line = if is_exact(vm, &me) {
        let line = with(vm, &args, "__next__", true, |s| Ok(s.readline(-1)))?;
        vm.new_str(line)
    } else {
        with(vm, &args, "__next__", true, |_| Ok(()))?;
        let readline = vm.getattr_str(&me, "readline")?;
        let line = vm.call(&readline, &[])?;
        if line.as_str().is_none() {
            let os_error = vm.types().exc.os_error.clone();
            return Err(vm.new_error(
                &os_error,
                format!(
                    "readline() should have returned a str object, not '{}'",
                    vm.type_name(&line)
                ),
            ));
        }
        line
    };
    if line.as_str().is_some_and(str::is_empty) {
        return Err(vm.stop_iteration());
    }
    Ok(line)
}

fn stringio_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "tell")?;
    let pos = with(vm, &args, "tell", true, |s| Ok(s.pos))?;
    Ok(Value::Int(pos as i64))
}

/// `truncate(pos=None)`: cut the text at `pos` (default: the position),
/// which stays where it was.
fn stringio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "truncate", 0, 1)?;
    let size = match p.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(optional_ssize(vm, Some(v))?),
    };
    let size = with(vm, &args, "truncate", true, |s| {
        let size = size.unwrap_or(s.pos as i64);
        if size < 0 {
            return Err(vm.value_error(format!("Negative size value {size}")));
        }
        let size = size as usize;
        if size < s.len {
            let b = s.byte_of(size);
            s.buf.truncate(b);
            s.len = size;
            if s.mark.0 > size {
                s.mark = (0, 0);
            }
        }
        Ok(size)
    })?;
    Ok(Value::Int(size as i64))
}

fn stringio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "seek", 1, 2)?;
    let pos = ssize(vm, &p[0])?;
    let whence = match p.get(1) {
        Some(w) => whence_int(vm, w)?,
        None => 0,
    };
    let pos = with(vm, &args, "seek", true, |s| {
        if !(0..=2).contains(&whence) {
            return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
        }
        if pos < 0 && whence == 0 {
            return Err(vm.value_error(format!("Negative seek position {pos}")));
        }
        if whence != 0 && pos != 0 {
            let os_error = vm.types().exc.os_error.clone();
            return Err(vm.new_error(&os_error, "Can't do nonzero cur-relative seeks"));
        }
        match whence {
            0 => s.pos = pos as usize,
            2 => s.pos = s.len,
            _ => {}
        }
        Ok(s.pos)
    })?;
    Ok(Value::Int(pos as i64))
}

fn stringio_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = ARGS.one_arg(vm, &args, "write")?;
    let Some(Payload::Str(text)) = obj.payload() else {
        // The type is checked before `closed`, as CPython does.
        with(vm, &args, "write", false, |_| Ok(()))?;
        return Err(vm.type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(obj)
        )));
    };
    let n = text.char_len();
    with(vm, &args, "write", true, |s| {
        if n > 0 {
            s.write_str(vm, text.as_str())?;
        }
        Ok(())
    })?;
    Ok(Value::Int(n as i64))
}

fn check_open(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    ARGS.no_args(vm, &args, name)?;
    with(vm, &args, name, true, |_| Ok(Value::Bool(true)))
}

fn stringio_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "seekable")
}

fn stringio_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "readable")
}

fn stringio_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "writable")
}

fn stringio_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with(vm, &args, "closed", false, |s| Ok(Value::Bool(s.closed)))
}

fn stringio_line_buffering(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with(vm, &args, "line_buffering", true, |_| {
        Ok(Value::Bool(false))
    })
}

/// The decoder's `newlines`: None, one ending, or a tuple of those seen.
fn stringio_newlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (decodes, seen) = with(vm, &args, "newlines", true, |s| {
        Ok((s.newline.decodes(), s.seen))
    })?;
    if !decodes {
        return Ok(Value::None);
    }
    let names: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| seen & bit != 0)
        .map(|&(_, s)| s)
        .collect();
    Ok(match names.as_slice() {
        [] => Value::None,
        [one] => vm.new_str(*one),
        many => {
            let items: Vec<Value> = many.iter().map(|s| vm.new_str(*s)).collect();
            vm.new_tuple(items)
        }
    })
}

/// `(value, newline, pos, dict)`: the state `__setstate__` restores.
fn stringio_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "__getstate__")?;
    let (text, newline, pos) = with(vm, &args, "__getstate__", true, |s| {
        Ok((s.value().to_string(), s.newline.as_str(), s.pos))
    })?;
    let me = args.args.first().cloned().unwrap_or(Value::None);
    let dict = match me.as_obj().and_then(|o| o.dict.get().clone()) {
        Some(d) if Vm::dict_len(&d) > 0 => {
            let copy = vm.new_dict();
            for (k, v) in Vm::dict_items(&d) {
                vm.dict_set(&copy, k, v)?;
            }
            Value::Obj(copy)
        }
        _ => Value::None,
    };
    let value = vm.new_str(text);
    let newline = newline.map_or(Value::None, |n| vm.new_str(n));
    Ok(vm.new_tuple(vec![value, newline, Value::Int(pos as i64), dict]))
}

fn stringio_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = ARGS.one_arg(vm, &args, "__setstate__")?;
    let me = args.args.first().cloned().unwrap_or(Value::None);
    let closed = ARGS
        .cell::<StringIO>(vm, &args, "__setstate__")?
        .get()
        .as_ref()
        .is_some_and(|s| s.closed);
    if closed {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    let items = match state.as_tuple() {
        Some(t) if t.len() >= 4 => t,
        _ => {
            let name = if is_exact(vm, &me) {
                "_io.StringIO".to_string()
            } else {
                pyrs_vm::runtime::types::tp_name(vm.type_of(&me))
            };
            return Err(vm.type_error(format!(
                "{name}.__setstate__ argument should be 4-tuple, got {}",
                vm.type_name(state)
            )));
        }
    };
    let Some(st) = ARGS.cell::<StringIO>(vm, &args, "__setstate__")?.get_mut() else {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    };
    init_state(vm, st, Some(&items[0]), Some(&items[1]))?;
    // The value was translated when it was written, so it is restored as it
    // is rather than through `__init__`'s translation.
    let text = items[0].as_str().unwrap_or("").to_string();
    st.len = char_count(&text);
    st.buf = text;
    st.mark = (0, 0);
    let pos = &items[2];
    if pyrs_vm::protocol::object::as_int(pos).is_none() {
        return Err(vm.type_error(format!(
            "third item of state must be an integer, got {}",
            vm.type_name(pos)
        )));
    }
    let pos = ssize(vm, pos)?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    if let Some(st) = ARGS.cell::<StringIO>(vm, &args, "__setstate__")?.get_mut() {
        st.pos = pos as usize;
    }
    let dict = &items[3];
    if !matches!(dict, Value::None) {
        let Some(Payload::Dict(_)) = dict.payload() else {
            return Err(vm.type_error(format!(
                "fourth item of state should be a dict, got a {}",
                vm.type_name(dict)
            )));
        };
        if let (Some(o), Some(d)) = (me.as_obj(), dict.as_obj()) {
            let own = vm.instance_dict_of(o);
            for (k, v) in Vm::dict_items(d) {
                vm.dict_set(&own, k, v)?;
            }
        }
    }
    Ok(Value::None)
}
