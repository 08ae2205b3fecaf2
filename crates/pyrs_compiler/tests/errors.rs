//! Compile-time errors come back as `SyntaxErrorInfo` values, never as panics or
//! stack overflows, with CPython's messages where the check is ours.

use pyrs_compiler::{compile, CompileOptions, Mode};

fn err(src: &str) -> String {
    match compile(src, "<test>", Mode::Exec, &CompileOptions::default()) {
        Ok(_) => "ok".to_string(),
        Err(e) => format!("{}:{}", e.msg, e.lineno),
    }
}

#[test]
fn symtable_and_compiler_errors_have_cpython_messages() {
    assert_eq!(err("return 1"), "'return' outside function:1");
    assert_eq!(err("break"), "'break' outside loop:1");
    assert_eq!(err("continue"), "'continue' not properly in loop:1");
    assert_eq!(err("yield 1"), "'yield' outside function:1");
    assert_eq!(
        err("def f():\n  x = 1\n  global x"),
        "name 'x' is assigned to before global declaration:3"
    );
    assert_eq!(
        err("def f():\n  nonlocal y"),
        "no binding for nonlocal 'y' found:2"
    );
    assert_eq!(
        err("nonlocal y"),
        "nonlocal declaration not allowed at module level:1"
    );
    assert_eq!(
        err("def f(a, a): pass"),
        "duplicate argument 'a' in function definition:1"
    );
    assert_eq!(
        err("def f():\n  from os import *"),
        "import * only allowed at module level:2"
    );
    assert_eq!(err("f(a=1, a=2)"), "keyword argument repeated: a:1");
    assert_ne!(err("x = (1,"), "ok");
}

fn err_at(src: &str) -> String {
    match compile(src, "<test>", Mode::Exec, &CompileOptions::default()) {
        Ok(_) => "ok".to_string(),
        Err(e) => format!("{}:{}:{}", e.msg, e.lineno, e.offset),
    }
}

/// Messages and positions from CPython 3.11's `compile()` on the same sources.
#[test]
fn pattern_errors_have_cpython_messages() {
    let cases = [
        (
            "match x:\n  case a: pass\n  case 1: pass",
            "name capture 'a' makes remaining patterns unreachable:2:8",
        ),
        (
            "match x:\n  case _: pass\n  case 1: pass",
            "wildcard makes remaining patterns unreachable:2:8",
        ),
        (
            "match x:\n  case [a, a]: pass",
            "multiple assignments to name 'a' in pattern:2:12",
        ),
        (
            "match x:\n  case a | [b]: pass",
            "name capture 'a' makes remaining patterns unreachable:2:8",
        ),
        (
            "match x:\n  case {1: a, 1: b}: pass",
            "mapping pattern checks duplicate key (1):2:8",
        ),
        (
            "match x:\n  case C(a=1, a=2): pass",
            "attribute name repeated in class pattern: a:2:17",
        ),
        (
            "match x:\n  case [*a, *b]: pass",
            "multiple starred names in sequence pattern:2:8",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(err_at(src), want, "{src}");
    }
}

#[test]
fn except_star_refuses_jumps_out_of_handlers() {
    let msg = "'break', 'continue' and 'return' cannot appear in an except* block";
    assert_eq!(
        err_at("for x in y:\n  try: pass\n  except* E:\n    break"),
        format!("{msg}:4:5")
    );
    assert_eq!(
        err_at("def f():\n  try: pass\n  except* E:\n    return 1"),
        format!("{msg}:4:12")
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep_parens = format!("x = {}1{}", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(err(&deep_parens), "too many nested parentheses:1");
    let long_chain = format!("x = 1{}", " + 1".repeat(5000));
    let _ = err(&long_chain);
    // Just under the limit, the compiler's own recursion must fit a test thread's stack.
    let near_limit = format!("x = y{}", " + y".repeat(990));
    assert_eq!(err(&near_limit), "ok");
    let near_limit_unary = format!("x = {}y", "-".repeat(990));
    assert_eq!(err(&near_limit_unary), "ok");
    let deep_unary = format!("x = {}1", "-".repeat(5000));
    let _ = err(&deep_unary);
    let deep_lists = format!("x = {}{}", "[".repeat(3000), "]".repeat(3000));
    assert_ne!(err(&deep_lists), "ok");
    let mut nested_ifs = String::new();
    for i in 0..150 {
        nested_ifs.push_str(&" ".repeat(i));
        nested_ifs.push_str("if x:\n");
    }
    nested_ifs.push_str(&" ".repeat(150));
    nested_ifs.push_str("pass\n");
    let _ = err(&nested_ifs);
}
