//! `compile()`'s modes and optimization levels against CPython: every file of
//! tests/modes/ is compiled by pyrs in the modes its name asks for (`eval_*`:
//! eval, `single_*`: single, otherwise exec; `toplevelawait_*` with
//! `PyCF_ALLOW_TOP_LEVEL_AWAIT`) at optimization levels 0, 1 and 2,
//! and one python3 process (tests/compare_blobs.py) compiles the same with
//! `compile(src, name, mode, optimize=N)` and compares every code object field.

use pyrs_bytecode::marshal::dumps_code;
use pyrs_compiler::{compile, CompileOptions, Mode};
use std::path::Path;
use std::process::Command;

#[test]
fn modes_and_optimize_levels_match_cpython() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let work = std::env::temp_dir().join(format!("pyrs-modes-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("temp dir");
    let mut files: Vec<_> = std::fs::read_dir(tests.join("modes"))
        .expect("tests/modes")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut manifest = String::new();
    let mut errors = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let (mode, mode_name) = if name.starts_with("eval_") {
            (Mode::Eval, "eval")
        } else if name.starts_with("single_") {
            (Mode::Single, "single")
        } else {
            (Mode::Exec, "exec")
        };
        let source = std::fs::read_to_string(path).expect("readable");
        let filename = path.to_string_lossy().to_string();
        for optimize in 0..=2u8 {
            let flags = if name.starts_with("toplevelawait_") {
                pyrs_compiler::cf_flags::ALLOW_TOP_LEVEL_AWAIT
            } else {
                0
            };
            let options = CompileOptions {
                optimize,
                future_flags: flags,
            };
            match compile(&source, &filename, mode, &options) {
                Ok(code) => {
                    let blob = work.join(format!("{i}-{optimize}"));
                    std::fs::write(&blob, dumps_code(&code)).expect("write blob");
                    manifest +=
                        &format!("{mode_name}\t{optimize}\t{filename}\t{}\n", blob.display());
                }
                Err(e) => errors.push(format!("{name} -O{optimize}: {}", e.msg)),
            }
        }
    }
    let list = work.join("manifest");
    std::fs::write(&list, manifest).expect("write manifest");
    let out = Command::new("python3")
        .arg(tests.join("compare_blobs.py"))
        .arg(&list)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_dir_all(&work);
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "compare_blobs.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(errors.is_empty(), "pyrs failed to compile: {errors:?}");
    let mismatches: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("MISMATCH"))
        .collect();
    assert!(mismatches.is_empty(), "differences from CPython:\n{report}");
    assert_eq!(
        report.trim(),
        format!("COMPARED {}", files.len() * 3),
        "every file at every level was compared"
    );
}
