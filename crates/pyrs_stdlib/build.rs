//! Freezes the Python halves of native modules at build time, as CPython
//! freezes importlib's bootstrap: each file in `FROZEN` is compiled by
//! pyrs's own compiler and marshalled into OUT_DIR, so starting pyrs loads
//! code objects instead of parsing and compiling ~2,000 lines every run.
//! `src/frozen.rs` includes the results by the names generated here.

use std::fmt::Write as _;
use std::path::PathBuf;

/// (source under src/, filename shown in tracebacks, constant name).
const FROZEN: &[(&str, &str, &str)] = &[
    ("io/prelude.py", "<frozen _io>", "IO_PRELUDE"),
    ("posix/prelude.py", "<frozen posix>", "POSIX_PRELUDE"),
    (
        "warnings/prelude.py",
        "<frozen _warnings>",
        "WARNINGS_PRELUDE",
    ),
    ("imp/specs.py", "<frozen importlib>", "IMP_SPECS"),
];

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut consts = String::new();
    for (path, filename, name) in FROZEN {
        let src_path = format!("src/{path}");
        println!("cargo:rerun-if-changed={src_path}");
        let source = std::fs::read_to_string(&src_path)
            .unwrap_or_else(|e| panic!("reading {src_path}: {e}"));
        let options = pyrs_compiler::CompileOptions {
            optimize: 0,
            future_flags: 0,
        };
        let code = pyrs_compiler::compile(&source, filename, pyrs_compiler::Mode::Exec, &options)
            .unwrap_or_else(|e| panic!("{src_path}:{}:{}: {}", e.lineno, e.offset, e.msg));
        let bytes = pyrs_bytecode::marshal::dumps_code(&code);
        let file = format!("{name}.marshal");
        std::fs::write(out.join(&file), bytes).expect("writing a frozen module");
        let _ = writeln!(
            consts,
            "/// `src/{path}`, compiled and marshalled.\npub const {name}: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\"));"
        );
    }
    std::fs::write(out.join("frozen_consts.rs"), consts).expect("writing frozen_consts.rs");
}
