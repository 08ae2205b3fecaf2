//! `_io.BytesIO` (Modules/_io/bytesio.c): an in-memory binary stream over a
//! `Vec<u8>`, with CPython's checks, messages and pickling state.
//!
//! `getbuffer()` hands out a memoryview, and the VM's memoryview can only
//! view a bytes or bytearray object; so the first `getbuffer()` moves the
//! data into a bytearray the stream keeps, and views write through it. While
//! anything else holds that bytearray (a view or a slice of one) the data
//! has "exports" and cannot be resized, as in CPython; once only the stream
//! holds it the data moves back (`reclaim`). A released view still holds
//! its bytearray in this VM, so it counts as an export until it is dropped.

use super::convert::MethodArgs;
use super::convert::{optional_ssize, ssize, whence_int};
use crate::native::{class, new_instance, rest, Refs};
use pyrs_vm::gil_cell::GilCell;
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::types::args::bind;
use pyrs_vm::types::bytes::{bytes_like, new_bytearray};
use pyrs_vm::{ObjRef, PyResult, Value, Vm};

const ARGS: MethodArgs = MethodArgs {
    short: "BytesIO",
    full: "_io.BytesIO",
};

pub struct BytesIO {
    /// The data, unless `exported` holds it.
    buf: Vec<u8>,
    /// The bytearray holding the data since `getbuffer()`.
    exported: Option<Value>,
    pos: usize,
    /// CPython's `buf == NULL`.
    closed: bool,
}

impl Refs for BytesIO {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        if let Some(e) = &self.exported {
            f(e);
        }
    }
}

fn bytearray_cell(v: &Value) -> Option<&GilCell<Vec<u8>>> {
    match v.payload() {
        Some(Payload::ByteArray(b)) => Some(b),
        _ => None,
    }
}

impl BytesIO {
    fn new() -> BytesIO {
        BytesIO {
            buf: Vec::new(),
            exported: None,
            pos: 0,
            closed: false,
        }
    }

    /// Take the data back from the bytearray once no view holds it.
    fn reclaim(&mut self) {
        let free = match &self.exported {
            Some(Value::Obj(o)) => o.refcount() == 1,
            _ => false,
        };
        if free {
            if let Some(e) = self.exported.take() {
                if let Some(b) = bytearray_cell(&e) {
                    self.buf = std::mem::take(b.get_mut());
                }
            }
        }
    }

    /// CHECK_EXPORTS: BufferError while a view may see the data.
    fn check_exports(&mut self, vm: &Vm) -> PyResult<()> {
        self.reclaim();
        if self.exported.is_some() {
            let e = vm.types().exc.buffer_error.clone();
            return Err(vm.new_error(&e, "Existing exports of data: object cannot be re-sized"));
        }
        Ok(())
    }

    fn data(&self) -> &[u8] {
        match self.exported.as_ref().and_then(bytearray_cell) {
            Some(b) => b.get(),
            None => &self.buf,
        }
    }

    fn size(&self) -> usize {
        self.data().len()
    }

    /// `read_bytes`: `n` bytes from the position (the caller clamped `n`).
    fn take(&mut self, n: usize) -> Vec<u8> {
        let start = self.pos.min(self.size());
        let end = start.saturating_add(n).min(self.size());
        let out = self.data()[start..end].to_vec();
        self.pos = self.pos.saturating_add(out.len());
        out
    }

    /// `scan_eol`: how many bytes the next line has, at most `limit`
    /// (all the rest when negative).
    fn scan_eol(&self, limit: i64) -> usize {
        let size = self.size();
        if self.pos >= size {
            return 0;
        }
        let avail = size - self.pos;
        let maxlen = if limit < 0 || limit as u64 > avail as u64 {
            avail
        } else {
            limit as usize
        };
        let hay = &self.data()[self.pos..self.pos + maxlen];
        hay.iter()
            .position(|&c| c == b'\n')
            .map_or(maxlen, |i| i + 1)
    }

    /// `write_bytes` after the checks: put `b` at the position, padding an
    /// overseek with zero bytes.
    fn write_bytes(&mut self, vm: &Vm, b: &[u8]) -> PyResult<usize> {
        let n = b.len();
        if n == 0 {
            return Ok(0);
        }
        if self.pos > isize::MAX as usize - n {
            return Err(vm.overflow_error("new buffer size too large"));
        }
        let end = self.pos + n;
        if end > self.buf.len() {
            self.buf
                .try_reserve(end - self.buf.len())
                .map_err(|_| vm.memory_error())?;
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(b);
        self.pos = end;
        Ok(n)
    }
}

const METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", bytesio_new),
    MethodDef::method("__init__", bytesio_init),
    MethodDef::method("readable", bytesio_readable),
    MethodDef::method("seekable", bytesio_seekable),
    MethodDef::method("writable", bytesio_writable),
    MethodDef::method("close", bytesio_close),
    MethodDef::method("flush", bytesio_flush),
    MethodDef::method("isatty", bytesio_isatty),
    MethodDef::method("tell", bytesio_tell),
    MethodDef::method("write", bytesio_write),
    MethodDef::method("writelines", bytesio_writelines),
    MethodDef::method("read1", bytesio_read1),
    MethodDef::method("readinto", bytesio_readinto),
    MethodDef::method("readline", bytesio_readline),
    MethodDef::method("readlines", bytesio_readlines),
    MethodDef::method("read", bytesio_read),
    MethodDef::method("getbuffer", bytesio_getbuffer),
    MethodDef::method("getvalue", bytesio_getvalue),
    MethodDef::method("seek", bytesio_seek),
    MethodDef::method("truncate", bytesio_truncate),
    MethodDef::method("__getstate__", bytesio_getstate),
    MethodDef::method("__setstate__", bytesio_setstate),
    MethodDef::method("__sizeof__", bytesio_sizeof),
    MethodDef::method("__iter__", bytesio_iter),
    MethodDef::method("__next__", bytesio_next),
];

/// Whether `v`'s class is `_io.BytesIO` itself (not a subclass).
pub fn is_exact(vm: &Vm, v: &Value) -> bool {
    crate::native::is_exact(vm, v, "_io", "BytesIO")
}

/// Make `_io.BytesIO` under the prelude's `_BufferedIOBase`.
pub fn init(vm: &mut Vm, buffered_io_base: &ObjRef) -> ObjRef {
    let cls = class(
        vm,
        "_io",
        "BytesIO",
        Some(buffered_io_base),
        BaseKind::Object,
        METHODS,
    );
    crate::held::add_getters(vm, &cls, &[("closed", bytesio_closed)]);
    cls
}

/// Run `f` on the state, after CHECK_CLOSED when `closed_check`; no Python
/// code runs inside `f`.
fn with<R>(
    vm: &Vm,
    args: &Args,
    name: &str,
    closed_check: bool,
    f: impl FnOnce(&mut BytesIO) -> PyResult<R>,
) -> PyResult<R> {
    let Some(s) = ARGS.cell::<BytesIO>(vm, args, name)?.get_mut() else {
        return Err(vm.value_error("I/O operation on closed file."));
    };
    if closed_check && s.closed {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    f(s)
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn bytesio_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = crate::native::new_cls(vm, &args, "BytesIO")?;
    Ok(new_instance(&cls, BytesIO::new()))
}

fn bytesio_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let [initial] = bind(vm, "BytesIO", &a, ["initial_bytes"], 0, 0)?;
    let data = match &initial {
        None | Some(Value::None) => None,
        Some(v) => Some(v),
    };
    with(vm, &args, "__init__", false, |s| {
        s.check_exports(vm)?;
        s.buf.clear();
        s.pos = 0;
        s.closed = false;
        if let Some(v) = data {
            let b = buffer_arg(vm, v)?;
            s.buf = b;
        }
        Ok(())
    })?;
    Ok(Value::None)
}

fn check_open(vm: &mut Vm, args: Args, name: &str, answer: Value) -> PyResult<Value> {
    ARGS.no_args(vm, &args, name)?;
    with(vm, &args, name, true, |_| Ok(answer))
}

fn bytesio_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "readable", Value::Bool(true))
}

fn bytesio_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "writable", Value::Bool(true))
}

fn bytesio_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "seekable", Value::Bool(true))
}

fn bytesio_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "flush", Value::None)
}

fn bytesio_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_open(vm, args, "isatty", Value::Bool(false))
}

fn bytesio_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "close")?;
    with(vm, &args, "close", false, |s| {
        s.check_exports(vm)?;
        s.closed = true;
        s.buf = Vec::new();
        Ok(Value::None)
    })
}

fn bytesio_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with(vm, &args, "closed", false, |s| Ok(Value::Bool(s.closed)))
}

fn bytesio_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "tell")?;
    let pos = with(vm, &args, "tell", true, |s| Ok(s.pos))?;
    Ok(Value::Int(pos as i64))
}

fn bytesio_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = ARGS.one_arg(vm, &args, "write")?;
    let n = with(vm, &args, "write", true, |s| {
        s.check_exports(vm)?;
        // The common argument is read in place; other buffers are copied.
        match b.payload() {
            Some(Payload::Bytes(data)) => s.write_bytes(vm, data),
            _ => {
                let data = buffer_arg(vm, b)?;
                s.write_bytes(vm, &data)
            }
        }
    })?;
    Ok(Value::Int(n as i64))
}

/// `writelines(lines)`: each item through the internal write (a subclass's
/// `write` is not called), as CPython does.
fn bytesio_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lines = ARGS.one_arg(vm, &args, "writelines")?.clone();
    with(vm, &args, "writelines", true, |_| Ok(()))?;
    let it = vm.iter(&lines)?;
    while let Some(item) = vm.next(&it)? {
        with(vm, &args, "writelines", true, |s| {
            s.check_exports(vm)?;
            let data = buffer_arg(vm, &item)?;
            s.write_bytes(vm, &data)
        })?;
    }
    Ok(Value::None)
}

fn read(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let p = ARGS.positional(vm, args, name, 0, 1)?;
    let size = optional_ssize(vm, p.first())?;
    let out = with(vm, args, name, true, |s| {
        let avail = s.size().saturating_sub(s.pos);
        let n = if size < 0 || size as u64 > avail as u64 {
            avail
        } else {
            size as usize
        };
        Ok(s.take(n))
    })?;
    Ok(vm.new_bytes(out))
}

fn bytesio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    read(vm, &args, "read")
}

fn bytesio_read1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    read(vm, &args, "read1")
}

fn bytesio_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "readline", 0, 1)?;
    let size = optional_ssize(vm, p.first())?;
    let line = with(vm, &args, "readline", true, |s| {
        let n = s.scan_eol(size);
        Ok(s.take(n))
    })?;
    Ok(vm.new_bytes(line))
}

/// `readlines(hint=None)`: lines until their total length reaches a
/// positive hint.
fn bytesio_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "readlines", 0, 1)?;
    with(vm, &args, "readlines", true, |_| Ok(()))?;
    let maxsize = match p.first() {
        None | Some(Value::None) => -1,
        Some(v) if pyrs_vm::protocol::object::as_int(v).is_some() => ssize(vm, v)?,
        Some(v) => {
            return Err(vm.type_error(format!(
                "integer argument expected, got '{}'",
                vm.type_name(v)
            )))
        }
    };
    let lines = with(vm, &args, "readlines", true, |s| {
        let mut lines = Vec::new();
        let mut total: i64 = 0;
        loop {
            let n = s.scan_eol(-1);
            if n == 0 {
                break;
            }
            lines.push(s.take(n));
            total = total.saturating_add(n as i64);
            if maxsize > 0 && total >= maxsize {
                break;
            }
        }
        Ok(lines)
    })?;
    let items = lines.into_iter().map(|l| vm.new_bytes(l)).collect();
    Ok(vm.new_list(items))
}

/// `readinto(buffer)`: fill a writable buffer (a bytearray, or a
/// memoryview of one) from the position.
fn bytesio_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let target = ARGS.one_arg(vm, &args, "readinto")?;
    let (cell, start, len) = match target.payload() {
        Some(Payload::ByteArray(b)) => (b, 0, b.get().len()),
        Some(Payload::MemoryView(m)) if bytearray_cell(&m.obj).is_some() && !m.released.get() => {
            match bytearray_cell(&m.obj) {
                Some(b) => (b, m.start, m.len),
                None => return Err(vm.system_error("readinto: lost the view's bytearray")),
            }
        }
        _ => {
            return Err(vm.type_error(format!(
                "readinto() argument must be read-write bytes-like object, not {}",
                vm.type_name(target)
            )))
        }
    };
    // Copied out first: the target may be a view of this stream's own data.
    let data = with(vm, &args, "readinto", true, |s| {
        let avail = s.size().saturating_sub(s.pos);
        Ok(s.take(len.min(avail)))
    })?;
    let dest = cell.get_mut();
    let end = (start + data.len()).min(dest.len());
    let n = end.saturating_sub(start);
    if let (Some(d), Some(src)) = (dest.get_mut(start..end), data.get(..n)) {
        d.copy_from_slice(src);
    }
    Ok(Value::Int(data.len() as i64))
}

fn bytesio_getbuffer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "getbuffer")?;
    let ba = with(vm, &args, "getbuffer", true, |s| {
        if s.exported.is_none() {
            let data = std::mem::take(&mut s.buf);
            s.exported = Some(new_bytearray(vm, data));
        }
        Ok(s.exported.clone().unwrap_or(Value::None))
    })?;
    let memoryview = Value::Obj(vm.types().memoryview.clone());
    vm.call(&memoryview, &[ba])
}

fn bytesio_getvalue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "getvalue")?;
    let data = with(vm, &args, "getvalue", true, |s| Ok(s.data().to_vec()))?;
    Ok(vm.new_bytes(data))
}

fn bytesio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "seek", 1, 2)?;
    let pos = ssize(vm, &p[0])?;
    let whence = match p.get(1) {
        Some(w) => whence_int(vm, w)?,
        None => 0,
    };
    let pos = with(vm, &args, "seek", true, |s| {
        if pos < 0 && whence == 0 {
            return Err(vm.value_error(format!("negative seek value {pos}")));
        }
        let base = match whence {
            0 => 0,
            1 => s.pos as i64,
            2 => s.size() as i64,
            _ => {
                return Err(
                    vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
                )
            }
        };
        let pos = base
            .checked_add(pos)
            .ok_or_else(|| vm.overflow_error("new position too large"))?;
        s.pos = pos.max(0) as usize;
        Ok(s.pos)
    })?;
    Ok(Value::Int(pos as i64))
}

fn bytesio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = ARGS.positional(vm, &args, "truncate", 0, 1)?;
    let size = match p.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(optional_ssize(vm, Some(v))?),
    };
    let size = with(vm, &args, "truncate", true, |s| {
        s.check_exports(vm)?;
        let size = size.unwrap_or(s.pos as i64);
        if size < 0 {
            return Err(vm.value_error(format!("negative size value {size}")));
        }
        if (size as u64) < s.buf.len() as u64 {
            s.buf.truncate(size as usize);
        }
        Ok(size)
    })?;
    Ok(Value::Int(size))
}

fn bytesio_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "__iter__")?;
    ARGS.cell::<BytesIO>(vm, &args, "__iter__")?;
    Ok(args.args.first().cloned().unwrap_or(Value::None))
}

/// `tp_iternext`: the internal readline, even in a subclass.
fn bytesio_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "__next__")?;
    let line = with(vm, &args, "__next__", true, |s| {
        let n = s.scan_eol(-1);
        Ok(s.take(n))
    })?;
    if line.is_empty() {
        return Err(vm.stop_iteration());
    }
    Ok(vm.new_bytes(line))
}

fn bytesio_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "__sizeof__")?;
    let n = with(vm, &args, "__sizeof__", false, |s| {
        // The object header, plus the bytes object CPython keeps the data in.
        Ok(64
            + if s.buf.capacity() > 0 {
                33 + s.buf.capacity()
            } else {
                0
            })
    })?;
    Ok(Value::Int(n as i64))
}

/// `(value, pos, dict)`: the state `__setstate__` restores.
fn bytesio_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ARGS.no_args(vm, &args, "__getstate__")?;
    let (data, pos) = with(vm, &args, "__getstate__", true, |s| {
        Ok((s.data().to_vec(), s.pos))
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
    let value = vm.new_bytes(data);
    Ok(vm.new_tuple(vec![value, Value::Int(pos as i64), dict]))
}

fn bytesio_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = ARGS.one_arg(vm, &args, "__setstate__")?;
    let me = args.args.first().cloned().unwrap_or(Value::None);
    let items = match state.as_tuple() {
        Some(t) if t.len() >= 3 => t,
        _ => {
            let name = if is_exact(vm, &me) {
                "_io.BytesIO".to_string()
            } else {
                pyrs_vm::runtime::types::tp_name(vm.type_of(&me))
            };
            return Err(vm.type_error(format!(
                "{name}.__setstate__ argument should be 3-tuple, got {}",
                vm.type_name(state)
            )));
        }
    };
    // Reset, then write the value through the ordinary write (which checks
    // `closed` and the argument's type).
    with(vm, &args, "__setstate__", false, |s| {
        s.check_exports(vm)?;
        if s.closed {
            return Err(vm.value_error("I/O operation on closed file."));
        }
        let data = buffer_arg(vm, &items[0])?;
        s.buf.clear();
        s.pos = 0;
        s.write_bytes(vm, &data)?;
        Ok(())
    })?;
    let pos = &items[1];
    if pyrs_vm::protocol::object::as_int(pos).is_none() {
        return Err(vm.type_error(format!(
            "second item of state must be an integer, not {}",
            vm.type_name(pos)
        )));
    }
    let pos = ssize(vm, pos)?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    with(vm, &args, "__setstate__", false, |s| {
        s.pos = pos as usize;
        Ok(())
    })?;
    let dict = &items[2];
    if !matches!(dict, Value::None) {
        let Some(Payload::Dict(_)) = dict.payload() else {
            return Err(vm.type_error(format!(
                "third item of state should be a dict, got a {}",
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
