//! The program runner: runs every tests/programs/*.py under the binary being
//! tested, exactly as tests/regen_expected.py ran it under CPython (same cwd,
//! relative file name, `# args:` arguments, environment, empty stdin), and
//! compares stdout, stderr and the exit status byte for byte with the expected
//! files that script wrote; then the command-line acceptance checks of
//! support/cli_checks.rs. A plain `harness = false` main, so that each case is
//! its own line in the report without a proc macro; the last line is always
//! `N passed, N failed`, which is what CI reads.
//!
//! Each program also runs from the .pyc that CPython writes for it
//! (`pyc::NAME`): pyrs must then do exactly what `python3 NAME.pyc` does,
//! which is checked live, since argv[0] and `__file__` name the .pyc.
//!
//! `cargo test -p pyrs --test programs -- NAME...` runs only the cases whose
//! name (`programs::NAME`, `pyc::NAME` or `cli::NAME`) contains one of the NAMEs.

mod support;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Per-program limit; CPython runs every program here in well under a second.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The stand-in for the absolute tests/programs path in expected files.
const PLACEHOLDER: &[u8] = b"{PROGRAMS}";
/// At most this many diff lines per stream, so one broken program cannot
/// bury the others in the report.
const MAX_DIFF_LINES: usize = 60;

struct Program {
    name: String,
    args: Vec<String>,
    expected_stdout: Vec<u8>,
    expected_stderr: Vec<u8>,
    expected_code: i32,
}

/// One line of the report.
enum Case {
    Program(Program),
    /// A program run from CPython's .pyc of it, in this directory.
    Pyc(String, Vec<String>, std::path::PathBuf),
    Cli(&'static str, fn() -> support::cli_checks::Check),
}

impl Case {
    fn name(&self) -> String {
        match self {
            Case::Program(p) => format!("programs::{}", p.name),
            Case::Pyc(name, _, _) => format!("pyc::{name}"),
            Case::Cli(name, _) => format!("cli::{name}"),
        }
    }

    /// `None` on success, else the failure report.
    fn run(&self, real_dir: &Path) -> Option<String> {
        match self {
            Case::Program(p) => check_program(p, real_dir),
            Case::Pyc(name, args, pyc_dir) => check_pyc(name, args, pyc_dir, real_dir),
            Case::Cli(_, check) => check().err(),
        }
    }
}

/// Programs run with PYTHONDONTWRITEBYTECODE, as CPython ran them; without
/// the .pyc caches of the modules `site` imports at start-up (CPython has
/// its own from installation) every program would compile them again. One
/// start-up with writing allowed makes them, as a first real run would.
fn warm_startup_caches() {
    let mut cmd = support::python_command();
    cmd.env_remove("PYTHONDONTWRITEBYTECODE")
        .args(["-c", "pass"]);
    let _ = support::run_with_timeout(&mut cmd, None, TIMEOUT);
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let list_only = std::env::args().any(|a| a == "--list");
    let dir = support::programs_dir();
    let programs = match load_programs(&dir) {
        Ok(p) => p,
        Err(e) => {
            println!("cannot load programs from {}: {e}", dir.display());
            println!("0 passed, 1 failed");
            std::process::exit(1);
        }
    };
    let pyc_dir = std::env::temp_dir().join(format!("pyrs-pyc-programs-{}", std::process::id()));
    let pyc_cases: Vec<Case> = programs
        .iter()
        .map(|p| Case::Pyc(p.name.clone(), p.args.clone(), pyc_dir.clone()))
        .collect();
    let cases: Vec<Case> = programs
        .into_iter()
        .map(Case::Program)
        .chain(pyc_cases)
        .chain(
            support::cli_checks::CHECKS
                .iter()
                .map(|&(name, check)| Case::Cli(name, check)),
        )
        .filter(|c| filters.is_empty() || filters.iter().any(|f| c.name().contains(f.as_str())))
        .collect();
    if list_only {
        for c in &cases {
            println!("{}: test", c.name());
        }
        return;
    }
    // getcwd() in the child is the resolved directory; canonicalize likewise
    // so that absolute paths in tracebacks can be swapped for the placeholder.
    let real_dir = dir.canonicalize().unwrap_or(dir.clone());
    println!(
        "running {} cases with {}",
        cases.len(),
        support::binary_under_test().display()
    );

    if cases.iter().any(|c| matches!(c, Case::Pyc(..))) {
        if let Err(e) = compile_with_cpython(&cases, &real_dir, &pyc_dir) {
            println!("cannot compile the programs with CPython: {e}");
            println!("0 passed, 1 failed");
            std::process::exit(1);
        }
    }
    warm_startup_caches();
    let results = run_all(&cases, &real_dir);
    let _ = std::fs::remove_dir_all(&pyc_dir);
    let mut failures = Vec::new();
    for (case, failure) in cases.iter().zip(&results) {
        match failure {
            None => println!("test {} ... ok", case.name()),
            Some(report) => {
                println!("test {} ... FAILED", case.name());
                failures.push((case.name(), report));
            }
        }
    }
    for (name, report) in &failures {
        println!("\n---- {name} ----\n{report}");
    }
    let failed = failures.len();
    let passed = cases.len() - failed;
    if failed > 0 {
        println!("\n{failed} of {} cases failed:", cases.len());
        for (name, _) in &failures {
            println!("    {name}");
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}

/// Every NAME.py in `dir` with its expected output; a missing expected file
/// means empty output / status 0.
fn load_programs(dir: &Path) -> std::io::Result<Vec<Program>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    let read = |name: &str, ext: &str| -> std::io::Result<Vec<u8>> {
        match std::fs::read(dir.join(format!("{name}.{ext}"))) {
            Ok(bytes) => Ok(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    };
    let mut programs = Vec::new();
    for name in names {
        let source = std::fs::read_to_string(dir.join(format!("{name}.py")))?;
        let code_text = String::from_utf8_lossy(&read(&name, "exitcode")?).into_owned();
        let expected_code = if code_text.trim().is_empty() {
            0
        } else {
            code_text.trim().parse().map_err(|_| {
                std::io::Error::other(format!("{name}.exitcode: not a number: {code_text:?}"))
            })?
        };
        programs.push(Program {
            args: program_args(&source),
            expected_stdout: read(&name, "stdout")?,
            expected_stderr: read(&name, "stderr")?,
            expected_code,
            name,
        });
    }
    Ok(programs)
}

/// Arguments from a `# args: a b c` comment in the first five lines, split on
/// whitespace exactly as regen_expected.py splits them.
fn program_args(source: &str) -> Vec<String> {
    source
        .lines()
        .take(5)
        .map(str::trim)
        .find_map(|l| l.strip_prefix("# args:"))
        .map(|rest| rest.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Run the cases on two threads (the machines have two cores); the result
/// for each is `None` on success or a failure report.
fn run_all(cases: &[Case], real_dir: &Path) -> Vec<Option<String>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<String>>> = Mutex::new(vec![None; cases.len()]);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(case) = cases.get(i) else {
                    break;
                };
                let report = case.run(real_dir);
                if let Ok(mut r) = results.lock() {
                    r[i] = report;
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

fn check_program(program: &Program, real_dir: &Path) -> Option<String> {
    let mut cmd = support::python_command();
    cmd.current_dir(real_dir)
        .arg(format!("{}.py", program.name))
        .args(&program.args);
    let outcome = match support::run_with_timeout(&mut cmd, None, TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(format!("could not run the binary: {e}")),
    };
    let dir_bytes = real_dir.to_string_lossy().into_owned().into_bytes();
    let stdout = replace_all(&outcome.stdout, &dir_bytes, PLACEHOLDER);
    let stderr = replace_all(&outcome.stderr, &dir_bytes, PLACEHOLDER);

    let mut report = String::new();
    if outcome.timed_out || outcome.code != Some(program.expected_code) {
        report.push_str(&format!(
            "exit status: expected {}, got {}\n",
            program.expected_code,
            outcome.ending()
        ));
    }
    if stdout != program.expected_stdout {
        report.push_str("stdout differs (- expected, + actual):\n");
        report.push_str(&diff(&program.expected_stdout, &stdout));
    }
    if stderr != program.expected_stderr {
        report.push_str("stderr differs (- expected, + actual):\n");
        report.push_str(&diff(&program.expected_stderr, &stderr));
    }
    if report.is_empty() {
        None
    } else {
        Some(report)
    }
}

/// Have CPython write NAME.pyc for every pyc case, in one process. The code
/// objects name the absolute source path, as when CPython runs the source,
/// so tracebacks show the same file and source lines.
fn compile_with_cpython(cases: &[Case], real_dir: &Path, pyc_dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(pyc_dir).map_err(|e| e.to_string())?;
    let names: Vec<&str> = cases
        .iter()
        .filter_map(|c| match c {
            Case::Pyc(name, _, _) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let script = "import py_compile, sys, os\n\
        src, dst = sys.argv[1], sys.argv[2]\n\
        for n in sys.argv[3:]:\n\
        \x20   py_compile.compile(os.path.join(src, n + '.py'), cfile=os.path.join(dst, n + '.pyc'), doraise=True)\n";
    let out = support::cpython_command()
        .arg("-c")
        .arg(script)
        .arg(real_dir)
        .arg(pyc_dir)
        .args(&names)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(())
}

/// Run NAME.pyc under pyrs and under CPython and compare everything.
fn check_pyc(name: &str, args: &[String], pyc_dir: &Path, real_dir: &Path) -> Option<String> {
    let pyc = pyc_dir.join(format!("{name}.pyc"));
    let run = |mut cmd: std::process::Command| {
        cmd.current_dir(real_dir).arg(&pyc).args(args);
        support::run_with_timeout(&mut cmd, None, TIMEOUT)
    };
    let expected = match run(support::cpython_command()) {
        Ok(o) => o,
        Err(e) => return Some(format!("could not run CPython: {e}")),
    };
    let actual = match run(support::python_command()) {
        Ok(o) => o,
        Err(e) => return Some(format!("could not run the binary: {e}")),
    };
    let mut report = String::new();
    if actual.timed_out || actual.code != expected.code {
        report.push_str(&format!(
            "exit status: expected {}, got {}\n",
            expected.ending(),
            actual.ending()
        ));
    }
    if actual.stdout != expected.stdout {
        report.push_str("stdout differs (- CPython, + actual):\n");
        report.push_str(&diff(&expected.stdout, &actual.stdout));
    }
    if actual.stderr != expected.stderr {
        report.push_str("stderr differs (- CPython, + actual):\n");
        report.push_str(&diff(&expected.stderr, &actual.stderr));
    }
    if report.is_empty() {
        None
    } else {
        Some(report)
    }
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

/// A line diff from the longest common subsequence, with two lines of
/// context around changes. Lines are shown with `{:?}`-style escapes only
/// when they hold invisible differences (trailing spaces, `\r`, bad UTF-8).
fn diff(expected: &[u8], actual: &[u8]) -> String {
    let a: Vec<&[u8]> = split_lines(expected);
    let b: Vec<&[u8]> = split_lines(actual);
    // lcs[i][j] = length of the LCS of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &[u8])> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    let near_change = |k: usize| {
        let lo = k.saturating_sub(2);
        let hi = (k + 3).min(ops.len());
        ops[lo..hi].iter().any(|(op, _)| *op != ' ')
    };
    let mut out = String::new();
    let mut shown = 0;
    let mut skipped = false;
    for (k, (op, line)) in ops.iter().enumerate() {
        if !near_change(k) {
            skipped = true;
            continue;
        }
        if skipped {
            out.push_str("  ...\n");
            skipped = false;
        }
        if shown == MAX_DIFF_LINES {
            out.push_str("  ... (diff truncated)\n");
            break;
        }
        out.push_str(&format!("{op} {}\n", show_line(line)));
        shown += 1;
    }
    out
}

/// Lines including their terminator, so that a missing final newline shows.
fn split_lines(text: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            lines.push(&text[start..=i]);
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

fn show_line(line: &[u8]) -> String {
    let (body, newline) = match line.strip_suffix(b"\n") {
        Some(body) => (body, true),
        None => (line, false),
    };
    let text = match std::str::from_utf8(body) {
        Ok(s) if !s.ends_with(' ') && !s.contains('\r') && !s.contains('\t') => s.to_string(),
        _ => format!("{:?}", String::from_utf8_lossy(body)),
    };
    if newline {
        text
    } else {
        format!("{text}  (no newline at end)")
    }
}
