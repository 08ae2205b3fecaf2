//! Marshal checked against CPython 3.11: we load what `marshal.dumps` writes for
//! many values and for the code objects of real modules, write it back, and
//! CPython must load our bytes to values equal to the originals. Errors for
//! malformed data must carry CPython's exception type and message, and no
//! corruption of valid data may make the loader panic.

mod common;

use common::{hex_decode, hex_encode, python, stdlib_files, temp_path};
use pyrs_bytecode::linetable::co_positions;
use pyrs_bytecode::marshal::{self, MarshalError, MarshalValue};
use pyrs_bytecode::{CodeObject, Const};
use std::rc::Rc;

/// Values covering every type code and the edge cases of each.
const VALUES: &str = r#"
import sys, math
def deep(n):
    v = None
    for i in range(n):
        v = (v, i)
    return v
shared = (1, 2)
sh = sys.intern('hello world')
VALUES = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**15 - 1, 2**15, -2**15,
    2**30, 2**45, 2**62, 2**63, 2**64, -2**100, 10**400, -(10**1000) + 7,
    0.0, -0.0, 1.5, -2.25, 1e100, 1e-300, 5e-324, 1.7976931348623157e308, 0.1,
    123456789012345678.0, math.inf, -math.inf, math.nan,
    1j, complex(1.5, -0.0), complex(-0.0, 2.5), complex(math.inf, math.nan),
    '', 'a', 'abc', 'a b', 'hello_world_123', 'é', 'x' * 300, 'é' * 300, '日本語',
    '\U0001f600 emoji', '\x00\x7f\x80\xff', sh, [sh, sh],
    b'', b'\x00\xff', bytes(range(256)) * 3,
    (), (1,), (1, 'a', b'b', None), tuple(range(300)), ((),), [shared, shared, shared],
    [], [1, [2, [3, []]]], list(range(1000)),
    {}, {'a': 1, 2: (3, 4), (1, 2): None, 'nested': {'x': [1, 2]}},
    set(), {1, 2, 3}, {'a', 'b', (1, 2)}, frozenset(), frozenset({'a', (1, frozenset({2}))}),
    deep(500),
    compile('def f(a, /, b=2, *c, d, **e):\n    return a + b\nclass C: pass\n', 'vals.py', 'exec'),
]
"#;

/// Strict equality: the type must match and floats compare by bits (so that
/// `-0.0 != 0.0` and `nan == nan`), recursively.
const SAME: &str = r#"
import struct, sys
sys.setrecursionlimit(20000)
def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return struct.pack('<d', a) == struct.pack('<d', b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if hasattr(a, 'co_code'):
        fields = ('co_filename', 'co_qualname', 'co_stacksize', 'co_flags', 'co_varnames',
                  'co_cellvars', 'co_freevars')
        return (a == b and all(getattr(a, f) == getattr(b, f) for f in fields)
                and all(same(x, y) for x, y in zip(a.co_consts, b.co_consts)))
    return a == b
"#;

fn write_lines(lines: &[String]) -> std::path::PathBuf {
    let path = temp_path("hex");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write temp file");
    path
}

#[test]
fn values_round_trip_through_cpython() {
    let script = format!(
        "{VALUES}\nfor v in VALUES:\n    print(' '.join(__import__('marshal').dumps(v, ver).hex() for ver in range(5)))\n"
    );
    let out = python(&script, &[]);
    let mut ours = Vec::new();
    for line in out.lines() {
        let mut per_version = Vec::new();
        for (version, h) in line.split(' ').enumerate() {
            let data = hex_decode(h);
            let (value, used) = marshal::load_prefix(&data)
                .unwrap_or_else(|e| panic!("loading {h} (version {version}): {e}"));
            assert_eq!(used, data.len(), "consumed all of {h}");
            // Write back with the same version and with the current one.
            for v in [version as u32, marshal::VERSION] {
                let bytes = marshal::dumps(&value, v).expect("dumps");
                per_version.push(hex_encode(&bytes));
            }
        }
        ours.push(per_version.join(" "));
    }
    let path = write_lines(&ours);
    let check = format!(
        "{VALUES}\n{SAME}\nimport marshal, sys\nbad = []\nfor i, (v, line) in enumerate(zip(VALUES, open(sys.argv[1]))):\n    for h in line.split():\n        w = marshal.loads(bytes.fromhex(h))\n        if not same(v, w): bad.append((i, h[:80], repr(w)[:80]))\nprint(len(VALUES), bad)\n"
    );
    let verdict = python(&check, &[path.to_str().expect("utf-8 path")]);
    let _ = std::fs::remove_file(&path);
    let (n, bad) = verdict.trim().split_once(' ').expect("verdict");
    assert_eq!(n.parse::<usize>().expect("count"), out.lines().count());
    assert_eq!(bad, "[]", "CPython loaded different values from our bytes");
}

/// Python code printing, for every code object of the given files, what we
/// compare after loading: the raw fields and `co_positions()`.
const DUMP_MODULES: &str = r#"
import marshal, sys
def walk(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            yield from walk(c)
def s(v): return 'N' if v is None else str(v)
out, tmp = sys.argv[1], sys.argv[2:]
with open(out, 'w') as o:
    for i, path in enumerate(tmp[::2]):
        with open(path, 'rb') as f:
            co = compile(f.read(), path, 'exec')
        with open(tmp[2 * i + 1], 'wb') as f:
            f.write(marshal.dumps(co))
        for c in walk(co):
            print(c.co_qualname, c.co_firstlineno, c.co_code.hex(), c.co_linetable.hex(),
                  c.co_exceptiontable.hex(), ' '.join(','.join(map(s, p)) for p in c.co_positions()), file=o)
"#;

const CHECK_MODULES: &str = r#"
import marshal, sys
def walk(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            yield from walk(c)
bad = 0
n = 0
for theirs, ours in zip(sys.argv[1::2], sys.argv[2::2]):
    a = marshal.loads(open(theirs, 'rb').read())
    b = marshal.loads(open(ours, 'rb').read())
    if a != b:
        bad += 1
    for x, y in zip(walk(a), walk(b)):
        n += 1
        for attr in ('co_code', 'co_consts', 'co_names', 'co_varnames', 'co_cellvars', 'co_freevars',
                     'co_localsplusnames' if hasattr(x, 'co_localsplusnames') else 'co_names',
                     'co_linetable', 'co_exceptiontable', 'co_filename', 'co_name', 'co_qualname',
                     'co_firstlineno', 'co_flags', 'co_stacksize', 'co_argcount',
                     'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals'):
            if getattr(x, attr) != getattr(y, attr):
                print('differs:', x.co_qualname, attr)
                bad += 1
        if list(x.co_positions()) != list(y.co_positions()) or list(x.co_lines()) != list(y.co_lines()):
            bad += 1
print(n, bad)
"#;

fn walk<'a>(co: &'a Rc<CodeObject>, out: &mut Vec<&'a Rc<CodeObject>>) {
    out.push(co);
    for c in &co.co_consts {
        if let Const::Code(inner) = c {
            walk(inner, out);
        }
    }
}

#[test]
fn stdlib_code_objects_round_trip_through_cpython() {
    let files = stdlib_files();
    assert!(files.len() >= 8);
    let listing = temp_path("listing");
    let mut args = vec![listing.to_str().expect("utf-8").to_string()];
    let mut theirs = Vec::new();
    for f in &files {
        let t = temp_path("theirs");
        args.push(f.to_str().expect("utf-8").to_string());
        args.push(t.to_str().expect("utf-8").to_string());
        theirs.push(t);
    }
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    python(DUMP_MODULES, &arg_refs);
    let listing_text = std::fs::read_to_string(&listing).expect("listing");
    let mut expected = listing_text.lines();

    let mut check_args = Vec::new();
    let mut total = 0;
    for t in &theirs {
        let data = std::fs::read(t).expect("marshal data from python3");
        let code = marshal::loads_code(&data).expect("CPython's code object loads");
        let mut all = Vec::new();
        walk(&code, &mut all);
        for co in all {
            total += 1;
            let line = expected.next().expect("a listing line per code object");
            let fields: Vec<&str> = line.splitn(6, ' ').collect();
            assert_eq!(&*co.co_qualname, fields[0]);
            assert_eq!(co.co_firstlineno.to_string(), fields[1]);
            assert_eq!(hex_encode(&co.co_code), fields[2]);
            assert_eq!(hex_encode(&co.co_linetable), fields[3]);
            assert_eq!(hex_encode(&co.co_exceptiontable), fields[4]);
            let ours: Vec<String> = co_positions(&co.co_linetable, co.co_firstlineno as i32)
                .iter()
                .map(|p| {
                    let s = |v: Option<i32>| v.map_or("N".to_string(), |x| x.to_string());
                    format!("{},{},{},{}", s(p.0), s(p.1), s(p.2), s(p.3))
                })
                .collect();
            assert_eq!(
                ours.join(" "),
                fields[5],
                "co_positions of {}",
                co.co_qualname
            );
        }
        let ours = temp_path("ours");
        std::fs::write(&ours, marshal::dumps_code(&code)).expect("write ours");
        // And through the generic value path too.
        let again = marshal::dumps(&MarshalValue::Code(code.clone()), 4).expect("dumps");
        assert_eq!(again, marshal::dumps_code(&code));
        check_args.push(t.to_str().expect("utf-8").to_string());
        check_args.push(ours.to_str().expect("utf-8").to_string());
    }
    assert!(expected.next().is_none());
    let refs: Vec<&str> = check_args.iter().map(String::as_str).collect();
    let verdict = python(CHECK_MODULES, &refs);
    for p in check_args.iter().chain(std::iter::once(&args[0])) {
        let _ = std::fs::remove_file(p);
    }
    let (n, bad) = verdict.trim().rsplit_once(' ').expect("verdict");
    assert_eq!(bad, "0", "{verdict}");
    assert_eq!(n.parse::<usize>().expect("count"), total);
}

/// Malformed inputs whose error CPython and we must report identically.
const BAD_INPUTS: &[&[u8]] = &[
    b"",
    b"?",
    b":NNN",
    b"\x80",
    b"0",
    b"(\x01\x00\x00\x000",
    b"[\x01\x00\x00\x000",
    b"<\x01\x00\x00\x000",
    b"z",
    b")",
    b"i\x01",
    b"l\x05\x00\x00\x00\x01\x00",
    b"l\x01\x00\x00\x00\x00\x00",
    b"l\x01\x00\x00\x00\x00\x80",
    b"l\x00\x00\x00\x80",
    b"s\x05\x00\x00\x00ab",
    b"s\xff\xff\xff\xff",
    b"a\x00\x00\x00\x80",
    b"g\x00",
    b"f",
    b"f\x05ab",
    b"f\x03abc",
    b"f\x04 1.5",
    b"(\x05\x00\x00\x00NN",
    b"(\x00\x00\x10\x00NN",
    b"[\x00\x00\x10\x00NN",
    b"[\x00\x00\x00\x80",
    b"<\x00\x00\x00\x80",
    b"r\x00\x00\x00\x00",
    b"r\x05\x00\x00\x00",
    b"\xbe\x01\x00\x00\x00r\x00\x00\x00\x00",
    b"<\x01\x00\x00\x00[\x00\x00\x00\x00",
    b"<\x01\x00\x00\x00)\x01[\x00\x00\x00\x00",
    b"{[\x00\x00\x00\x00N0",
    b"{NN",
    b"c\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
    b"c\x00\x00",
    b"u\x02\x00\x00\x00\xc3(",
    b"u\x01\x00\x00\x00\xc3",
    b"u\x03\x00\x00\x00\xe2\x82(",
    b"u\x02\x00\x00\x00\xc0\x80",
    b"u\x02\x00\x00\x00\xff\xff",
];

#[test]
fn errors_match_cpython() {
    let mut inputs: Vec<Vec<u8>> = BAD_INPUTS.iter().map(|b| b.to_vec()).collect();
    // Nesting just below and at the limit.
    for k in [1999usize, 2000, 5000] {
        let mut d = b")\x01".repeat(k);
        d.push(b'N');
        inputs.push(d);
    }
    let hex: Vec<String> = inputs.iter().map(|d| hex_encode(d)).collect();
    let path = write_lines(&hex);
    let script = r#"
import marshal, sys
for line in open(sys.argv[1]):
    try:
        marshal.loads(bytes.fromhex(line.strip()))
        print('ok')
    except Exception as e:
        t = type(e).__name__
        print({'UnicodeDecodeError': 'ValueError'}.get(t, t), e)
"#;
    let out = python(script, &[path.to_str().expect("utf-8")]);
    let _ = std::fs::remove_file(&path);
    for (data, want) in inputs.iter().zip(out.lines()) {
        let got = match marshal::loads(data) {
            Ok(_) => "ok".to_string(),
            Err(e) => format!("{} {}", e.python_type(), e.message()),
        };
        assert_eq!(got, want, "input {}", hex_encode(data));
    }
}

#[test]
fn unsupported_data_is_an_error_not_a_panic() {
    // A lone surrogate is valid marshal data that a Rust str cannot hold.
    let e = marshal::loads(b"u\x03\x00\x00\x00\xed\xa0\x80").unwrap_err();
    assert!(matches!(e, MarshalError::Value(_)), "{e}");
    // A tuple that contains itself.
    assert!(marshal::loads(b"\xa9\x01r\x00\x00\x00\x00").is_err());
    // References that double at each level: CPython shares the objects, we would
    // copy 2**60 nodes, so the loader must stop with an error instead.
    let mut d = Vec::new();
    d.extend_from_slice(b"(\x3c\x00\x00\x00"); // a 60-tuple holding every level
    d.extend_from_slice(b"\xa9\x02NN");
    for i in 0..59u32 {
        d.extend_from_slice(b"\xa9\x02r");
        d.extend_from_slice(&i.to_le_bytes());
        d.push(b'r');
        d.extend_from_slice(&i.to_le_bytes());
    }
    let e = marshal::loads(&d).unwrap_err();
    assert!(matches!(e, MarshalError::Value(_)), "{e}");
    // A huge claimed length with little data fails as CPython's does (after it
    // allocates 16 GiB, which is why this input is not in BAD_INPUTS), and
    // without our allocating anything of that size.
    assert_eq!(
        marshal::loads(b"(\xff\xff\xff\x7fNN").map(|_| ()),
        Err(MarshalError::Eof("EOF read where object expected".into()))
    );
    // Lists, dicts and sets cannot be constants of a code object.
    assert!(Const::try_from(MarshalValue::List(vec![])).is_err());
}

/// A tiny deterministic generator: the corruption test must be reproducible.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn corrupted_data_never_panics() {
    let script = format!(
        "{VALUES}\nimport marshal, sys\nprint(marshal.dumps(VALUES).hex())\nprint(marshal.dumps(compile(open(sys.argv[1]).read(), 'x', 'exec')).hex())\n"
    );
    let file = stdlib_files()
        .into_iter()
        .find(|p| p.ends_with("contextlib.py"));
    let file = file.expect("contextlib.py");
    let out = python(&script, &[file.to_str().expect("utf-8")]);
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for line in out.lines() {
        let data = hex_decode(line);
        assert!(marshal::loads(&data).is_ok());
        for _ in 0..300 {
            let cut = (rng.next() as usize) % data.len();
            assert!(marshal::loads(&data[..cut]).is_err());
        }
        for _ in 0..1500 {
            let mut d = data.clone();
            for _ in 0..1 + rng.next() % 4 {
                let i = (rng.next() as usize) % d.len();
                d[i] = match rng.next() % 3 {
                    0 => rng.next() as u8,
                    1 => d[i] ^ (1 << (rng.next() % 8)),
                    _ => 0xff,
                };
            }
            if let Ok(v) = marshal::loads(&d) {
                let _ = marshal::dumps(&v, 4);
            }
        }
    }
}

/// Data nested as deep as the depth limit allows (code objects, each level a
/// code object and its co_consts tuple; plain tuples) must load, dump and fail
/// cleanly on the 2 MiB stack Rust gives a spawned thread, not overflow it.
#[test]
fn deeply_nested_code_objects_fit_the_stack() {
    fn nested(levels: usize) -> Vec<u8> {
        let mut d = Vec::new();
        for _ in 0..levels {
            d.push(b'c');
            d.extend_from_slice(&[0; 20]);
            d.extend_from_slice(b"s\x02\x00\x00\x00\x09\x00"); // co_code: NOP
            d.extend_from_slice(b")\x01"); // co_consts holds the next level
        }
        d.push(b'N');
        for _ in 0..levels {
            d.extend_from_slice(b")\x00)\x00s\x00\x00\x00\x00z\x01fz\x01fz\x01f");
            d.extend_from_slice(&1u32.to_le_bytes());
            d.extend_from_slice(b"s\x00\x00\x00\x00s\x00\x00\x00\x00");
        }
        d
    }
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let ok = marshal::loads(&nested(999)).and_then(|v| marshal::dumps(&v, 4));
            let ok = ok.and_then(|d| marshal::loads(&d)).map(|_| ());
            let too_deep = marshal::loads(&nested(1000)).map(|_| ());
            let mut tuples = b")\x01".repeat(1999);
            tuples.push(b'N');
            let tuples = marshal::loads(&tuples).and_then(|v| marshal::dumps(&v, 4));
            assert!(tuples.is_ok());
            (ok, too_deep)
        })
        .expect("spawn");
    let (ok, too_deep) = handle.join().expect("no stack overflow");
    assert_eq!(ok, Ok(()));
    assert_eq!(
        too_deep,
        Err(MarshalError::Value("recursion limit exceeded".into()))
    );
}
