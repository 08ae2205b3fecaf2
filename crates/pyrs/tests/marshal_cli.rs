//! The check issue 3 gives for the compiler from outside: pyrs's `compile()`
//! marshalled by pyrs's `marshal.dumps`, loaded by CPython, equals the code
//! object CPython compiles from the same source (code objects compare by
//! value: code, constants, names, tables, nested code).

use std::process::Command;

const WRITE: &str = "import marshal,sys; open(sys.argv[2],'wb').write(marshal.dumps(compile(open(sys.argv[1],encoding='utf-8').read(), sys.argv[1], 'exec')))";

const CHECK: &str = "import marshal,sys
ours = marshal.loads(open(sys.argv[2], 'rb').read())
theirs = compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')
print(type(ours).__name__, ours == theirs)";

fn stdlib_dir() -> std::path::PathBuf {
    let out = Command::new("python3")
        .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
        .expect("python3");
    std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

#[test]
fn cpython_loads_what_pyrs_marshals() {
    let lib = stdlib_dir();
    let dir = std::env::temp_dir().join(format!("pyrs-marshal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for rel in [
        "argparse.py",
        "json/decoder.py",
        "dataclasses.py",
        "asyncio/tasks.py",
    ] {
        let src = lib.join(rel);
        let out = dir.join(rel.replace('/', "_") + ".bin");
        let w = Command::new(env!("CARGO_BIN_EXE_pyrs"))
            .args(["-c", WRITE])
            .arg(&src)
            .arg(&out)
            .output()
            .expect("run pyrs");
        assert!(
            w.status.success(),
            "{rel}: {}",
            String::from_utf8_lossy(&w.stderr)
        );
        let c = Command::new("python3")
            .args(["-c", CHECK])
            .arg(&src)
            .arg(&out)
            .output()
            .expect("run python3");
        assert_eq!(
            String::from_utf8_lossy(&c.stdout).trim(),
            "code True",
            "{rel}: {}",
            String::from_utf8_lossy(&c.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
