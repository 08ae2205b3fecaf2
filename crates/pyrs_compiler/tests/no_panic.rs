//! No source text makes the compiler panic: every corpus file cut at many
//! points, and with tokens spliced in, compiles to a code object or to a
//! SyntaxError value. (compare_tree runs the same kind of check on damaged
//! stdlib files against CPython's verdicts.)

use pyrs_compiler::{compile, CompileOptions, Mode};
use std::path::Path;

const SPLICES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "\"",
    "'",
    "\"\"\"",
    "\n",
    "\n    ",
    "\t",
    "\\",
    "*",
    "**",
    "=",
    ":=",
    "lambda",
    "yield",
    "await",
    "async ",
    "match ",
    "case ",
    "@",
    "f'{",
    "}'",
    "not",
    "if",
    "else",
    "->",
    ".",
    "...",
    "0x",
    "1e",
    "\u{20ac}",
    "#",
    ";",
    "del ",
    "global x;",
];

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn try_all_modes(src: &str) {
    for (mode, optimize) in [
        (Mode::Exec, 0),
        (Mode::Exec, 2),
        (Mode::Eval, 0),
        (Mode::Single, 0),
    ] {
        let options = CompileOptions {
            optimize,
            ..CompileOptions::default()
        };
        let _ = compile(src, "<fuzz>", mode, &options);
    }
}

#[test]
fn damaged_sources_are_errors_not_panics() {
    let mut count = 0;
    for src in corpus() {
        let cuts: Vec<usize> = (0..src.len())
            .step_by(29)
            .filter(|&i| src.is_char_boundary(i))
            .collect();
        for (k, &at) in cuts.iter().enumerate() {
            try_all_modes(&src[..at]);
            let splice = SPLICES[k % SPLICES.len()];
            try_all_modes(&format!("{}{}{}", &src[..at], splice, &src[at..]));
            count += 2;
        }
    }
    assert!(count > 1000, "only {count} damaged sources tried");
}
