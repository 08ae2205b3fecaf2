//! CPython runs the .pyc files pyrs makes: every tests/programs/NAME.py is
//! compiled by pyrs_compiler, written with `pyc::write_pyc`, and run as
//! `python3 NAME.pyc ARGS` the way tests/regen_expected.py ran the source
//! (cwd tests/programs, `# args:` arguments, empty stdin, the same PYTHON*
//! environment); stdout, stderr and the exit status must be what CPython
//! does with its own .pyc of the program, compiled by py_compile with the
//! same file name and run the same way. (Running a .pyc is not always running
//! the source: a frozenset constant comes back from marshal in sorted order,
//! so a set display of strings can iterate differently.)
//!
//! The code objects are compiled with the absolute path of NAME.py as their
//! file name, which is what CPython itself uses for a script, so tracebacks
//! name and quote the source. The .pyc is named by a relative path, as the
//! source is; in the output, that path (`sys.argv[0]`) reads `NAME.py` again
//! and the .pyc's absolute path (`__file__`) the source's.

use pyrs_bytecode::pyc::{write_pyc, PycHeader};
use pyrs_compiler::{compile, CompileOptions, Mode};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PLACEHOLDER: &[u8] = b"{PROGRAMS}";

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs")
}

fn program_args(source: &str) -> Vec<String> {
    source
        .lines()
        .take(5)
        .map(str::trim)
        .find_map(|l| l.strip_prefix("# args:"))
        .map(|rest| rest.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

fn replace_all(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return haystack.to_vec();
    }
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// The real interpreter behind `python3` (a pyenv shim costs a shell per run).
fn python_executable() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!path.is_empty()).then(|| PathBuf::from(path))
}

/// Compiles, writes and runs one program; the mismatch report, if any.
fn check(name: &str, python: &Path, real_dir: &Path, pyc_dir: &Path) -> Option<String> {
    let src_path = real_dir.join(format!("{name}.py"));
    let source = match std::fs::read_to_string(&src_path) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot read: {e}")),
    };
    let filename = src_path.to_string_lossy().to_string();
    let code = match compile(&source, &filename, Mode::Exec, &CompileOptions::default()) {
        Ok(c) => c,
        Err(e) => {
            return Some(format!(
                "pyrs cannot compile it: {} (line {})",
                e.msg, e.lineno
            ))
        }
    };
    let header = PycHeader::timestamp(0, source.len() as u32);
    let pyc = pyc_dir.join(format!("{name}.pyc"));
    if let Err(e) = std::fs::write(&pyc, write_pyc(&header, &code)) {
        return Some(format!("cannot write {}: {e}", pyc.display()));
    }
    // CPython's own .pyc of the program, with the same file name inside.
    let theirs_dir = pyc_dir.join("cpython");
    let theirs = theirs_dir.join(format!("{name}.pyc"));
    let script = "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[1], doraise=True)";
    let made = Command::new(python)
        .args(["-c", script])
        .arg(&src_path)
        .arg(&theirs)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        return Some("CPython cannot compile it".to_string());
    }
    let args = program_args(&source);
    let ours = run_pyc(python, real_dir, &pyc, name, &filename, &args);
    let expected = run_pyc(python, real_dir, &theirs, name, &filename, &args);
    let (ours, expected) = match (ours, expected) {
        (Ok(o), Ok(e)) => (o, e),
        (Err(e), _) | (_, Err(e)) => return Some(format!("cannot run python3: {e}")),
    };
    let mut report = String::new();
    if ours.0 != expected.0 {
        report += &format!("exit status {:?}, expected {:?}\n", ours.0, expected.0);
    }
    if ours.1 != expected.1 {
        report += &format!("stdout differs:\n{}\n", String::from_utf8_lossy(&ours.1));
    }
    if ours.2 != expected.2 {
        report += &format!("stderr differs:\n{}\n", String::from_utf8_lossy(&ours.2));
    }
    (!report.is_empty()).then_some(report)
}

/// Run `python3 PYC ARGS` as the source would be run, and return the exit
/// status and the output with the .pyc's paths read as the source's.
fn run_pyc(
    python: &Path,
    real_dir: &Path,
    pyc: &Path,
    name: &str,
    filename: &str,
    args: &[String],
) -> std::io::Result<(Option<i32>, Vec<u8>, Vec<u8>)> {
    // From the programs directory up to the root, then down to the .pyc.
    let ups = real_dir.components().count().saturating_sub(1);
    let pyc_str = pyc.to_string_lossy().into_owned();
    let relative_pyc = format!("{}{}", "../".repeat(ups), pyc_str.trim_start_matches('/'));
    let mut cmd = Command::new(python);
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    let out = cmd
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONUTF8", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(real_dir)
        .arg(&relative_pyc)
        .args(args)
        .stdin(Stdio::null())
        .output()?;
    let dir = real_dir.to_string_lossy().into_owned().into_bytes();
    let clean = |b: &[u8]| {
        let b = replace_all(b, relative_pyc.as_bytes(), format!("{name}.py").as_bytes());
        let b = replace_all(&b, pyc_str.as_bytes(), filename.as_bytes());
        replace_all(&b, &dir, PLACEHOLDER)
    };
    Ok((out.status.code(), clean(&out.stdout), clean(&out.stderr)))
}

#[test]
fn cpython_runs_pyrs_pyc_of_every_program() {
    let Some(python) = python_executable() else {
        eprintln!("python3 not found: skipped");
        return;
    };
    let dir = programs_dir();
    let real_dir = dir.canonicalize().unwrap_or(dir);
    let pyc_dir = std::env::temp_dir().join(format!("pyrs-programs-pyc-{}", std::process::id()));
    std::fs::create_dir_all(pyc_dir.join("cpython")).expect("temp dir");
    let mut names: Vec<String> = std::fs::read_dir(&real_dir)
        .expect("tests/programs")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for name in &names {
        if let Some(report) = check(name, &python, &real_dir, &pyc_dir) {
            eprintln!("---- {name} ----\n{report}");
            failures.push(name.clone());
        }
    }
    let _ = std::fs::remove_dir_all(&pyc_dir);
    eprintln!(
        "{} of {} programs ran as pyrs .pyc in CPython",
        names.len() - failures.len(),
        names.len()
    );
    assert!(!names.is_empty(), "no programs found");
    assert!(
        failures.is_empty(),
        "programs whose pyrs .pyc misbehaved: {failures:?}"
    );
}
