//! .pyc files checked against CPython 3.11: headers of files py_compile wrote,
//! `importlib.util.source_hash`, and .pyc files we write being run by python3.

mod common;

use common::{hex_decode, hex_encode, python, stdlib_files, temp_path};
use pyrs_bytecode::marshal;
use pyrs_bytecode::pyc::{read_header, source_hash, write_pyc, PycHeader, PycKind, MAGIC_NUMBER};
use std::process::Command;

#[test]
fn magic_number_is_cpythons() {
    let out = python(
        "import importlib.util;print(importlib.util.MAGIC_NUMBER.hex())",
        &[],
    );
    assert_eq!(hex_encode(&MAGIC_NUMBER), out.trim());
}

#[test]
fn source_hash_matches_importlib() {
    let mut inputs: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"a".to_vec(),
        b"1234567".to_vec(),
        b"12345678".to_vec(),
        b"123456789".to_vec(),
        b"print('hello')\n".to_vec(),
        (0..=255u8).collect(),
        (0..1000u32).map(|i| (i * 7 % 251) as u8).collect(),
    ];
    for f in stdlib_files().iter().take(3) {
        inputs.push(std::fs::read(f).expect("stdlib source"));
    }
    let path = temp_path("hash_inputs");
    let lines: Vec<String> = inputs.iter().map(|i| hex_encode(i)).collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    let out = python(
        "import sys, importlib.util\nfor l in open(sys.argv[1]):\n    print(importlib.util.source_hash(bytes.fromhex(l.strip())).hex())",
        &[path.to_str().expect("utf-8")],
    );
    let _ = std::fs::remove_file(&path);
    let want: Vec<&str> = out.lines().collect();
    assert_eq!(want.len(), inputs.len());
    for (input, want) in inputs.iter().zip(want) {
        assert_eq!(
            hex_encode(&source_hash(input)),
            want,
            "input of {} bytes",
            input.len()
        );
    }
}

const PROGRAM: &str = r#"
import sys
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
print([fib(i) for i in range(15)], Point(1, 'a'), {1.5, -0.0}, 10**30, b'\x00', ...)
with open(__file__, 'rb') as f:
    print(f.read(4).hex())
"#;

#[test]
fn python_reads_our_headers_and_runs_our_pyc() {
    let dir = temp_path("pyc_dir");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let src = dir.join("prog.py");
    std::fs::write(&src, PROGRAM).expect("write program");
    let src_s = src.to_str().expect("utf-8");

    // CPython compiles the program and writes .pyc files of both kinds.
    let script = r#"
import sys, py_compile, os, marshal
src = sys.argv[1]
for mode, name in ((py_compile.PycInvalidationMode.TIMESTAMP, 'ts'),
                   (py_compile.PycInvalidationMode.CHECKED_HASH, 'ch'),
                   (py_compile.PycInvalidationMode.UNCHECKED_HASH, 'uh')):
    py_compile.compile(src, cfile=src + '.' + name + '.pyc', invalidation_mode=mode, doraise=True)
st = os.stat(src)
print(int(st.st_mtime) & 0xFFFFFFFF, st.st_size & 0xFFFFFFFF)
"#;
    let out = python(script, &[src_s]);
    let (mtime, size) = out.trim().split_once(' ').expect("mtime size");
    let (mtime, size): (u32, u32) = (mtime.parse().expect("mtime"), size.parse().expect("size"));
    let hash = source_hash(PROGRAM.as_bytes());

    let expected_run = python(
        &format!("import runpy, sys; sys.argv=[{src_s:?}]; runpy.run_path({src_s:?})"),
        &[],
    );
    for (name, want) in [
        (
            "ts",
            PycKind::Timestamp {
                mtime,
                source_size: size,
            },
        ),
        (
            "ch",
            PycKind::Hash {
                checked: true,
                hash,
            },
        ),
        (
            "uh",
            PycKind::Hash {
                checked: false,
                hash,
            },
        ),
    ] {
        let pyc_path = dir.join(format!("prog.py.{name}.pyc"));
        let data = std::fs::read(&pyc_path).expect("CPython's pyc");
        let (header, body) = read_header(&data).expect("valid header");
        assert_eq!(header.kind, want, "{name}");
        let code = marshal::loads_code(body).expect("CPython's code object");

        // Write it again ourselves and have python3 run our file.
        let ours = dir.join(format!("ours_{name}.pyc"));
        std::fs::write(&ours, write_pyc(&header, &code)).expect("write pyc");
        let run = Command::new("python3")
            .arg(&ours)
            .output()
            .expect("python3");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let stdout = String::from_utf8(run.stdout).expect("utf-8");
        // The last line is the file's first 4 bytes: ours, so compare the rest
        // and check that line separately.
        let (body_out, magic_line) = stdout.trim_end().rsplit_once('\n').expect("two lines");
        let (want_out, _) = expected_run
            .trim_end()
            .rsplit_once('\n')
            .expect("two lines");
        assert_eq!(body_out, want_out);
        assert_eq!(hex_decode(magic_line), MAGIC_NUMBER);
    }
    // A header of our own making reads back the same in CPython.
    let check = r#"
import sys, importlib._bootstrap_external as b
data = open(sys.argv[1], 'rb').read()
flags = b._classify_pyc(data, 'x', {})
print(flags, data[8:16].hex())
"#;
    let ours = dir.join("ours_header.pyc");
    let code = marshal::loads_code(
        read_header(&std::fs::read(dir.join("prog.py.ts.pyc")).expect("pyc"))
            .expect("header")
            .1,
    )
    .expect("code");
    for h in [
        PycHeader::timestamp(mtime, size),
        PycHeader::hash(true, hash),
    ] {
        std::fs::write(&ours, write_pyc(&h, &code)).expect("write");
        let out = python(check, &[ours.to_str().expect("utf-8")]);
        let tail = &h.to_bytes()[8..];
        assert_eq!(out.trim(), format!("{} {}", h.flags, hex_encode(tail)));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
