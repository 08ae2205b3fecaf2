//! `open()` and a minimal `_io`-like file object: text mode (UTF-8 or
//! Latin-1/ASCII, universal newlines on read) and binary mode, with `read`,
//! `readline`, `readlines`, `readinto` (binary), `write`, `writelines`, `seek`/`tell`, iteration
//! and the context-manager protocol. One object type per mode family, named as
//! CPython's (`TextIOWrapper`, `BufferedReader`, `BufferedWriter`).
//! Reference: Modules/_io/ (textio.c, bufferedio.c, fileio.c).

use super::args::{pos, this};
use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;
use std::io::{Read, Seek, SeekFrom, Write};

pub struct FileData {
    file: Option<std::fs::File>,
    pub name: Value,
    pub mode: String,
    binary: bool,
    readable: bool,
    writable: bool,
    encoding: String,
    /// Bytes read from the OS but not yet consumed.
    rbuf: Vec<u8>,
}

/// The methods of binary files only.
pub const BINARY_METHODS: &[MethodDef] = &[MethodDef::method("readinto", file_readinto)];

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("read", file_read),
    MethodDef::method("readline", file_readline),
    MethodDef::method("readlines", file_readlines),
    MethodDef::method("write", file_write),
    MethodDef::method("writelines", file_writelines),
    MethodDef::method("close", file_close),
    MethodDef::method("flush", file_flush),
    MethodDef::method("seek", file_seek),
    MethodDef::method("tell", file_tell),
    MethodDef::method("readable", file_readable),
    MethodDef::method("writable", file_writable),
    MethodDef::method("seekable", file_seekable),
    MethodDef::method("fileno", file_fileno),
    MethodDef::method("__enter__", file_enter),
    MethodDef::method("__exit__", file_exit),
    MethodDef::method("__iter__", file_enter),
    MethodDef::method("__next__", file_next),
];

fn os_error(vm: &Vm, e: &std::io::Error, name: &str) -> crate::error::PyErr {
    let t = &vm.types().exc;
    let (ty, errno, text) = match e.kind() {
        std::io::ErrorKind::NotFound => (&t.file_not_found_error, 2, "No such file or directory"),
        std::io::ErrorKind::PermissionDenied => (&t.permission_error, 13, "Permission denied"),
        std::io::ErrorKind::AlreadyExists => (&t.file_exists_error, 17, "File exists"),
        _ => match e.raw_os_error() {
            Some(21) => (&t.is_a_directory_error, 21, "Is a directory"),
            Some(20) => (&t.not_a_directory_error, 20, "Not a directory"),
            _ => (&t.os_error, e.raw_os_error().unwrap_or(0), "I/O error"),
        },
    };
    let msg = format!(
        "[Errno {errno}] {text}: {}",
        crate::objects::str::repr(name)
    );
    vm.new_error(ty, msg)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [file, mode, _buffering, encoding, _errors, _newline, _closefd, _opener] =
        super::args::bind(
            vm,
            "open",
            &args,
            [
                "file",
                "mode",
                "buffering",
                "encoding",
                "errors",
                "newline",
                "closefd",
                "opener",
            ],
            1,
            0,
        )?;
    let file = file.unwrap_or(Value::None);
    let Some(path) = file.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(&file)
        )));
    };
    let mode = match &mode {
        Some(m) => m
            .as_str()
            .ok_or_else(|| {
                vm.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                ))
            })?
            .to_string(),
        None => "r".into(),
    };
    let mut kinds = 0;
    let (mut read, mut write, mut append, mut create, mut binary, mut text, mut plus) =
        (false, false, false, false, false, false, false);
    for c in mode.chars() {
        match c {
            'r' => {
                read = true;
                kinds += 1
            }
            'w' => {
                write = true;
                kinds += 1
            }
            'a' => {
                append = true;
                kinds += 1
            }
            'x' => {
                create = true;
                kinds += 1
            }
            'b' => binary = true,
            't' => text = true,
            '+' => plus = true,
            _ => return Err(vm.value_error(format!("invalid mode: '{mode}'"))),
        }
    }
    if kinds != 1 || (binary && text) {
        return Err(vm.value_error(if binary && text {
            "can't have text and binary mode at once".to_string()
        } else {
            "must have exactly one of create/read/write/append mode".to_string()
        }));
    }
    if binary && encoding.as_ref().is_some_and(|e| !matches!(e, Value::None)) {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    let encoding = encoding
        .as_ref()
        .and_then(|e| e.as_str().map(str::to_string))
        .unwrap_or_else(|| "UTF-8".into());
    let mut opts = std::fs::OpenOptions::new();
    opts.read(read || plus)
        .write(write || append || create || plus)
        .append(append)
        .truncate(write)
        .create(write || append)
        .create_new(create);
    let f = opts.open(&path).map_err(|e| os_error(vm, &e, &path))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(21), &path));
    }
    let data = FileData {
        file: Some(f),
        name: file.clone(),
        mode: mode.clone(),
        binary,
        readable: read || plus,
        writable: write || append || create || plus,
        encoding,
        rbuf: Vec::new(),
    };
    let t = vm.types();
    let ty = if !binary {
        &t.text_io_wrapper
    } else if read && !plus {
        &t.buffered_reader
    } else {
        &t.buffered_writer
    };
    Ok(Value::Obj(ObjRef::new(
        ty,
        Payload::File(Box::new(GilCell::new(data))),
    )))
}

fn data<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a GilCell<FileData>> {
    match this(args).payload() {
        Some(Payload::File(f)) => Ok(f),
        _ => Err(vm.type_error("descriptor requires a file object")),
    }
}

fn check_open(vm: &Vm, f: &FileData) -> PyResult<()> {
    if f.file.is_none() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn unsupported(vm: &Vm, what: &str) -> crate::error::PyErr {
    // io.UnsupportedOperation derives from OSError and ValueError; OSError here.
    vm.new_error(&vm.types().exc.os_error, what.to_string())
}

/// Read everything left.
fn read_all(vm: &Vm, f: &mut FileData) -> PyResult<Vec<u8>> {
    let mut out = std::mem::take(&mut f.rbuf);
    if let Some(file) = f.file.as_mut() {
        file.read_to_end(&mut out)
            .map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
    }
    Ok(out)
}

/// Fill the read buffer until it holds a newline (or EOF).
fn fill_line(vm: &Vm, f: &mut FileData) -> PyResult<()> {
    let mut chunk = [0u8; 8192];
    while !f.rbuf.contains(&b'\n') && (f.binary || !f.rbuf.contains(&b'\r')) {
        let Some(file) = f.file.as_mut() else { break };
        let n = file
            .read(&mut chunk)
            .map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
        if n == 0 {
            break;
        }
        f.rbuf.extend_from_slice(&chunk[..n]);
    }
    // A '\r' at the end of the buffer may start a "\r\n": read one more byte.
    if !f.binary && f.rbuf.last() == Some(&b'\r') {
        let mut one = [0u8; 1];
        if let Some(file) = f.file.as_mut() {
            if file.read(&mut one).unwrap_or(0) == 1 {
                f.rbuf.push(one[0]);
            }
        }
    }
    Ok(())
}

fn decode(vm: &Vm, f: &FileData, b: &[u8]) -> PyResult<String> {
    let s = super::codecs::decode(vm, b, &f.encoding, "strict")?;
    // Universal newlines: "\r\n" and "\r" read as "\n".
    Ok(if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    })
}

fn make_result(vm: &Vm, f: &FileData, b: Vec<u8>) -> PyResult<Value> {
    if f.binary {
        Ok(vm.new_bytes(b))
    } else {
        Ok(vm.new_str(decode(vm, f, &b)?))
    }
}

fn file_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let r = pos(vm, "read", &args, 0, 1)?;
    let size = match r.first() {
        None | Some(Value::None) => -1,
        Some(v) => vm.index_i64(v)?,
    };
    let f = cell.get_mut();
    if f.binary && f.file.is_none() {
        return Err(vm.value_error("read of closed file"));
    }
    check_open(vm, f)?;
    if !f.readable {
        return Err(unsupported(vm, "not readable"));
    }
    if size < 0 {
        let b = read_all(vm, f)?;
        return make_result(vm, f, b);
    }
    if f.binary {
        let want = size as usize;
        while f.rbuf.len() < want {
            let mut chunk = vec![0u8; want - f.rbuf.len()];
            let n = f
                .file
                .as_mut()
                .map_or(Ok(0), |file| file.read(&mut chunk))
                .map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
            if n == 0 {
                break;
            }
            f.rbuf.extend_from_slice(&chunk[..n]);
        }
        let n = want.min(f.rbuf.len());
        let out: Vec<u8> = f.rbuf.drain(..n).collect();
        return Ok(vm.new_bytes(out));
    }
    // Text: read all, hand out `size` characters, keep the rest buffered.
    let b = read_all(vm, f)?;
    let s = decode(vm, f, &b)?;
    let head: String = s.chars().take(size as usize).collect();
    f.rbuf = s.as_bytes()[head.len()..].to_vec();
    Ok(vm.new_str(head))
}

/// `readinto(b)` of a binary file: fill the bytearray `b` from the file,
/// returning how many bytes were read (0 at EOF).
fn file_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let r = pos(vm, "readinto", &args, 1, 1)?;
    let f = cell.get_mut();
    if !f.binary {
        return Err(vm.attribute_error("'_io.TextIOWrapper' object has no attribute 'readinto'"));
    }
    let Some(Payload::ByteArray(target)) = r[0].payload() else {
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(&r[0])
        )));
    };
    if f.file.is_none() {
        return Err(vm.value_error("readinto of closed file"));
    }
    if !f.readable {
        return Err(unsupported(vm, "read"));
    }
    let buf = target.get_mut();
    let want = buf.len();
    let mut n = want.min(f.rbuf.len());
    buf[..n].copy_from_slice(&f.rbuf[..n]);
    f.rbuf.drain(..n);
    while n < want {
        let got = f
            .file
            .as_mut()
            .map_or(Ok(0), |file| file.read(&mut buf[n..]))
            .map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
        if got == 0 {
            break;
        }
        n += got;
    }
    Ok(Value::Int(n as i64))
}

fn read_line(vm: &Vm, f: &mut FileData, limit: i64) -> PyResult<Vec<u8>> {
    fill_line(vm, f)?;
    let end = if f.binary {
        f.rbuf.iter().position(|&c| c == b'\n').map(|i| i + 1)
    } else {
        f.rbuf
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .map(|i| {
                if f.rbuf[i] == b'\r' && f.rbuf.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                }
            })
    };
    let mut n = end.unwrap_or(f.rbuf.len());
    if limit >= 0 {
        n = n.min(limit as usize);
    }
    Ok(f.rbuf.drain(..n).collect())
}

fn file_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let r = pos(vm, "readline", &args, 0, 1)?;
    let limit = match r.first() {
        None | Some(Value::None) => -1,
        Some(v) => vm.index_i64(v)?,
    };
    let f = cell.get_mut();
    check_open(vm, f)?;
    if !f.readable {
        return Err(unsupported(vm, "not readable"));
    }
    let line = read_line(vm, f, limit)?;
    make_result(vm, f, line)
}

fn file_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let f = cell.get_mut();
    check_open(vm, f)?;
    let mut out = Vec::new();
    loop {
        let line = read_line(vm, f, -1)?;
        if line.is_empty() {
            break;
        }
        out.push(make_result(vm, f, line)?);
    }
    Ok(vm.new_list(out))
}

fn file_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let f = cell.get_mut();
    check_open(vm, f)?;
    let line = read_line(vm, f, -1)?;
    if line.is_empty() {
        return Err(vm.stop_iteration());
    }
    make_result(vm, f, line)
}

fn write_bytes(vm: &Vm, f: &mut FileData, b: &[u8]) -> PyResult<()> {
    check_open(vm, f)?;
    if !f.writable {
        return Err(unsupported(vm, "not writable"));
    }
    if let Some(file) = f.file.as_mut() {
        file.write_all(b)
            .map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
    }
    Ok(())
}

fn file_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let r = pos(vm, "write", &args, 1, 1)?;
    let f = cell.get_mut();
    if f.binary {
        let Some(b) = super::bytes::bytes_like(&r[0]) else {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&r[0])
            )));
        };
        write_bytes(vm, f, &b)?;
        return Ok(Value::Int(b.len() as i64));
    }
    let Some(s) = r[0].as_str() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&r[0])
        )));
    };
    let b = super::codecs::encode(vm, s, &f.encoding, "strict")?;
    write_bytes(vm, f, &b)?;
    Ok(Value::Int(s.chars().count() as i64))
}

fn file_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "writelines", &args, 1, 1)?;
    let me = this(&args).clone();
    for line in vm.iterate(&r[0])? {
        let w = [me.clone(), line];
        file_write(vm, Args::positional(&w))?;
    }
    Ok(Value::None)
}

fn file_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let old = cell.get_mut().file.take();
    drop(old);
    Ok(Value::None)
}

fn file_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let f = cell.get_mut();
    check_open(vm, f)?;
    if let Some(file) = f.file.as_mut() {
        let _ = file.flush();
    }
    Ok(Value::None)
}

fn file_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let r = pos(vm, "seek", &args, 1, 2)?;
    let off = vm.index_i64(&r[0])?;
    let whence = match r.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let f = cell.get_mut();
    check_open(vm, f)?;
    let target = match whence {
        0 => SeekFrom::Start(off.max(0) as u64),
        1 => SeekFrom::Current(off - f.rbuf.len() as i64),
        2 => SeekFrom::End(off),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    f.rbuf.clear();
    let p = f
        .file
        .as_mut()
        .map_or(Ok(0), |file| file.seek(target))
        .map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
    Ok(Value::Int(p as i64))
}

fn file_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let f = cell.get_mut();
    check_open(vm, f)?;
    let p = f
        .file
        .as_mut()
        .map_or(Ok(0), |file| file.stream_position())
        .map_err(|e| vm.new_error(&vm.types().exc.os_error, e.to_string()))?;
    Ok(Value::Int(p as i64 - f.rbuf.len() as i64))
}

fn file_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = data(vm, &args)?.get();
    check_open(vm, f)?;
    Ok(Value::Bool(f.readable))
}

fn file_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = data(vm, &args)?.get();
    check_open(vm, f)?;
    Ok(Value::Bool(f.writable))
}

fn file_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = data(vm, &args)?.get();
    check_open(vm, f)?;
    Ok(Value::Bool(true))
}

fn file_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = data(vm, &args)?.get();
    check_open(vm, f)?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        if let Some(file) = f.file.as_ref() {
            return Ok(Value::Int(file.as_raw_fd() as i64));
        }
    }
    Ok(Value::Int(-1))
}

fn file_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = data(vm, &args)?.get();
    check_open(vm, f)?;
    Ok(this(&args).clone())
}

fn file_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = data(vm, &args)?;
    let old = cell.get_mut().file.take();
    drop(old);
    Ok(Value::None)
}

/// The attributes `name`, `mode`, `closed`, `encoding` of a file object.
pub fn file_attr(vm: &Vm, f: &FileData, name: &str) -> Option<Value> {
    Some(match name {
        "name" => f.name.clone(),
        "mode" => vm.new_str(f.mode.as_str()),
        "closed" => Value::Bool(f.file.is_none()),
        "encoding" if !f.binary => vm.new_str(f.encoding.as_str()),
        _ => return None,
    })
}

/// `repr(file)`: `<_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>`.
pub fn repr(vm: &mut Vm, o: &ObjRef) -> PyResult<String> {
    let Payload::File(cell) = &o.payload else {
        return Ok(String::new());
    };
    let (name, mode, binary, encoding) = {
        let f = cell.get();
        (f.name.clone(), f.mode.clone(), f.binary, f.encoding.clone())
    };
    let ty = o.class().payload_type().name.get().clone();
    let n = vm.repr_string(&name)?;
    Ok(if binary {
        format!("<_io.{ty} name={n}>")
    } else {
        format!("<_io.{ty} name={n} mode='{mode}' encoding='{encoding}'>")
    })
}
