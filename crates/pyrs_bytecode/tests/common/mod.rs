//! Helpers shared by the integration tests: running the `python3` oracle (CPython
//! 3.11) and finding real modules of its standard library to feed it.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `python3 -c script args...` and returns its stdout; panics with stderr if
/// the oracle fails, since every test here depends on it.
pub fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 must be installed: it is the oracle for these tests");
    assert!(
        out.status.success(),
        "python3 failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("python3 printed UTF-8")
}

/// A fresh path in the temp directory, unique within this test process.
pub fn temp_path(tag: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "pyrs_bytecode_{}_{}_{}",
        std::process::id(),
        tag,
        n
    ))
}

/// Modules of the installed CPython Lib chosen to cover much of the compiler:
/// classes, closures, generators, async, try/except*/finally, with, match,
/// comprehensions, f-strings, and long functions.
pub fn stdlib_files() -> Vec<PathBuf> {
    let root = python(
        "import sysconfig;print(sysconfig.get_paths()['stdlib'])",
        &[],
    );
    let root = PathBuf::from(root.trim());
    [
        "os.py",
        "ast.py",
        "dataclasses.py",
        "typing.py",
        "asyncio/tasks.py",
        "asyncio/taskgroups.py",
        "re/_parser.py",
        "argparse.py",
        "json/decoder.py",
        "enum.py",
        "contextlib.py",
        "inspect.py",
        "traceback.py",
        "difflib.py",
    ]
    .iter()
    .map(|f| root.join(f))
    .filter(|p| p.exists())
    .collect()
}

pub fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex from python3"))
        .collect()
}

pub fn hex_encode(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
