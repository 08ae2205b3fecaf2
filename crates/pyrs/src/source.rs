//! Getting the `__main__` program ready before the VM starts: checking that a
//! script can be opened (with CPython's "can't open file" message) and reading
//! a program from standard input as UTF-8 text. Reference: CPython 3.11
//! Modules/main.c (`pymain_run_file_obj`) and Parser/tokenizer.c (decoding).

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Check that the script opens, as `pymain_run_file_obj` does before running it.
/// The error is the full stderr text, e.g.
/// `pyrs: can't open file '/abs/x.py': [Errno 2] No such file or directory`.
pub fn check_script(path: &OsStr, program: &str) -> Result<(), String> {
    match std::fs::File::open(path) {
        Ok(_) => Ok(()),
        Err(err) => {
            let errno = err.raw_os_error().unwrap_or(0);
            Err(format!(
                "{program}: can't open file {}: [Errno {errno}] {}\n",
                py_repr_path(&abspath(Path::new(path))),
                strerror(&err)
            ))
        }
    }
}

/// `_Py_abspath`: the working directory joined with a relative path, without
/// normalising `.` or `..` (CPython prints `/tmp/./x.py` for `./x.py`).
pub fn abspath(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    match std::env::current_dir() {
        Ok(cwd) => cwd.join(path),
        Err(_) => path.to_path_buf(),
    }
}

/// The C library's text for an OS error: Rust's Display adds " (os error N)".
fn strerror(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// Python's `repr()` of the path as a `str`: single quotes unless the text has
/// a `'` and no `"`; bytes that are not UTF-8 show as `\udcXX`, the way
/// CPython's surrogateescape decoding of file names makes them appear.
pub fn py_repr_path(path: &Path) -> String {
    #[cfg(unix)]
    let bytes: &[u8] = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str());
    #[cfg(not(unix))]
    let owned = path.to_string_lossy().into_owned().into_bytes();
    #[cfg(not(unix))]
    let bytes: &[u8] = &owned;

    let has_single = bytes.contains(&b'\'');
    let has_double = bytes.contains(&b'"');
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c == quote => {
                    out.push('\\');
                    out.push(c);
                }
                c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                    out.push_str(&format!("\\x{:02x}", c as u32));
                }
                // C1 controls are not printable either; other non-ASCII text is
                // printed as is (a fair approximation of str.isprintable).
                c if (0x80..0xa0).contains(&(c as u32)) => {
                    out.push_str(&format!("\\x{:02x}", c as u32));
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\udc{b:02x}"));
        }
    }
    out.push(quote);
    out
}

/// Read the whole of standard input as the program text. Input that is not
/// UTF-8 gets the tokenizer's SyntaxError (the full stderr text; exit 1).
pub fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    if let Err(err) = std::io::stdin().lock().read_to_end(&mut bytes) {
        return Err(format!("pyrs: cannot read standard input: {err}\n"));
    }
    decode_source(bytes, "<stdin>")
}

/// UTF-8 decoding of program text with the tokenizer's message on failure.
fn decode_source(bytes: Vec<u8>, filename: &str) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let bytes = err.as_bytes();
            let at = err.utf8_error().valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Err(format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {filename} \
                 on line {line}, but no encoding declared; \
                 see https://peps.python.org/pep-0263/ for details\n",
                bytes[at]
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_like_python() {
        assert_eq!(py_repr_path(Path::new("/tmp/x.py")), "'/tmp/x.py'");
        assert_eq!(py_repr_path(Path::new("/tmp/it's")), "\"/tmp/it's\"");
        assert_eq!(py_repr_path(Path::new("/a'b\"c")), "'/a\\'b\"c'");
        assert_eq!(
            py_repr_path(Path::new("/a\\b\nc\x01")),
            "'/a\\\\b\\nc\\x01'"
        );
        assert_eq!(py_repr_path(Path::new("/é")), "'/é'");
    }

    #[cfg(unix)]
    #[test]
    fn repr_shows_undecodable_bytes_as_surrogates() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(OsStr::from_bytes(b"/x\xffy"));
        assert_eq!(py_repr_path(p), "'/x\\udcffy'");
    }

    #[test]
    fn abspath_keeps_dots() {
        let p = abspath(Path::new("./x.py"));
        assert!(p.is_absolute());
        assert!(p.to_string_lossy().ends_with("/./x.py"));
        assert_eq!(abspath(Path::new("/a/../b")), PathBuf::from("/a/../b"));
    }

    #[test]
    fn missing_script_message() {
        let msg = check_script(OsStr::new("/nonexistent-dir/x.py"), "pyrs").unwrap_err();
        assert_eq!(
            msg,
            "pyrs: can't open file '/nonexistent-dir/x.py': [Errno 2] No such file or directory\n"
        );
    }

    #[test]
    fn non_utf8_source_reports_line() {
        assert_eq!(
            decode_source(b"print(1)\n".to_vec(), "<stdin>").unwrap(),
            "print(1)\n"
        );
        let msg = decode_source(b"x = 1\r\ny = \"a\xff\"".to_vec(), "<stdin>").unwrap_err();
        assert_eq!(
            msg,
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file <stdin> on line 2, \
             but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
        );
    }
}
