//! The compiler's conformance check against CPython 3.11 (`python3` on PATH):
//! every snippet of tests/corpus/ is compiled by pyrs and by CPython, and every
//! code object (recursively) is compared field by field. A second check rebuilds
//! pyrs's code object inside CPython (`types.CodeType`) and runs it, comparing
//! its output with CPython running the source.
//!
//! Files listed in tests/corpus/KNOWN_DIFFERENCES (name, then the cause) may
//! differ; every other file must be byte-identical.

use pyrs_bytecode::{CodeObject, Const};
use pyrs_compiler::{compile, CompileOptions, Mode};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn crepr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Ellipsis => "...".into(),
        Const::StopIteration => "StopIteration".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => format!("i:{i}"),
        Const::Float(f) => format!("f:{:016x}", f.to_bits()),
        Const::Complex { real, imag } => format!(
            "c:{},{}",
            crepr(&Const::Float(*real)),
            crepr(&Const::Float(*imag))
        ),
        Const::Str(s) => format!("s:{}", hex(s.as_bytes())),
        Const::Bytes(b) => format!("b:{}", hex(b)),
        Const::Tuple(t) => format!("({})", t.iter().map(crepr).collect::<Vec<_>>().join(",")),
        Const::FrozenSet(t) => {
            let mut v: Vec<String> = t.iter().map(crepr).collect();
            v.sort();
            format!("fs{{{}}}", v.join(","))
        }
        Const::Code(co) => format!("code:{}", co.co_qualname),
    }
}

fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        let _ = write!(s, "{x:02x}");
    }
    s
}

fn dump(co: &CodeObject, out: &mut Vec<String>) {
    let join = |v: Vec<std::rc::Rc<str>>| {
        v.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    out.push(format!("== {}", co.co_qualname));
    out.push(format!("co_code {}", hex(&co.co_code)));
    out.push(format!(
        "co_consts {}",
        co.co_consts.iter().map(crepr).collect::<Vec<_>>().join(" ")
    ));
    out.push(format!("co_names {}", join(co.co_names.clone())));
    let mut lp = co.co_varnames();
    lp.extend(co.co_cellvars());
    lp.extend(co.co_freevars());
    out.push(format!("co_localsplusnames {}", join(lp)));
    out.push(format!(
        "co_argcounts {} {} {}",
        co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount
    ));
    out.push(format!("co_stacksize {}", co.co_stacksize));
    out.push(format!("co_flags {}", co.co_flags));
    out.push(format!("co_firstlineno {}", co.co_firstlineno));
    out.push(format!("co_qualname {}", co.co_qualname));
    out.push(format!("co_linetable {}", hex(&co.co_linetable)));
    out.push(format!("co_exceptiontable {}", hex(&co.co_exceptiontable)));
    for c in &co.co_consts {
        if let Const::Code(inner) = c {
            dump(inner, out);
        }
    }
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn json_const(c: &Const) -> String {
    match c {
        Const::None | Const::StopIteration => r#"{"t":"none"}"#.into(),
        Const::Ellipsis => r#"{"t":"ellipsis"}"#.into(),
        Const::Bool(b) => format!(r#"{{"t":"bool","v":{b}}}"#),
        Const::Int(i) => format!(r#"{{"t":"int","v":"{i}"}}"#),
        Const::Float(f) => format!(r#"{{"t":"float","v":"{:x}"}}"#, f.to_bits()),
        Const::Complex { real, imag } => format!(
            r#"{{"t":"complex","re":{},"im":{}}}"#,
            json_const(&Const::Float(*real)),
            json_const(&Const::Float(*imag))
        ),
        Const::Str(s) => format!(r#"{{"t":"str","v":"{}"}}"#, hex(s.as_bytes())),
        Const::Bytes(b) => format!(r#"{{"t":"bytes","v":"{}"}}"#, hex(b)),
        Const::Tuple(t) => format!(
            r#"{{"t":"tuple","v":[{}]}}"#,
            t.iter().map(json_const).collect::<Vec<_>>().join(",")
        ),
        Const::FrozenSet(t) => format!(
            r#"{{"t":"frozenset","v":[{}]}}"#,
            t.iter().map(json_const).collect::<Vec<_>>().join(",")
        ),
        Const::Code(co) => format!(r#"{{"t":"code","v":{}}}"#, json_code(co)),
    }
}

fn json_names(v: &[std::rc::Rc<str>]) -> String {
    format!(
        "[{}]",
        v.iter().map(|s| json_str(s)).collect::<Vec<_>>().join(",")
    )
}

fn json_code(co: &CodeObject) -> String {
    format!(
        r#"{{"argcount":{},"posonlyargcount":{},"kwonlyargcount":{},"nlocals":{},"stacksize":{},"flags":{},"code":"{}","consts":[{}],"names":{},"varnames":{},"filename":{},"name":{},"qualname":{},"firstlineno":{},"linetable":"{}","exceptiontable":"{}","freevars":{},"cellvars":{}}}"#,
        co.co_argcount,
        co.co_posonlyargcount,
        co.co_kwonlyargcount,
        co.co_nlocals(),
        co.co_stacksize,
        co.co_flags,
        hex(&co.co_code),
        co.co_consts
            .iter()
            .map(json_const)
            .collect::<Vec<_>>()
            .join(","),
        json_names(&co.co_names),
        json_names(&co.co_varnames()),
        json_str(&co.co_filename),
        json_str(&co.co_name),
        json_str(&co.co_qualname),
        co.co_firstlineno,
        hex(&co.co_linetable),
        hex(&co.co_exceptiontable),
        json_names(&co.co_freevars()),
        json_names(&co.co_cellvars()),
    )
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn corpus_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join("corpus"))
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

fn known_differences() -> BTreeMap<String, String> {
    let text =
        std::fs::read_to_string(corpus_dir().join("corpus/KNOWN_DIFFERENCES")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (n, why) = l.split_once(' ').unwrap_or((l, ""));
            (n.to_string(), why.trim().to_string())
        })
        .collect()
}

fn python_dump(path: &Path) -> Option<Vec<String>> {
    let out = Command::new("python3")
        .arg(corpus_dir().join("dump_code.py"))
        .arg(path)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(String::from)
            .collect(),
    )
}

/// Compares one file; returns the differing fields ("qualname field").
fn compare_file(path: &Path) -> Result<Vec<String>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let fname = path.to_string_lossy().to_string();
    let co = compile(&src, &fname, Mode::Exec, &CompileOptions::default())
        .map_err(|e| format!("pyrs error: {} (line {})", e.msg, e.lineno))?;
    let mut ours = Vec::new();
    dump(&co, &mut ours);
    let theirs = python_dump(path).ok_or("python3 failed")?;
    let mut diffs = Vec::new();
    let mut qual = String::new();
    for i in 0..ours.len().max(theirs.len()) {
        let a = ours.get(i).map(String::as_str).unwrap_or("<missing>");
        let b = theirs.get(i).map(String::as_str).unwrap_or("<missing>");
        if let Some(q) = b.strip_prefix("== ") {
            qual = q.to_string();
        }
        if a != b {
            let field = b.split(' ').next().unwrap_or("");
            diffs.push(format!(
                "{qual} {field}\n      pyrs:    {a}\n      cpython: {b}"
            ));
            if a.starts_with("==") || b.starts_with("==") {
                diffs.push("(code object trees differ; stopping)".into());
                break;
            }
        }
    }
    Ok(diffs)
}

/// Runs pyrs's code object in CPython and the source in CPython; returns the
/// two outputs.
fn run_both(path: &Path) -> Result<(String, String), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let fname = path.to_string_lossy().to_string();
    let co =
        compile(&src, &fname, Mode::Exec, &CompileOptions::default()).map_err(|e| e.msg.clone())?;
    let json_path = std::env::temp_dir().join(format!(
        "pyrs_code_{}_{}.json",
        std::process::id(),
        path.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    ));
    std::fs::write(&json_path, json_code(&co)).map_err(|e| e.to_string())?;
    let ours = Command::new("python3")
        .arg(corpus_dir().join("run_code.py"))
        .arg(&json_path)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&json_path);
    let theirs = Command::new("python3")
        .arg(path)
        .output()
        .map_err(|e| e.to_string())?;
    let fmt = |o: std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            if o.status.success() {
                String::new()
            } else {
                format!("exit {:?}", o.status.code())
            }
        )
    };
    Ok((fmt(ours), fmt(theirs)))
}

fn python_available() -> bool {
    Command::new("python3").arg("--version").output().is_ok()
}

#[test]
fn corpus_is_byte_identical_to_cpython() {
    if !python_available() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let known = known_differences();
    let mut identical = 0;
    let mut failures = Vec::new();
    let files = corpus_files();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match compare_file(path) {
            Ok(d) if d.is_empty() => {
                identical += 1;
                if known.contains_key(&name) {
                    eprintln!("note: {name} is listed in KNOWN_DIFFERENCES but is identical now");
                }
            }
            Ok(d) => {
                eprintln!("DIFF {name} ({} fields)", d.len());
                for x in d.iter().take(6) {
                    eprintln!("   {x}");
                }
                if !known.contains_key(&name) {
                    failures.push(name);
                }
            }
            Err(e) => {
                eprintln!("ERROR {name}: {e}");
                if !known.contains_key(&name) {
                    failures.push(name);
                }
            }
        }
    }
    eprintln!(
        "byte-identical: {identical} of {} corpus files",
        files.len()
    );
    assert!(failures.is_empty(), "unexpected differences: {failures:?}");
}

#[test]
fn cpython_runs_what_pyrs_compiles() {
    if !python_available() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let mut failures = Vec::new();
    for path in corpus_files() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match run_both(&path) {
            Ok((ours, theirs)) if ours == theirs => {}
            Ok((ours, theirs)) => {
                eprintln!(
                    "RUN DIFF {name}\n--- pyrs code in CPython:\n{ours}\n--- CPython:\n{theirs}"
                );
                failures.push(name);
            }
            Err(e) => {
                eprintln!("RUN ERROR {name}: {e}");
                failures.push(name);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "pyrs code behaved differently: {failures:?}"
    );
}

/// Debug aid: `PYRS_FILE=x.py cargo test -p pyrs_compiler --test cpython_compare
/// dis_diff -- --ignored --nocapture` prints `dis` of pyrs's and CPython's code.
#[test]
#[ignore]
fn dis_diff() {
    let Ok(file) = std::env::var("PYRS_FILE") else {
        return;
    };
    let path = PathBuf::from(&file);
    let src = std::fs::read_to_string(&path).expect("PYRS_FILE readable");
    let co = compile(&src, &file, Mode::Exec, &CompileOptions::default()).expect("compiles");
    let json_path = std::env::temp_dir().join("pyrs_dis_diff.json");
    std::fs::write(&json_path, json_code(&co)).expect("write json");
    let out = Command::new("python3")
        .arg(corpus_dir().join("dis_diff.py"))
        .arg(&json_path)
        .arg(&path)
        .output()
        .expect("python3");
    println!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
