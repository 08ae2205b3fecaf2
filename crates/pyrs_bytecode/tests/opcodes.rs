//! The opcode table of opcode.rs checked against CPython 3.11's own: names and
//! numbers (`opcode.opname`), inline caches (`opcode._inline_cache_entries`), the
//! argument classes (`hasjrel`, `hasconst`, ...) and `dis.stack_effect`.

mod common;

use common::python;
use pyrs_bytecode::opcode::{OpFlags, HAVE_ARGUMENT};
use pyrs_bytecode::Opcode;
use std::collections::{BTreeMap, BTreeSet};

const DUMP: &str = r#"
import opcode, dis
print('HAVE_ARGUMENT', opcode.HAVE_ARGUMENT)
for op, name in enumerate(opcode.opname):
    if not name.startswith('<'):
        print('op', op, name, opcode._inline_cache_entries[op])
for cls in ('hasjrel', 'hasjabs', 'hasconst', 'hasname', 'haslocal', 'hasfree', 'hascompare'):
    print('class', cls, *getattr(opcode, cls))
ARGS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 31, 255, 256, 257, 258, 0x1ff, 0x302, 1000]
for op, name in enumerate(opcode.opname):
    if name.startswith('<'):
        continue
    for arg in (ARGS if op >= opcode.HAVE_ARGUMENT else [None]):
        for jump in (False, True):
            try:
                e = dis.stack_effect(op, arg, jump=jump)
            except ValueError:
                continue
            print('effect', op, 0 if arg is None else arg, int(jump), e)
"#;

#[test]
fn opcode_table_matches_cpython() {
    let out = python(DUMP, &[]);
    let mut names = BTreeMap::new();
    let mut classes: BTreeMap<String, BTreeSet<u16>> = BTreeMap::new();
    let mut effects = 0;
    for line in out.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        match f[0] {
            "HAVE_ARGUMENT" => assert_eq!(f[1], HAVE_ARGUMENT.to_string()),
            "op" => {
                let n: u16 = f[1].parse().expect("opcode number");
                let op =
                    Opcode::from_u16(n).unwrap_or_else(|| panic!("missing opcode {n} {}", f[2]));
                assert_eq!(op.name(), f[2]);
                assert_eq!(
                    op.cache_entries().to_string(),
                    f[3],
                    "cache entries of {}",
                    f[2]
                );
                assert_eq!(op.has_arg(), n >= HAVE_ARGUMENT);
                names.insert(n, f[2].to_string());
            }
            "class" => {
                classes.insert(
                    f[1].to_string(),
                    f[2..].iter().map(|x| x.parse().expect("opcode")).collect(),
                );
            }
            "effect" => {
                let op = Opcode::from_u16(f[1].parse().expect("op")).expect("known opcode");
                let arg: u32 = f[2].parse().expect("oparg");
                let jump = f[3] == "1";
                let want: i32 = f[4].parse().expect("effect");
                assert_eq!(
                    op.stack_effect(arg, jump),
                    want,
                    "stack effect of {} arg {arg} jump {jump}",
                    op.name()
                );
                effects += 1;
            }
            other => panic!("unexpected line {other}"),
        }
    }
    assert!(effects > 1000, "only {effects} stack effects compared");
    // Every real opcode of ours is one of CPython's, and the reverse.
    let ours: BTreeSet<u16> = Opcode::ALL
        .iter()
        .filter(|op| !op.is_pseudo())
        .map(|&op| op as u16)
        .collect();
    assert_eq!(ours, names.keys().copied().collect::<BTreeSet<_>>());

    let with_flag = |pred: &dyn Fn(OpFlags) -> bool| -> BTreeSet<u16> {
        Opcode::ALL
            .iter()
            .filter(|op| !op.is_pseudo() && pred(op.flags()))
            .map(|&op| op as u16)
            .collect()
    };
    let jrel = |f: OpFlags| f.contains(OpFlags::JUMP_FORWARD) || f.contains(OpFlags::JUMP_BACKWARD);
    assert_eq!(with_flag(&jrel), classes["hasjrel"]);
    assert!(classes["hasjabs"].is_empty());
    assert_eq!(
        with_flag(&|f| f.contains(OpFlags::CONST)),
        classes["hasconst"]
    );
    assert_eq!(
        with_flag(&|f| f.contains(OpFlags::NAME)),
        classes["hasname"]
    );
    assert_eq!(
        with_flag(&|f| f.contains(OpFlags::LOCAL)),
        classes["haslocal"]
    );
    assert_eq!(
        with_flag(&|f| f.contains(OpFlags::FREE)),
        classes["hasfree"]
    );
    assert_eq!(
        with_flag(&|f| f.contains(OpFlags::COMPARE)),
        classes["hascompare"]
    );
    // Backward jumps are the ones whose name says so.
    for &op in Opcode::ALL.iter().filter(|op| !op.is_pseudo()) {
        assert_eq!(
            op.flags().contains(OpFlags::JUMP_BACKWARD),
            op.name().contains("BACKWARD"),
            "{}",
            op.name()
        );
    }
}
