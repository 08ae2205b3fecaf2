//! Field-by-field comparison of two code-object trees (pyrs's and CPython's),
//! children matched by position among the code constants, and the naming of a
//! difference's cause so that equal causes group together in the report.
//! The fields are those of CPython 3.11's code object (Objects/codeobject.c).

use pyrs_bytecode::{CodeObject, Const, Opcode};
use std::collections::BTreeMap;

/// One code object of CPython's tree that pyrs did not reproduce exactly.
pub struct Difference {
    pub file: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub fields: Vec<&'static str>,
    pub cause: String,
    /// The first differing instruction, when the bytecode differs.
    pub detail: String,
}

/// Counts over all compared files.
#[derive(Default)]
pub struct Tally {
    /// Per nesting depth (0 = module): (identical, total). Totals count CPython's
    /// code objects, so a code object pyrs failed to make counts as different.
    pub per_depth: Vec<(usize, usize)>,
    pub diffs: Vec<Difference>,
}

impl Tally {
    fn count(&mut self, depth: usize, identical: bool) {
        if self.per_depth.len() <= depth {
            self.per_depth.resize(depth + 1, (0, 0));
        }
        self.per_depth[depth].1 += 1;
        if identical {
            self.per_depth[depth].0 += 1;
        }
    }

    /// Every code object of `theirs` counted as different, for a file pyrs
    /// could not compile.
    pub fn count_missing(&mut self, file: &str, theirs: &CodeObject, depth: usize, cause: &str) {
        self.count(depth, false);
        self.diffs.push(Difference {
            file: file.to_string(),
            qualname: theirs.co_qualname.to_string(),
            firstlineno: theirs.co_firstlineno,
            fields: vec!["missing"],
            cause: cause.to_string(),
            detail: String::new(),
        });
        for c in &theirs.co_consts {
            if let Const::Code(inner) = c {
                self.count_missing(file, inner, depth + 1, cause);
            }
        }
    }

    /// Compares `ours` with `theirs` and their children, recursively.
    pub fn compare(&mut self, file: &str, ours: &CodeObject, theirs: &CodeObject, depth: usize) {
        let fields = differing_fields(ours, theirs);
        self.count(depth, fields.is_empty());
        if !fields.is_empty() {
            let cause = cause_of(ours, theirs, &fields);
            let detail = first_code_difference(ours, theirs).unwrap_or_default();
            self.diffs.push(Difference {
                file: file.to_string(),
                qualname: theirs.co_qualname.to_string(),
                firstlineno: theirs.co_firstlineno,
                fields,
                cause,
                detail,
            });
        }
        let ours_children = code_consts(ours);
        for (i, t) in code_consts(theirs).into_iter().enumerate() {
            match ours_children.get(i) {
                Some(o) => self.compare(file, o, t, depth + 1),
                None => self.count_missing(file, t, depth + 1, "code object missing in pyrs"),
            }
        }
    }

    /// How many code objects differ in each field.
    pub fn by_field(&self) -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for d in &self.diffs {
            for f in &d.fields {
                *m.entry(*f).or_insert(0) += 1;
            }
        }
        m
    }

    /// Differences grouped by cause, biggest group first.
    pub fn by_cause(&self) -> Vec<(&str, Vec<&Difference>)> {
        let mut m: BTreeMap<&str, Vec<&Difference>> = BTreeMap::new();
        for d in &self.diffs {
            m.entry(d.cause.as_str()).or_default().push(d);
        }
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        v
    }
}

fn code_consts(co: &CodeObject) -> Vec<&CodeObject> {
    co.co_consts
        .iter()
        .filter_map(|c| match c {
            Const::Code(inner) => Some(&**inner),
            _ => None,
        })
        .collect()
}

/// Constants equal as values, code objects only by position (they are compared
/// on their own).
fn consts_equal(a: &[Const], b: &[Const]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Const::Code(_), Const::Code(_)) => true,
            _ => const_equal(x, y),
        })
}

/// `same_key`, except that a frozenset's items may come in any order: marshal
/// writes them in hash-table order, which for strings depends on the
/// process's hash seed.
fn const_equal(x: &Const, y: &Const) -> bool {
    match (x, y) {
        (Const::FrozenSet(a), Const::FrozenSet(b)) => {
            a.len() == b.len()
                && a.iter().all(|p| b.iter().any(|q| const_equal(p, q)))
                && b.iter().all(|q| a.iter().any(|p| const_equal(p, q)))
        }
        (Const::Tuple(a), Const::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(p, q)| const_equal(p, q))
        }
        _ => x.same_key(y),
    }
}

fn differing_fields(a: &CodeObject, b: &CodeObject) -> Vec<&'static str> {
    let mut f = Vec::new();
    let mut check = |name, equal: bool| {
        if !equal {
            f.push(name);
        }
    };
    check("co_code", a.co_code == b.co_code);
    check("co_consts", consts_equal(&a.co_consts, &b.co_consts));
    check("co_names", a.co_names == b.co_names);
    check("co_varnames", a.co_varnames() == b.co_varnames());
    check("co_cellvars", a.co_cellvars() == b.co_cellvars());
    check("co_freevars", a.co_freevars() == b.co_freevars());
    check(
        "co_localsplusnames",
        a.co_localsplusnames == b.co_localsplusnames,
    );
    check(
        "co_localspluskinds",
        a.co_localspluskinds == b.co_localspluskinds,
    );
    check("co_linetable", a.co_linetable == b.co_linetable);
    check(
        "co_exceptiontable",
        a.co_exceptiontable == b.co_exceptiontable,
    );
    check("co_stacksize", a.co_stacksize == b.co_stacksize);
    check("co_flags", a.co_flags == b.co_flags);
    check("co_firstlineno", a.co_firstlineno == b.co_firstlineno);
    check("co_name", a.co_name == b.co_name);
    check("co_qualname", a.co_qualname == b.co_qualname);
    check("co_argcount", a.co_argcount == b.co_argcount);
    check(
        "co_posonlyargcount",
        a.co_posonlyargcount == b.co_posonlyargcount,
    );
    check(
        "co_kwonlyargcount",
        a.co_kwonlyargcount == b.co_kwonlyargcount,
    );
    check("co_filename", a.co_filename == b.co_filename);
    f
}

/// Instructions of `co_code` without caches, EXTENDED_ARG folded into the
/// argument: (offset in code units, opcode name, argument).
fn instructions(code: &[u8]) -> Vec<(usize, String, u32)> {
    let mut v = Vec::new();
    let mut i = 0;
    let mut ext: u32 = 0;
    while i + 1 < code.len() {
        let (op, arg) = (code[i], code[i + 1] as u32);
        let unit = i / 2;
        i += 2;
        match Opcode::from_u16(op as u16) {
            Some(Opcode::EXTENDED_ARG) => {
                ext = (ext | arg) << 8;
            }
            Some(o) => {
                v.push((unit, o.name().to_string(), ext | arg));
                ext = 0;
                i += 2 * o.cache_entries();
            }
            None => {
                v.push((unit, format!("<{op}>"), arg));
                ext = 0;
            }
        }
    }
    v
}

/// A short name for why `a` (pyrs) differs from `b` (CPython). For bytecode, the
/// first instruction that differs: "co_code: OURS vs THEIRS", or "co_code: arg of
/// OP" when only the argument does. Jump arguments are compared last: a forward
/// jump's argument changes with any difference after it, which is the cause.
/// Otherwise the differing fields.
fn cause_of(a: &CodeObject, b: &CodeObject, fields: &[&'static str]) -> String {
    if fields.contains(&"co_code") {
        let (ia, ib) = (instructions(&a.co_code), instructions(&b.co_code));
        for compare_jumps in [false, true] {
            for k in 0..ia.len().max(ib.len()) {
                match (ia.get(k), ib.get(k)) {
                    (Some(x), Some(y)) if x.1 != y.1 => {
                        return format!("co_code: {} vs {}", x.1, y.1);
                    }
                    (Some(x), Some(y)) if x.2 != y.2 && (compare_jumps || !is_jump(&x.1)) => {
                        return format!("co_code: arg of {}", x.1);
                    }
                    (Some(x), None) => return format!("co_code: {} vs end", x.1),
                    (None, Some(y)) => return format!("co_code: end vs {}", y.1),
                    _ => {}
                }
            }
        }
        return "co_code: caches".to_string();
    }
    fields.join("+")
}

fn is_jump(name: &str) -> bool {
    name.contains("JUMP") || name == "FOR_ITER" || name == "SEND"
}

/// Where the first differing instruction is, for the verbose listing.
fn first_code_difference(a: &CodeObject, b: &CodeObject) -> Option<String> {
    let (ia, ib) = (instructions(&a.co_code), instructions(&b.co_code));
    let show = |x: Option<&(usize, String, u32)>| match x {
        Some((u, n, arg)) => format!("@{} {n} {arg}", u * 2),
        None => "end".to_string(),
    };
    let differs = |k: usize, compare_jumps: bool| match (ia.get(k), ib.get(k)) {
        (Some(x), Some(y)) => x.1 != y.1 || (x.2 != y.2 && (compare_jumps || !is_jump(&x.1))),
        _ => true,
    };
    let n = ia.len().max(ib.len());
    (0..n)
        .find(|&k| differs(k, false))
        .or_else(|| (0..n).find(|&k| differs(k, true)))
        .map(|k| format!("pyrs {} / cpython {}", show(ia.get(k)), show(ib.get(k))))
}
