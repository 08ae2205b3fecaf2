//! `compare_tree`: compiles a tree of .py files with pyrs (in process) and with
//! CPython 3.11 (one `python3` process for the whole tree), compares every code
//! object field by field, groups the differences by cause, and checks that
//! CPython loads the marshalled result of every file (one more `python3`).
//! Issue 3, point 7. There is no CPython counterpart; the CPython half is
//! `cpython_side.py`, embedded here.
//!
//! Usage: compare_tree [--causes N] [--examples N] [--keep DIR] [--exclude NAME]...
//!        [--list-failures] [--show] [--optimize N] [ROOT...]
//! `--optimize N` compiles both sides at optimization level N (`-O` is 1,
//! `-OO` 2). `--show` also prints a `dis` diff of every differing code object (for a few
//! files at a time).
//! Without ROOT it compares CPython's installed standard library, leaving out the
//! folders test, tests, idlelib, turtledemo and site-packages.

mod diff;

use diff::Tally;
use pyrs_bytecode::marshal;
use pyrs_compiler::{compile_bytes, CompileOptions, Mode};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const CPYTHON_SIDE: &str = include_str!("cpython_side.py");
const DEFAULT_EXCLUDES: &[&str] = &["test", "tests", "idlelib", "turtledemo", "site-packages"];

struct Options {
    roots: Vec<PathBuf>,
    excludes: Vec<String>,
    causes: usize,
    examples: usize,
    keep: Option<PathBuf>,
    list_failures: bool,
    show: bool,
    optimize: u8,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        roots: Vec::new(),
        excludes: DEFAULT_EXCLUDES.iter().map(|s| s.to_string()).collect(),
        causes: 40,
        examples: 2,
        keep: None,
        list_failures: false,
        show: false,
        optimize: 0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--causes" => o.causes = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            "--examples" => o.examples = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            "--keep" => o.keep = Some(PathBuf::from(value(&a)?)),
            "--exclude" => o.excludes.push(value(&a)?),
            "--list-failures" => o.list_failures = true,
            "--show" => o.show = true,
            "--optimize" => o.optimize = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ => o.roots.push(PathBuf::from(a)),
        }
    }
    if o.roots.is_empty() {
        let out = Command::new("python3")
            .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
            .output()
            .map_err(|e| format!("python3: {e}"))?;
        o.roots
            .push(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    }
    Ok(o)
}

fn walk(dir: &Path, excludes: &[String], out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if p.is_dir() {
            if !excludes.contains(&name) && name != "__pycache__" {
                walk(&p, excludes, out);
            }
        } else if name.ends_with(".py") {
            out.push(p);
        }
    }
}

/// Runs `cpython_side.py MODE MANIFEST` in one python3 process.
fn run_cpython(
    work: &Path,
    mode: &str,
    manifest: &str,
    extra: &[String],
) -> Result<String, String> {
    let script = work.join("cpython_side.py");
    std::fs::write(&script, CPYTHON_SIDE).map_err(|e| e.to_string())?;
    let list = work.join(format!("{mode}.manifest"));
    std::fs::write(&list, manifest).map_err(|e| e.to_string())?;
    let out = Command::new("python3")
        .arg(&script)
        .arg(mode)
        .arg(&list)
        .args(extra)
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "python3 {mode} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).to_string())
}

/// Compiles one file with pyrs; a panic is reported as an error, not a crash.
fn pyrs_compile(path: &Path, optimize: u8) -> Result<pyrs_bytecode::CodeObject, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let fname = path.to_string_lossy().to_string();
    let options = CompileOptions {
        optimize,
        ..CompileOptions::default()
    };
    let result = std::panic::catch_unwind(|| compile_bytes(&bytes, &fname, Mode::Exec, &options));
    match result {
        Ok(Ok(co)) => Ok(co),
        Ok(Err(e)) => Err(format!("{}: {} (line {})", kind_name(&e), e.msg, e.lineno)),
        Err(p) => Err(format!(
            "panic: {}",
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
    }
}

fn kind_name(e: &pyrs_compiler::SyntaxErrorInfo) -> &'static str {
    match e.kind {
        pyrs_compiler::SyntaxErrorKind::SyntaxError => "SyntaxError",
        pyrs_compiler::SyntaxErrorKind::IndentationError => "IndentationError",
        pyrs_compiler::SyntaxErrorKind::TabError => "TabError",
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn run(o: Options) -> Result<bool, String> {
    let mut files = Vec::new();
    for r in &o.roots {
        walk(r, &o.excludes, &mut files);
    }
    let work = match &o.keep {
        Some(d) => d.clone(),
        None => std::env::temp_dir().join(format!("pyrs-compare-{}", std::process::id())),
    };
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let blob = |i: usize, side: &str| work.join(format!("{i}.{side}"));

    // CPython's side first: one process marshals every file.
    let t0 = std::time::Instant::now();
    let manifest: String = files
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}\t{}\n", p.display(), blob(i, "cpython").display()))
        .collect();
    run_cpython(&work, "compile", &manifest, &[o.optimize.to_string()])?;
    let t_cpython = t0.elapsed();

    // pyrs's side, in process.
    let t1 = std::time::Instant::now();
    let mut tally = Tally::default();
    let mut failures: Vec<(String, String)> = Vec::new();
    let mut cpython_failed = 0;
    // Files CPython refuses with a SyntaxError: pyrs's verdict on them.
    let mut rejected_alike = 0;
    let mut rejections: Vec<(String, String)> = Vec::new();
    let mut written = Vec::new();
    let prev_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for (i, path) in files.iter().enumerate() {
        let file = path.display().to_string();
        let theirs = match std::fs::read(blob(i, "cpython")) {
            Ok(data) => marshal::loads_code(&data).map_err(|e| e.to_string()),
            Err(_) => Err(std::fs::read_to_string(blob(i, "cpython.err")).unwrap_or_default()),
        };
        let theirs = match theirs {
            Ok(c) => c,
            Err(e) if e.starts_with("syntax\t") => {
                // CPython rejects the file: pyrs must too, with the same
                // exception, line and message.
                cpython_failed += 1;
                let want: Vec<&str> = e.splitn(4, '\t').collect();
                let want = format!("{}: {} (line {})", want[1], want[3], want[2]);
                match pyrs_compile(path, o.optimize) {
                    Ok(_) => rejections.push((file, format!("pyrs compiled it; CPython: {want}"))),
                    Err(got) if got == want => rejected_alike += 1,
                    Err(got) => rejections.push((file, format!("pyrs: {got}; CPython: {want}"))),
                }
                continue;
            }
            Err(e) => {
                // CPython itself does not compile it (or we cannot read its
                // result): nothing to compare against.
                cpython_failed += 1;
                eprintln!("note: CPython side failed for {file}: {e}");
                continue;
            }
        };
        match pyrs_compile(path, o.optimize) {
            Ok(ours) => {
                let out = blob(i, "pyrs");
                std::fs::write(&out, marshal::dumps_code(&ours)).map_err(|e| e.to_string())?;
                written.push(out);
                tally.compare(&file, &ours, &theirs, 0);
            }
            Err(e) => {
                let cause = format!("pyrs failed: {e}");
                tally.count_missing(&file, &theirs, 0, "file failed to compile in pyrs");
                failures.push((file, cause));
            }
        }
    }
    std::panic::set_hook(prev_hook);
    let t_pyrs = t1.elapsed();

    // CPython loads what pyrs wrote.
    let manifest: String = written
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    let load_report = run_cpython(&work, "load", &manifest, &[])?;
    let load_failures: Vec<&str> = load_report
        .lines()
        .filter(|l| l.starts_with("FAIL"))
        .collect();

    if o.show {
        let manifest: String = written
            .iter()
            .map(|p| {
                format!(
                    "{}\t{}\n",
                    p.display(),
                    p.with_extension("cpython").display()
                )
            })
            .collect();
        print!("{}", run_cpython(&work, "show", &manifest, &[])?);
    }
    if o.keep.is_none() {
        let _ = std::fs::remove_dir_all(&work);
    }

    // The report.
    println!("== differences by cause (pyrs vs cpython), biggest first");
    for (cause, ds) in tally.by_cause().into_iter().take(o.causes) {
        println!("{:6}  {cause}", ds.len());
        for d in ds.iter().take(o.examples) {
            println!(
                "          {}:{} {}  {}",
                d.file, d.firstlineno, d.qualname, d.detail
            );
        }
    }
    println!("== differing code objects by field");
    for (f, n) in tally.by_field() {
        println!("{n:6}  {f}");
    }
    if !failures.is_empty() {
        println!("== files pyrs failed to compile");
        let mut by_msg: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
        for (f, e) in &failures {
            let key = e.split(" (line").next().unwrap_or(e).to_string();
            by_msg.entry(key).or_default().push(f);
        }
        let mut v: Vec<_> = by_msg.into_iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1.len()));
        for (msg, fs) in &v {
            println!("{:6}  {msg}", fs.len());
            let n = if o.list_failures {
                fs.len()
            } else {
                o.examples
            };
            for f in fs.iter().take(n) {
                println!("          {f}");
            }
        }
    }
    if !load_failures.is_empty() {
        println!("== pyrs results CPython could not load");
        for l in &load_failures {
            println!("  {l}");
        }
    }
    if !rejections.is_empty() {
        println!("== files CPython rejects that pyrs does not reject alike");
        for (f, why) in &rejections {
            println!("  {f}: {why}");
        }
    }
    println!("== summary");
    let compared = files.len() - cpython_failed;
    println!(
        "files: {} compiled by pyrs, {} failed, {} skipped (CPython failed); {} loaded by CPython, {} rejected",
        compared - failures.len(),
        failures.len(),
        cpython_failed,
        written.len() - load_failures.len(),
        load_failures.len()
    );
    if rejected_alike + rejections.len() > 0 {
        println!(
            "SyntaxError files: {} of {} rejected by pyrs with CPython's exception, line and message",
            rejected_alike,
            rejected_alike + rejections.len()
        );
    }
    let (mut same, mut total) = (0, 0);
    for (depth, (s, t)) in tally.per_depth.iter().enumerate() {
        println!(
            "depth {depth}: {s} / {t} code objects identical ({:.2}%)",
            pct(*s, *t)
        );
        same += s;
        total += t;
    }
    println!(
        "code objects identical: {same} / {total} ({:.2}%)",
        pct(same, total)
    );
    println!(
        "time: CPython {:.1}s, pyrs {:.1}s",
        t_cpython.as_secs_f64(),
        t_pyrs.as_secs_f64()
    );
    Ok(failures.is_empty() && load_failures.is_empty())
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("usage: compare_tree [--causes N] [--examples N] [--keep DIR] [--exclude NAME]... [--list-failures] [--show] [--optimize N] [ROOT...]");
            return ExitCode::from(2);
        }
    };
    // Deeply nested sources recurse deeply in the compiler: give it room.
    let worker = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || run(o));
    match worker.map(|h| h.join()) {
        Ok(Ok(Ok(true))) => ExitCode::SUCCESS,
        Ok(Ok(Ok(false))) => ExitCode::from(1),
        Ok(Ok(Err(e))) => {
            eprintln!("compare_tree: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::from(3),
    }
}
