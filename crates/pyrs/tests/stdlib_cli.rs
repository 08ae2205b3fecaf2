//! Standard-library entry points run with `-m`, compared live with CPython
//! running the same command: `-m unittest` on a test file (issue 5) and
//! `-m dis` on a source file (issue 3). Only what differs by nature is
//! normalised: elapsed times and object addresses.

use std::path::Path;
use std::process::Command;

fn run(program: &str, dir: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    let out = cmd.output().expect("run");
    let norm = |b: &[u8]| normalise(&String::from_utf8_lossy(b));
    (norm(&out.stdout), norm(&out.stderr), out.status.code())
}

/// "in 0.003s" -> "in Xs"; "0x7f..." -> "0xADDR".
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        let hex = rest[i + 2..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len() - i - 2);
        out.push_str("0xADDR");
        rest = &rest[i + 2 + hex..];
    }
    out.push_str(rest);
    out.lines()
        .map(|l| match (l.find(" tests in "), l.starts_with("Ran ")) {
            (Some(i), true) => format!("{} tests in Xs", &l[..i]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pyrs-stdlib-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn same_as_cpython(dir: &Path, args: &[&str]) {
    let ours = run(env!("CARGO_BIN_EXE_pyrs"), dir, args);
    let theirs = run("python3", dir, args);
    assert_eq!(ours, theirs, "pyrs {args:?} differs from python3");
}

#[test]
fn unittest_runs_a_test_file() {
    let d = temp_dir("unittest");
    std::fs::write(
        d.join("test_sample.py"),
        "import unittest\n\
         class T(unittest.TestCase):\n\
         \x20   def test_ok(self):\n\
         \x20       self.assertEqual(sorted([3, 1, 2]), [1, 2, 3])\n\
         \x20   def test_raises(self):\n\
         \x20       with self.assertRaises(ZeroDivisionError):\n\
         \x20           1 / 0\n\
         \x20   def test_fails(self):\n\
         \x20       self.assertIn(3, [1, 2])\n\
         \x20   @unittest.skip('not today')\n\
         \x20   def test_skipped(self):\n\
         \x20       pass\n",
    )
    .expect("write");
    same_as_cpython(&d, &["-m", "unittest", "test_sample"]);
    same_as_cpython(&d, &["-m", "unittest", "-v", "test_sample"]);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn dis_shows_a_file_as_cpython_does() {
    let d = temp_dir("dis");
    std::fs::write(
        d.join("sample.py"),
        "def f(a, b=2, *args, **kw):\n    return [x * b for x in args if x] or a\n\
         class C:\n    def m(self):\n        try:\n            return self.x\n        except AttributeError:\n            return None\n",
    )
    .expect("write");
    same_as_cpython(&d, &["-m", "dis", "sample.py"]);
    let _ = std::fs::remove_dir_all(&d);
}
