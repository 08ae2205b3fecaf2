//! The .pyc cache (PEP 3147 and PEP 552, as importlib's SourceFileLoader
//! keeps it): `__pycache__/NAME.pyrs-311.pyc` with CPython 3.11's magic number
//! and header. A cache whose header matches the source is used; a stale,
//! corrupt or truncated one is recompiled and rewritten; checked hash-based
//! caches are revalidated against the source hash, unchecked ones trusted.
//! Writes go to a temporary file renamed into place, so no reader ever trusts
//! a half-written cache; an unwritable folder is no error.

use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::pyc::{self, PycHeader, PycKind};
use pyrs_bytecode::CodeObject;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "pyrs-311";

/// `importlib.util.cache_from_source`: where the cache of `source` lives.
pub fn cache_from_source(source: &Path, prefix: Option<&str>) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = format!("{stem}.{CACHE_TAG}.pyc");
    let dir = source.parent().unwrap_or(Path::new(""));
    match prefix {
        Some(p) if !p.is_empty() => {
            let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
            let rel = abs.strip_prefix("/").unwrap_or(&abs).to_path_buf();
            Path::new(p).join(rel).join(file)
        }
        _ => dir.join("__pycache__").join(file),
    }
}

fn source_stamp(meta: &std::fs::Metadata) -> (u32, u32) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    (mtime as u32, meta.len() as u32)
}

impl Vm {
    /// The code of source file `source`, from its cache when that is valid;
    /// records `__cached__` in the module's namespace.
    pub fn load_source_cached(
        &mut self,
        source: &Path,
        module_dict: &ObjRef,
    ) -> PyResult<(Rc<CodeObject>, crate::objects::code::Origin)> {
        let prefix = dict_get_str(&self.interp.sys_dict, "pycache_prefix")
            .and_then(|p| p.as_str().map(str::to_string));
        let cache = cache_from_source(source, prefix.as_deref());
        dict_set_str_raw(
            self.types(),
            module_dict,
            "__cached__",
            self.new_str(cache.to_string_lossy().as_ref()),
        );
        let meta = std::fs::metadata(source).map_err(|e| self.os_error_from(&e, source))?;
        let (mtime, size) = source_stamp(&meta);
        let mut source_bytes: Option<Vec<u8>> = None;
        let mut stale_kind: Option<PycKind> = None;
        if let Ok(data) = std::fs::read(&cache) {
            if let Ok((header, body)) = pyc::read_header(&data) {
                let valid = match header.kind {
                    PycKind::Timestamp {
                        mtime: m,
                        source_size: s,
                    } => m == mtime && s == size,
                    PycKind::Hash { checked: false, .. } => true,
                    PycKind::Hash {
                        checked: true,
                        hash,
                    } => {
                        let bytes =
                            std::fs::read(source).map_err(|e| self.os_error_from(&e, source))?;
                        let ok = pyc::source_hash(&bytes) == hash;
                        source_bytes = Some(bytes);
                        ok
                    }
                };
                if valid {
                    if let Ok(code) = pyrs_bytecode::marshal::loads_code(body) {
                        return Ok((code, crate::objects::code::Origin::Marshalled));
                    }
                } else {
                    stale_kind = Some(header.kind);
                }
            }
        }
        let bytes = match source_bytes {
            Some(b) => b,
            None => std::fs::read(source).map_err(|e| self.os_error_from(&e, source))?,
        };
        let filename = source.to_string_lossy().into_owned();
        let code = self.compile_source_bytes(&bytes, &filename)?;
        let write = !matches!(
            dict_get_str(&self.interp.sys_dict, "dont_write_bytecode"),
            Some(Value::Bool(true))
        );
        if write {
            // A hash-based cache is rewritten hash-based, as importlib does.
            let header = match stale_kind {
                Some(PycKind::Hash { checked, .. }) => {
                    PycHeader::hash(checked, pyc::source_hash(&bytes))
                }
                _ => PycHeader::timestamp(mtime, size),
            };
            write_atomically(&cache, &pyc::write_pyc(&header, &code));
        }
        Ok((Rc::new(code), crate::objects::code::Origin::Compiled))
    }

    /// Compile a module's source bytes (UTF-8) to a code object, raising
    /// SyntaxError as CPython would.
    pub fn compile_source_bytes(&mut self, bytes: &[u8], filename: &str) -> PyResult<CodeObject> {
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                return Err(self.syntax_error_value(&pyrs_compiler::SyntaxErrorInfo {
                    kind: pyrs_compiler::SyntaxErrorKind::SyntaxError,
                    msg: format!("Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details", bytes[e.valid_up_to()], filename, line),
                    filename: filename.to_string(),
                    lineno: line as u32,
                    offset: 0,
                    end_lineno: line as u32,
                    end_offset: 0,
                    text: None,
                }));
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let opts = pyrs_compiler::CompileOptions {
            optimize: self.interp.config.optimize,
            future_flags: 0,
        };
        pyrs_compiler::compile(text, filename, pyrs_compiler::Mode::Exec, &opts)
            .map_err(|e| self.syntax_error_value(&e))
    }

    /// A SyntaxError (or subclass) exception from the compiler's report.
    pub fn syntax_error_value(&mut self, e: &pyrs_compiler::SyntaxErrorInfo) -> PyErr {
        let cls = match e.kind {
            pyrs_compiler::SyntaxErrorKind::SyntaxError => self.types().exc.syntax_error.clone(),
            pyrs_compiler::SyntaxErrorKind::IndentationError => {
                self.types().exc.indentation_error.clone()
            }
            pyrs_compiler::SyntaxErrorKind::TabError => self.types().exc.tab_error.clone(),
        };
        let text = e
            .text
            .as_ref()
            .map_or(Value::None, |t| self.new_str(t.as_str()));
        let info = self.new_tuple(vec![
            self.new_str(e.filename.as_str()),
            Value::Int(e.lineno as i64),
            Value::Int(e.offset as i64),
            text,
            Value::Int(e.end_lineno as i64),
            Value::Int(e.end_offset as i64),
        ]);
        let args = [self.new_str(e.msg.as_str()), info];
        self.exception_from_args(&cls, &args)
    }
}

/// Write `data` to a temporary file beside `path` and rename it into place;
/// failures (an unwritable folder) are silently ignored, as importlib does.
fn write_atomically(path: &Path, data: &[u8]) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = path.with_extension(format!("pyc.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, data).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return;
    }
    if std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
