//! Location and exception tables checked against CPython 3.11 on the code objects
//! of real standard-library modules: our decoders must give what `co_positions()`,
//! `co_lines()` and `dis` give, and our encoders must reproduce CPython's bytes.

mod common;

use common::{hex_decode, python, stdlib_files};
use pyrs_bytecode::exception_table::{self, ExceptionTableEntry};
use pyrs_bytecode::linetable::{
    addr2line, addr2location, co_lines, co_positions, LineTableIter, LineTableWriter, Location,
    Position,
};
use pyrs_bytecode::Opcode;

/// Prints, for every code object of each file given, its raw tables and what
/// CPython derives from them.
const DUMP_TABLES: &str = r#"
import sys, dis
def s(v): return 'N' if v is None else str(v)
def walk(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            yield from walk(c)
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        src = f.read()
    for co in walk(compile(src, path, 'exec')):
        print('C', co.co_firstlineno, co.co_code.hex(), co.co_linetable.hex() or '-', co.co_exceptiontable.hex() or '-')
        print('P', *[','.join(map(s, p)) for p in co.co_positions()])
        print('L', *[','.join(map(s, l)) for l in co.co_lines()])
        print('E', *['%d,%d,%d,%d,%d' % (e.start, e.end, e.target, e.depth, e.lasti) for e in dis._parse_exception_table(co)])
"#;

struct Dumped {
    firstlineno: i32,
    code: Vec<u8>,
    linetable: Vec<u8>,
    exceptiontable: Vec<u8>,
    positions: Vec<Position>,
    lines: Vec<(u32, u32, Option<i32>)>,
    /// dis's view: byte offsets, end exclusive.
    handlers: Vec<(u32, u32, u32, u32, bool)>,
}

fn field(s: &str) -> Option<i32> {
    if s == "N" {
        None
    } else {
        Some(s.parse().expect("int from python3"))
    }
}

fn raw(s: &str) -> Vec<u8> {
    if s == "-" {
        Vec::new()
    } else {
        hex_decode(s)
    }
}

fn dump_stdlib() -> Vec<Dumped> {
    let files = stdlib_files();
    assert!(files.len() >= 8, "expected CPython's Lib to be installed");
    let args: Vec<&str> = files
        .iter()
        .map(|p| p.to_str().expect("utf-8 path"))
        .collect();
    let out = python(DUMP_TABLES, &args);
    let mut lines = out.lines();
    let mut all = Vec::new();
    while let Some(c) = lines.next() {
        let c: Vec<&str> = c.split(' ').collect();
        assert_eq!(c[0], "C");
        let p = lines.next().expect("P line");
        let l = lines.next().expect("L line");
        let e = lines.next().expect("E line");
        let positions = p
            .split(' ')
            .skip(1)
            .map(|t| {
                let v: Vec<Option<i32>> = t.split(',').map(field).collect();
                (v[0], v[1], v[2], v[3])
            })
            .collect();
        let lines_ = l
            .split(' ')
            .skip(1)
            .map(|t| {
                let v: Vec<&str> = t.split(',').collect();
                (
                    v[0].parse().expect("start"),
                    v[1].parse().expect("end"),
                    field(v[2]),
                )
            })
            .collect();
        let handlers = e
            .split(' ')
            .skip(1)
            .map(|t| {
                let v: Vec<u32> = t.split(',').map(|x| x.parse().expect("int")).collect();
                (v[0], v[1], v[2], v[3], v[4] != 0)
            })
            .collect();
        all.push(Dumped {
            firstlineno: c[1].parse().expect("firstlineno"),
            code: hex_decode(c[2]),
            linetable: raw(c[3]),
            exceptiontable: raw(c[4]),
            positions,
            lines: lines_,
            handlers,
        });
    }
    assert!(all.len() > 1000, "only {} code objects", all.len());
    all
}

/// Code units per instruction as the 3.11 assembler counts them for the location
/// table: EXTENDED_ARG prefixes belong to the instruction they extend, and the
/// inline caches follow it.
fn instruction_sizes(code: &[u8]) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut pending = 0;
    for unit in code.chunks(2).scan(0usize, |skip, u| {
        if *skip > 0 {
            *skip -= 1;
            return Some(None);
        }
        let op = Opcode::from_u16(u16::from(u[0])).expect("a 3.11 opcode");
        *skip = op.cache_entries();
        Some(Some(op))
    }) {
        match unit {
            None => {
                if let Some(last) = sizes.last_mut() {
                    *last += 1;
                }
            }
            Some(Opcode::EXTENDED_ARG) => pending += 1,
            Some(_) => {
                sizes.push(pending + 1);
                pending = 0;
            }
        }
    }
    sizes
}

#[test]
fn linetable_decoders_and_encoder_match_cpython() {
    for d in dump_stdlib() {
        let positions = co_positions(&d.linetable, d.firstlineno);
        assert_eq!(
            positions, d.positions,
            "co_positions, table {:?}",
            d.linetable
        );
        assert_eq!(co_lines(&d.linetable, d.firstlineno, d.code.len()), d.lines);

        // PyCode_Addr2Line is "the line of the co_lines() range holding lasti".
        for lasti in (0..d.code.len() as u32).step_by(2) {
            let want = d
                .lines
                .iter()
                .find(|r| r.0 <= lasti && lasti < r.1)
                .and_then(|r| r.2);
            assert_eq!(addr2line(&d.linetable, d.firstlineno, lasti), want);
            let p = d.positions[(lasti / 2) as usize];
            let want_loc = p.0.map(|l| Location {
                lineno: l,
                end_lineno: p.1.unwrap_or(-1),
                col_offset: p.2.unwrap_or(-1),
                end_col_offset: p.3.unwrap_or(-1),
            });
            assert_eq!(addr2location(&d.linetable, d.firstlineno, lasti), want_loc);
        }

        // Re-encode instruction by instruction, as the assembler does, from the
        // decoded location of each instruction's first code unit.
        let entries: Vec<_> = LineTableIter::new(&d.linetable, d.firstlineno).collect();
        let mut w = LineTableWriter::new(d.firstlineno);
        let mut unit = 0u32;
        for size in instruction_sizes(&d.code) {
            let e = entries
                .iter()
                .find(|e| e.start <= unit && unit < e.start + e.len)
                .expect("every unit has an entry");
            w.push(e.loc, size);
            unit += size as u32;
        }
        assert_eq!(unit as usize * 2, d.code.len());
        assert_eq!(w.finish(), d.linetable, "re-encoded linetable differs");
    }
}

#[test]
fn exception_table_matches_dis_and_reencodes_identically() {
    let mut seen = 0;
    for d in dump_stdlib() {
        let entries = exception_table::decode(&d.exceptiontable).expect("valid table");
        let as_dis: Vec<_> = entries
            .iter()
            .map(|e| (e.start * 2, e.end * 2, e.target * 2, e.depth, e.lasti))
            .collect();
        assert_eq!(as_dis, d.handlers);
        assert_eq!(exception_table::encode(&entries), d.exceptiontable);
        seen += entries.len();
        for unit in 0..(d.code.len() / 2) as u32 {
            let want: Option<ExceptionTableEntry> = entries
                .iter()
                .find(|e| e.start <= unit && unit < e.end)
                .copied();
            assert_eq!(exception_table::lookup(&d.exceptiontable, unit), want);
        }
    }
    assert!(seen > 100, "only {seen} handlers");
}
