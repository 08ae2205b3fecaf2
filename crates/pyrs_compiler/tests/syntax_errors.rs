//! SyntaxError fields against CPython: every case of tests/syntax_errors/
//! cases.txt ("===== NAME" lines, each followed by a source) is compiled by
//! pyrs and by CPython's `compile()` (one python3 process,
//! tests/syntax_errors.py); the exception class, `msg`, `lineno`, `offset` and
//! `text` must be equal, except for the cases listed in
//! tests/syntax_errors/KNOWN_DIFFERENCES (name, then why).

use pyrs_compiler::{compile, CompileOptions, Mode, SyntaxErrorKind};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

fn cases(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("===== ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
        }
    }
    out
}

/// `json.dumps` of a str (ASCII-only output, as Python's default).
fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            '\u{8}' => o.push_str("\\b"),
            '\u{c}' => o.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(o, "\\u{unit:04x}");
                }
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn pyrs_result(src: &str) -> String {
    match compile(src, "<case>", Mode::Exec, &CompileOptions::default()) {
        Ok(_) => "ok".to_string(),
        Err(e) => {
            let kind = match e.kind {
                SyntaxErrorKind::SyntaxError => "SyntaxError",
                SyntaxErrorKind::IndentationError => "IndentationError",
                SyntaxErrorKind::TabError => "TabError",
            };
            let text = e.text.as_deref().map(json_str).unwrap_or("null".into());
            format!(
                "[\"{kind}\", {}, {}, {}, {text}]",
                json_str(&e.msg),
                e.lineno,
                e.offset
            )
        }
    }
}

#[test]
fn syntax_errors_match_cpython() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let cases_path = dir.join("syntax_errors/cases.txt");
    let text = std::fs::read_to_string(&cases_path).expect("cases.txt");
    let known: BTreeMap<String, String> =
        std::fs::read_to_string(dir.join("syntax_errors/KNOWN_DIFFERENCES"))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (n, why) = l.split_once(' ').unwrap_or((l, ""));
                (n.to_string(), why.to_string())
            })
            .collect();
    let out = Command::new("python3")
        .arg(dir.join("syntax_errors.py"))
        .arg(&cases_path)
        .output()
        .expect("python3 runs");
    let theirs: BTreeMap<String, String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(n, r)| (n.to_string(), r.to_string()))
        .collect();
    let all = cases(&text);
    assert_eq!(theirs.len(), all.len(), "CPython answered every case");
    let (mut same, mut failures) = (0, Vec::new());
    for (name, src) in &all {
        let ours = pyrs_result(src);
        let expected = theirs.get(name).cloned().unwrap_or_default();
        if ours == expected {
            same += 1;
            if known.contains_key(name) {
                eprintln!("note: {name} is listed as a known difference but matches now");
            }
        } else if known.contains_key(name) {
            eprintln!("known difference {name}:\n   pyrs:    {ours}\n   cpython: {expected}");
        } else {
            eprintln!("DIFF {name}:\n   pyrs:    {ours}\n   cpython: {expected}");
            failures.push(name.clone());
        }
    }
    eprintln!("{same} of {} syntax error cases match CPython", all.len());
    assert!(failures.is_empty(), "unexpected differences: {failures:?}");
}
