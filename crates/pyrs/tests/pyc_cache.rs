//! The .pyc cache and imports as a user sees them (issue 5): each test builds
//! a small tree of modules in a temporary folder, runs pyrs on it, and checks
//! the files the cache leaves and the output the program prints. Where the
//! expected value is CPython's own (its magic number, its py_compile output,
//! its `python3 x.pyc` behaviour), python3 produces it in the test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pyrs() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrs"));
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    cmd
}

fn python3() -> Command {
    let mut cmd = Command::new("python3");
    cmd.env_remove("PYTHONDONTWRITEBYTECODE");
    cmd
}

/// A fresh temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("pyrs-pyc-{}-{}", name, std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
        p
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_in(dir: &Path, cmd: &mut Command) -> Output {
    cmd.current_dir(dir).output().expect("run")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// CPython's magic number for 3.11, asked of CPython itself.
fn cpython_magic() -> Vec<u8> {
    let o = python3()
        .args([
            "-c",
            "import importlib.util,sys; sys.stdout.buffer.write(importlib.util.MAGIC_NUMBER)",
        ])
        .output()
        .expect("python3");
    o.stdout
}

#[test]
fn importing_writes_the_cache_with_cpythons_header_and_uses_it() {
    let t = TempDir::new("header");
    t.write("pkg/__init__.py", "from .mod import VALUE\n");
    let src = t.write("pkg/mod.py", "VALUE = 42\n");
    let out = stdout(&run_in(
        &t.0,
        pyrs().args(["-c", "import pkg; print(pkg.VALUE)"]),
    ));
    assert_eq!(out, "42\n");
    let cache = t.path("pkg/__pycache__/mod.pyrs-311.pyc");
    let data = std::fs::read(&cache).expect("the cache file is named NAME.pyrs-311.pyc");
    assert_eq!(&data[..4], &cpython_magic()[..]);
    assert_eq!(&data[4..8], &[0, 0, 0, 0], "timestamp-based pyc flags");
    let meta = std::fs::metadata(&src).expect("stat");
    let mtime = meta
        .modified()
        .expect("mtime")
        .duration_since(std::time::UNIX_EPOCH)
        .expect("epoch")
        .as_secs() as u32;
    assert_eq!(&data[8..12], &mtime.to_le_bytes());
    assert_eq!(&data[12..16], &(meta.len() as u32).to_le_bytes());
    assert!(t.path("pkg/__pycache__/__init__.pyrs-311.pyc").is_file());

    // A cache whose header matches the source is what runs: replace its code
    // with other code (compiled by CPython) and keep the header.
    let other = python3().args(["-c", "import marshal,sys; sys.stdout.buffer.write(marshal.dumps(compile('VALUE = \"from the cache\"', 'mod.py', 'exec')))"]).output().expect("python3").stdout;
    let mut forged = data[..16].to_vec();
    forged.extend_from_slice(&other);
    std::fs::write(&cache, &forged).expect("write");
    let out = stdout(&run_in(
        &t.0,
        pyrs().args(["-c", "import pkg; print(pkg.VALUE)"]),
    ));
    assert_eq!(out, "from the cache\n");
}

#[test]
fn stale_and_corrupt_caches_are_recompiled_and_rewritten() {
    let t = TempDir::new("stale");
    t.write("m.py", "X = 1\n");
    assert_eq!(
        stdout(&run_in(&t.0, pyrs().args(["-c", "import m; print(m.X)"]))),
        "1\n"
    );
    let cache = t.path("__pycache__/m.pyrs-311.pyc");
    let first = std::fs::read(&cache).expect("cache");
    // A different size makes the cache stale.
    t.write("m.py", "X = 22222\n");
    assert_eq!(
        stdout(&run_in(&t.0, pyrs().args(["-c", "import m; print(m.X)"]))),
        "22222\n"
    );
    let second = std::fs::read(&cache).expect("cache");
    assert_ne!(first, second, "the stale cache was rewritten");
    for corrupt in [&b"garbage"[..], &second[..10], &second[..20]] {
        std::fs::write(&cache, corrupt).expect("write");
        assert_eq!(
            stdout(&run_in(&t.0, pyrs().args(["-c", "import m; print(m.X)"]))),
            "22222\n"
        );
        assert_eq!(
            std::fs::read(&cache).expect("cache"),
            second,
            "the corrupt cache was rewritten"
        );
    }
}

#[test]
fn dont_write_bytecode_by_flag_environment_and_sys() {
    let t = TempDir::new("nowrite");
    t.write("m.py", "X = 1\n");
    stdout(&run_in(&t.0, pyrs().args(["-B", "-c", "import m"])));
    assert!(!t.path("__pycache__").exists(), "-B writes no cache");
    stdout(&run_in(
        &t.0,
        pyrs()
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .args(["-c", "import m"]),
    ));
    assert!(
        !t.path("__pycache__").exists(),
        "PYTHONDONTWRITEBYTECODE writes no cache"
    );
    stdout(&run_in(
        &t.0,
        pyrs().args(["-c", "import sys; sys.dont_write_bytecode = True; import m"]),
    ));
    assert!(
        !t.path("__pycache__").exists(),
        "sys.dont_write_bytecode writes no cache"
    );
    stdout(&run_in(&t.0, pyrs().args(["-c", "import m"])));
    assert!(t.path("__pycache__/m.pyrs-311.pyc").exists());
}

#[test]
fn the_main_script_gets_no_cache_and_an_unwritable_folder_is_no_error() {
    let t = TempDir::new("main");
    t.write("main.py", "import m\nprint(m.X)\n");
    t.write("m.py", "X = 5\n");
    assert_eq!(stdout(&run_in(&t.0, pyrs().arg("main.py"))), "5\n");
    assert!(!t.path("__pycache__/main.pyrs-311.pyc").exists());
    assert!(t.path("__pycache__/m.pyrs-311.pyc").exists());
    // A file where __pycache__ should be makes the folder impossible to create.
    let t2 = TempDir::new("unwritable");
    t2.write("m.py", "X = 6\n");
    t2.write("__pycache__", "not a folder");
    assert_eq!(
        stdout(&run_in(&t2.0, pyrs().args(["-c", "import m; print(m.X)"]))),
        "6\n"
    );
}

#[test]
fn pycache_prefix_moves_the_cache() {
    let t = TempDir::new("prefix");
    t.write("m.py", "X = 1\n");
    let prefix = t.path("cache-root");
    stdout(&run_in(
        &t.0,
        pyrs()
            .env("PYTHONPYCACHEPREFIX", &prefix)
            .args(["-c", "import m"]),
    ));
    assert!(!t.path("__pycache__").exists());
    let expected = prefix
        .join(t.0.strip_prefix("/").expect("absolute"))
        .join("m.pyrs-311.pyc");
    assert!(expected.is_file(), "expected {}", expected.display());
}

#[test]
fn cpython_written_pycs_import_sourceless_and_run_as_files() {
    let t = TempDir::new("sourceless");
    t.write(
        "slmod.py",
        "def f():\n    return 'sourceless ' + __name__\n",
    );
    let o = run_in(
        &t.0,
        python3().args([
            "-c",
            "import py_compile; py_compile.compile('slmod.py', cfile='slmod.pyc')",
        ]),
    );
    assert!(o.status.success());
    std::fs::remove_file(t.path("slmod.py")).expect("rm");
    assert_eq!(
        stdout(&run_in(
            &t.0,
            pyrs().args(["-c", "import slmod; print(slmod.f())"])
        )),
        "sourceless slmod\n"
    );
    t.write(
        "prog.py",
        "import sys\nprint('run from', sys.argv[0], 6 * 7)\n",
    );
    assert!(run_in(
        &t.0,
        python3().args([
            "-c",
            "import py_compile; py_compile.compile('prog.py', cfile='prog.pyc')"
        ])
    )
    .status
    .success());
    let expected = stdout(&run_in(&t.0, python3().arg("prog.pyc")));
    assert_eq!(stdout(&run_in(&t.0, pyrs().arg("prog.pyc"))), expected);
}

#[test]
fn checked_hash_pycs_are_revalidated_and_unchecked_ones_trusted() {
    let t = TempDir::new("hash");
    t.write("h.py", "X = 'original'\n");
    let pyc = t.path("__pycache__/h.pyrs-311.pyc");
    std::fs::create_dir_all(pyc.parent().expect("parent")).expect("mkdir");
    for (mode, flags) in [("CHECKED_HASH", 3u8), ("UNCHECKED_HASH", 1u8)] {
        t.write("h.py", "X = 'original'\n");
        let script = format!("import py_compile; py_compile.compile('h.py', cfile={:?}, invalidation_mode=py_compile.PycInvalidationMode.{mode})", pyc.to_string_lossy());
        assert!(run_in(&t.0, python3().args(["-c", &script]))
            .status
            .success());
        assert_eq!(std::fs::read(&pyc).expect("pyc")[4], flags);
        // Same size, other content: a timestamp check would not notice.
        t.write("h.py", "X = 'modified'\n");
        let out = stdout(&run_in(&t.0, pyrs().args(["-c", "import h; print(h.X)"])));
        if mode == "CHECKED_HASH" {
            assert_eq!(
                out, "modified\n",
                "a checked hash pyc is revalidated against the source"
            );
            assert_eq!(
                std::fs::read(&pyc).expect("pyc")[4],
                3,
                "and rewritten hash-based"
            );
        } else {
            assert_eq!(out, "original\n", "an unchecked hash pyc is trusted");
        }
    }
}

#[test]
fn cpython_runs_the_pyc_pyrs_wrote_for_an_imported_module() {
    let t = TempDir::new("tocpython");
    t.write(
        "m.py",
        "def f(n):\n    return [i * i for i in range(n)]\nprint('imported', f(4))\n",
    );
    stdout(&run_in(&t.0, pyrs().args(["-c", "import m"])));
    let ours = t.path("__pycache__/m.pyrs-311.pyc");
    std::fs::copy(&ours, t.path("ours.pyc")).expect("copy");
    let expected = stdout(&run_in(&t.0, python3().arg("m.py")));
    assert_eq!(stdout(&run_in(&t.0, python3().arg("ours.pyc"))), expected);
}

#[test]
fn packages_relative_and_namespace_imports() {
    let t = TempDir::new("packages");
    t.write("pkg/__init__.py", "from . import a\nfrom .a import twice\n");
    t.write("pkg/a.py", "def twice(x):\n    return 2 * x\n");
    t.write("pkg/sub/__init__.py", "from ..a import twice as t2\n");
    t.write("nspkg/part/m.py", "X = 'namespace'\n");
    t.write("main.py", "import pkg.sub\nfrom nspkg.part import m\nimport nspkg\nprint(pkg.twice(2), pkg.sub.t2(5), m.X, list(nspkg.__path__)[0].endswith('nspkg'))\n");
    let expected = stdout(&run_in(
        &t.0,
        python3().env("PYTHONDONTWRITEBYTECODE", "1").arg("main.py"),
    ));
    assert_eq!(stdout(&run_in(&t.0, pyrs().arg("main.py"))), expected);
}

#[test]
fn dash_m_runs_a_module_or_a_packages_main_as_main() {
    let t = TempDir::new("dashm");
    t.write(
        "runme.py",
        "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('runme.py'))\n",
    );
    t.write("app/__init__.py", "print('init', __name__)\n");
    t.write(
        "app/__main__.py",
        "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('__main__.py'))\n",
    );
    for args in [&["-m", "runme", "a", "b"][..], &["-m", "app", "x"][..]] {
        let expected = stdout(&run_in(
            &t.0,
            python3().env("PYTHONDONTWRITEBYTECODE", "1").args(args),
        ));
        assert_eq!(stdout(&run_in(&t.0, pyrs().args(args))), expected);
    }
    let o = run_in(&t.0, pyrs().args(["-m", "nosuch"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).ends_with(": No module named nosuch\n"));
}

#[test]
fn importlib_reload_recompiles_and_rewrites_the_cache() {
    // reload goes through importlib's SourceFileLoader (Python code over
    // posix, _io, marshal and _imp); the cache it writes is the native
    // import's file, which CPython can load.
    let t = TempDir::new("reload");
    t.write("m.py", "X = 1\n");
    t.write(
        "main.py",
        "import importlib, m\n\
         print(m.X, m.__spec__.name, type(m.__loader__).__name__)\n\
         open('m.py', 'w').write(\"X = 'second version'\\n\")\n\
         print(importlib.reload(m) is m, m.X)\n\
         print(importlib.import_module('m') is m)\n",
    );
    let out = stdout(&run_in(&t.0, pyrs().arg("main.py")));
    assert_eq!(
        out, "1 m SourceFileLoader\nTrue second version\nTrue\n",
        "reload runs the changed source"
    );
    let cache = t.path("__pycache__/m.pyrs-311.pyc");
    let data = std::fs::read(&cache).expect("reload wrote the cache");
    assert_eq!(&data[..4], &cpython_magic()[..]);
    let size = std::fs::metadata(t.path("m.py")).expect("stat").len() as u32;
    assert_eq!(
        &data[12..16],
        &size.to_le_bytes(),
        "the header is the new source's"
    );
    let o = run_in(
        &t.0,
        python3().args([
            "-c",
            "import marshal; d = open('__pycache__/m.pyrs-311.pyc', 'rb').read(); exec(marshal.loads(d[16:])); print(X)",
        ]),
    );
    assert_eq!(stdout(&o), "second version\n");
    // A fresh run trusts the rewritten cache.
    let out = stdout(&run_in(&t.0, pyrs().args(["-c", "import m; print(m.X)"])));
    assert_eq!(out, "second version\n");
}

#[test]
fn importlib_honours_a_meta_path_finder_and_gives_specs() {
    let t = TempDir::new("metapath");
    t.write("pkg/__init__.py", "");
    t.write("pkg/sub.py", "Y = 2\n");
    t.write(
        "main.py",
        "import sys, importlib.machinery\n\
         class L:\n\
         \x20   def create_module(self, spec): return None\n\
         \x20   def exec_module(self, m): m.V = m.__name__.upper()\n\
         class F:\n\
         \x20   @staticmethod\n\
         \x20   def find_spec(name, path, target=None):\n\
         \x20       return importlib.machinery.ModuleSpec(name, L()) if name.startswith('gen_') else None\n\
         sys.meta_path.insert(0, F)\n\
         import gen_one, pkg.sub\n\
         print(gen_one.V, pkg.sub.__spec__.parent, pkg.__spec__.submodule_search_locations == pkg.__path__)\n",
    );
    let out = stdout(&run_in(&t.0, pyrs().arg("main.py")));
    assert_eq!(out, "GEN_ONE pkg True\n");
}

#[test]
fn compileall_writes_caches_pyrs_then_uses() {
    let t = TempDir::new("compileall");
    t.write("lib/a.py", "A = 1\n");
    t.write("lib/sub/b.py", "B = 2\n");
    let o = run_in(&t.0, pyrs().args(["-m", "compileall", "-q", "lib"]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for p in [
        "lib/__pycache__/a.pyrs-311.pyc",
        "lib/sub/__pycache__/b.pyrs-311.pyc",
    ] {
        let data = std::fs::read(t.path(p)).expect("compileall wrote the cache");
        assert_eq!(&data[..4], &cpython_magic()[..]);
    }
}

#[test]
fn py_compiles_steps_through_importlib_write_caches_cpython_agrees_with() {
    // What py_compile.compile does (it cannot be imported yet: traceback
    // needs codecs), step by step over importlib's loader: a timestamp pyc
    // the native import then trusts, and a checked hash pyc whose source
    // hash (_imp.source_hash) is CPython's.
    let t = TempDir::new("pycompile");
    t.write("mod.py", "VALUE = 'compiled'\n");
    t.write(
        "main.py",
        "import importlib._bootstrap_external as be, importlib.util, importlib.machinery, _imp\n\
         file = 'mod.py'\n\
         cfile = importlib.util.cache_from_source(file)\n\
         loader = importlib.machinery.SourceFileLoader('<py_compile>', file)\n\
         source = loader.get_data(file)\n\
         code = loader.source_to_code(source, file)\n\
         st = loader.path_stats(file)\n\
         loader.set_data(cfile, be._code_to_timestamp_pyc(code, st['mtime'], st['size']), _mode=be._calc_mode(file))\n\
         h = _imp.source_hash(be._RAW_MAGIC_NUMBER, source)\n\
         loader.set_data('hashed.pyc', be._code_to_hash_pyc(code, h, True))\n\
         print(cfile, h.hex())\n",
    );
    let out = stdout(&run_in(&t.0, pyrs().arg("main.py")));
    let expected_hash = stdout(&run_in(
        &t.0,
        python3().args([
            "-c",
            "import _imp, importlib._bootstrap_external as be; print(_imp.source_hash(be._RAW_MAGIC_NUMBER, open('mod.py', 'rb').read()).hex())",
        ]),
    ));
    assert_eq!(
        out,
        format!("__pycache__/mod.pyrs-311.pyc {expected_hash}"),
        "cache path and source hash"
    );
    let hashed = std::fs::read(t.path("hashed.pyc")).expect("hash pyc");
    assert_eq!(&hashed[..4], &cpython_magic()[..]);
    assert_eq!(&hashed[4..8], &[3, 0, 0, 0], "checked hash-based flags");
    let o = run_in(&t.0, python3().arg("hashed.pyc"));
    assert!(o.status.success(), "CPython runs the hash pyc");
    let out = stdout(&run_in(
        &t.0,
        pyrs().args(["-c", "import mod; print(mod.VALUE)"]),
    ));
    assert_eq!(out, "compiled\n");
}
