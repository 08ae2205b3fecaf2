//! `_sre` (Modules/_sre/sre.c): the regular-expression engine that
//! Lib/re drives. This file owns the module, the `re.Pattern`, `re.Match`
//! and `SRE_Scanner` types and the loops of findall/sub/split; the matcher
//! itself is `engine.rs`, character classes and case mappings `chars.rs`.
//!
//! Each object keeps its state as Python values (`held.rs`): a Pattern a tuple (pattern, flags,
//! code as little-endian u32 bytes, groups, groupindex, indexgroup, isbytes),
//! a Match a tuple (string, pattern, pos, endpos, lastindex, regs), a
//! Scanner a list (pattern, string, start, end, must_advance, done).

mod chars;
mod engine;
mod tables;

use crate::args::{fargs, to_index};
use crate::held::{add_getters, held, new_held};
use engine::{Char, InvalidCode, State};
use num_traits::ToPrimitive;
use pyrs_vm::modules::{add_functions, set_attr};
use pyrs_vm::object::Payload;
use pyrs_vm::objects::native::{Args, MethodDef, NativeFn};
use pyrs_vm::objects::type_::BaseKind;
use pyrs_vm::types::args::{bind, kw};
use pyrs_vm::{ObjRef, PyErr, PyResult, Value, Vm};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

const MAGIC: i64 = 20220615;
const MAXGROUPS: i64 = 1_073_741_823;

/// `SRE_FLAG_*` in the order `pattern_repr` names them.
const FLAG_NAMES: [(i64, &str); 9] = [
    (1, "re.TEMPLATE"),
    (2, "re.IGNORECASE"),
    (4, "re.LOCALE"),
    (8, "re.MULTILINE"),
    (16, "re.DOTALL"),
    (32, "re.UNICODE"),
    (64, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (256, "re.ASCII"),
];
const FLAG_LOCALE: i64 = 4;
const FLAG_UNICODE: i64 = 32;
const FLAG_ASCII: i64 = 256;

struct SreTypes {
    pattern: ObjRef,
    match_: ObjRef,
    scanner: ObjRef,
}

thread_local! {
    static TYPES: RefCell<Option<std::rc::Rc<SreTypes>>> = const { RefCell::new(None) };
}

const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("compile", sre_compile),
    MethodDef::method("getcodesize", sre_getcodesize),
    MethodDef::method("ascii_iscased", sre_ascii_iscased),
    MethodDef::method("unicode_iscased", sre_unicode_iscased),
    MethodDef::method("ascii_tolower", sre_ascii_tolower),
    MethodDef::method("unicode_tolower", sre_unicode_tolower),
];

const PATTERN_METHODS: &[MethodDef] = &[
    MethodDef::method("match", pattern_match),
    MethodDef::method("fullmatch", pattern_fullmatch),
    MethodDef::method("search", pattern_search),
    MethodDef::method("findall", pattern_findall),
    MethodDef::method("finditer", pattern_finditer),
    MethodDef::method("scanner", pattern_scanner),
    MethodDef::method("sub", pattern_sub),
    MethodDef::method("subn", pattern_subn),
    MethodDef::method("split", pattern_split),
    MethodDef::method("__repr__", pattern_repr),
    MethodDef::method("__eq__", pattern_eq),
    MethodDef::method("__hash__", pattern_hash),
    MethodDef::method("__copy__", return_self),
    MethodDef::method("__deepcopy__", return_self_1),
];
const PATTERN_GETTERS: &[(&str, NativeFn)] = &[
    ("pattern", pattern_pattern),
    ("flags", pattern_flags),
    ("groups", pattern_groups),
    ("groupindex", pattern_groupindex),
];

const MATCH_METHODS: &[MethodDef] = &[
    MethodDef::method("group", match_group),
    MethodDef::method("groups", match_groups),
    MethodDef::method("groupdict", match_groupdict),
    MethodDef::method("start", match_start),
    MethodDef::method("end", match_end),
    MethodDef::method("span", match_span),
    MethodDef::method("expand", match_expand),
    MethodDef::method("__getitem__", match_getitem),
    MethodDef::method("__repr__", match_repr),
    MethodDef::method("__copy__", return_self),
    MethodDef::method("__deepcopy__", return_self_1),
];
const MATCH_GETTERS: &[(&str, NativeFn)] = &[
    ("string", match_string),
    ("re", match_re),
    ("pos", match_pos),
    ("endpos", match_endpos),
    ("lastindex", match_lastindex),
    ("lastgroup", match_lastgroup),
    ("regs", match_regs),
];

const SCANNER_METHODS: &[MethodDef] = &[
    MethodDef::method("match", scanner_match),
    MethodDef::method("search", scanner_search),
];
const SCANNER_GETTERS: &[(&str, NativeFn)] = &[("pattern", scanner_pattern)];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    set_attr(vm, module, "MAGIC", Value::Int(MAGIC));
    set_attr(vm, module, "CODESIZE", Value::Int(4));
    set_attr(
        vm,
        module,
        "MAXREPEAT",
        Value::Int(engine::MAXREPEAT as i64),
    );
    set_attr(vm, module, "MAXGROUPS", Value::Int(MAXGROUPS));
    let c = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    set_attr(vm, module, "copyright", c);
    types(vm);
    Ok(())
}

/// The three types, made on first use.
fn types(vm: &Vm) -> std::rc::Rc<SreTypes> {
    TYPES.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                std::rc::Rc::new(SreTypes {
                    pattern: generic(
                        vm,
                        make_type(vm, "Pattern", "re", PATTERN_METHODS, PATTERN_GETTERS),
                    ),
                    match_: generic(
                        vm,
                        make_type(vm, "Match", "re", MATCH_METHODS, MATCH_GETTERS),
                    ),
                    scanner: make_type(vm, "SRE_Scanner", "_sre", SCANNER_METHODS, SCANNER_GETTERS),
                })
            })
            .clone()
    })
}

/// `re.Pattern[str]`, `re.Match[bytes]`: generic aliases, as in CPython.
fn generic(vm: &Vm, ty: ObjRef) -> ObjRef {
    pyrs_vm::runtime::types::add_methods(
        vm.types(),
        &ty,
        pyrs_vm::types::generic_alias::CLASS_GETITEM,
    );
    ty
}

fn make_type(
    vm: &Vm,
    name: &'static str,
    module: &'static str,
    methods: &[MethodDef],
    getters: &[(&'static str, NativeFn)],
) -> ObjRef {
    let ty = crate::native::class(vm, module, name, None, BaseKind::Object, methods);
    add_getters(vm, &ty, getters);
    ty
}

fn invalid_code(vm: &Vm) -> PyErr {
    vm.runtime_error("invalid SRE code")
}

fn sre_err(vm: &Vm) -> impl Fn(InvalidCode) -> PyErr + '_ {
    move |_| invalid_code(vm)
}

// ----- module functions -----

fn sre_getcodesize(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(4))
}

/// The code point argument of the case helpers (an int).
fn char_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<u32> {
    let a = crate::args::check(vm, name, &fargs(args), 1, 1)?;
    let i = to_index(vm, &a[0])?;
    i.to_u32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

fn sre_ascii_iscased(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(chars::ascii_iscased(char_arg(
        vm,
        &args,
        "ascii_iscased",
    )?)))
}

fn sre_unicode_iscased(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(chars::unicode_iscased(char_arg(
        vm,
        &args,
        "unicode_iscased",
    )?)))
}

fn sre_ascii_tolower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        chars::lower_ascii(char_arg(vm, &args, "ascii_tolower")?) as i64,
    ))
}

fn sre_unicode_tolower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        chars::lower_unicode(char_arg(vm, &args, "unicode_tolower")?) as i64,
    ))
}

/// `compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn sre_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pattern, flags, code, groups, groupindex, indexgroup] = bind(
        vm,
        "compile",
        &fargs(&args),
        [
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        6,
        0,
    )?
    .map(|v| v.unwrap_or(Value::None));
    let flags_i = vm.to_i64(&flags, "")?;
    let Some(Payload::List(items)) = code.payload() else {
        return Err(vm.type_error(format!(
            "compile() argument 'code' must be list, not {}",
            vm.type_name(&code)
        )));
    };
    let items = items.get().clone();
    let mut bytes = Vec::with_capacity(items.len() * 4);
    for v in &items {
        let i = to_index(vm, v)?;
        let Some(w) = i.to_u32() else {
            return Err(vm.overflow_error("regular expression code size limit exceeded"));
        };
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    let groups_i = vm.to_i64(&groups, "")?;
    if !(0..=MAXGROUPS).contains(&groups_i) {
        return Err(vm.runtime_error("invalid SRE code"));
    }
    if !matches!(groupindex.payload(), Some(Payload::Dict(_))) {
        return Err(vm.type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            vm.type_name(&groupindex)
        )));
    }
    if indexgroup.as_tuple().is_none() {
        return Err(vm.type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            vm.type_name(&indexgroup)
        )));
    }
    let isbytes = match &pattern {
        Value::None => Value::None,
        p if p.as_str().is_some() => Value::Bool(false),
        p => {
            if pyrs_vm::types::bytes::bytes_like(p).is_none() {
                return Err(vm.type_error(format!(
                    "expected string or bytes-like object, got '{}'",
                    vm.type_name(p)
                )));
            }
            Value::Bool(true)
        }
    };
    let state = vm.new_tuple(vec![
        pattern,
        Value::Int(flags_i),
        vm.new_bytes(bytes),
        Value::Int(groups_i),
        groupindex,
        indexgroup,
        isbytes,
    ]);
    let ty = types(vm).pattern.clone();
    Ok(new_held(&ty, state))
}

// ----- object state -----

/// The state tuple (or list) of an object of type `ty`.
fn state_of(vm: &Vm, v: &Value, ty: &ObjRef, what: &str) -> PyResult<Value> {
    if let Some(st) = held(vm, v, ty) {
        return Ok(st);
    }
    Err(vm.type_error(format!(
        "descriptor '{what}' for '{}' objects doesn't apply to a '{}' object",
        pyrs_vm::runtime::types::tp_name(ty),
        vm.type_name(v)
    )))
}

fn items_of(v: &Value) -> Vec<Value> {
    match v.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => l.get().clone(),
        _ => Vec::new(),
    }
}

struct PatternData {
    obj: Value,
    pattern: Value,
    flags: i64,
    code: Vec<u32>,
    groups: usize,
    groupindex: Value,
    indexgroup: Value,
    /// None when the pattern was compiled from a parsed tree.
    isbytes: Option<bool>,
}

fn pattern_data(vm: &Vm, v: &Value, what: &str) -> PyResult<PatternData> {
    let ty = types(vm).pattern.clone();
    let st = items_of(&state_of(vm, v, &ty, what)?);
    if st.len() != 7 {
        return Err(invalid_code(vm));
    }
    let code = match st[2].payload() {
        Some(Payload::Bytes(b)) => b
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
        _ => Vec::new(),
    };
    Ok(PatternData {
        obj: v.clone(),
        pattern: st[0].clone(),
        flags: int_of(&st[1]),
        code,
        groups: int_of(&st[3]) as usize,
        groupindex: st[4].clone(),
        indexgroup: st[5].clone(),
        isbytes: match st[6] {
            Value::Bool(b) => Some(b),
            _ => None,
        },
    })
}

fn int_of(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => -1,
    }
}

/// A subject as the matcher sees it: bytes (a bytes-like object, or an
/// ASCII str borrowed as its UTF-8 bytes) or code points.
enum Text<'a> {
    Narrow(Cow<'a, [u8]>),
    Wide(Rc<Vec<u32>>),
}

thread_local! {
    /// The code points of the last non-ASCII str subject, with that str kept
    /// alive so that its identity stays meaningful: finditer, scanners and
    /// repeated searches of one text convert it once, not once per call.
    static WIDE_CACHE: RefCell<Option<(Value, Rc<Vec<u32>>)>> = const { RefCell::new(None) };
}

fn wide_text(v: &Value, s: &str) -> Rc<Vec<u32>> {
    if let Some(w) = WIDE_CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(k, _)| k.is(v))
            .map(|(_, w)| w.clone())
    }) {
        return w;
    }
    let w: Rc<Vec<u32>> = Rc::new(s.chars().map(|c| c as u32).collect());
    // Swap the entry out before dropping the old one: dropping a str runs
    // no Python code, but the cell must not be borrowed while it happens.
    let old = WIDE_CACHE.with(|c| c.borrow_mut().replace((v.clone(), w.clone())));
    drop(old);
    w
}

impl Text<'_> {
    fn len(&self) -> usize {
        match self {
            Text::Narrow(b) => b.len(),
            Text::Wide(w) => w.len(),
        }
    }
}

/// `getstring`: the subject's characters and whether it is bytes-like.
fn get_text<'a>(vm: &Vm, v: &'a Value) -> PyResult<(Text<'a>, bool)> {
    match v.payload() {
        Some(Payload::Str(s)) => {
            if s.is_ascii() {
                Ok((Text::Narrow(Cow::Borrowed(s.as_str().as_bytes())), false))
            } else {
                Ok((Text::Wide(wide_text(v, s.as_str())), false))
            }
        }
        Some(Payload::Bytes(b)) => Ok((Text::Narrow(Cow::Borrowed(b)), true)),
        _ => match pyrs_vm::types::bytes::bytes_like(v) {
            Some(b) => Ok((Text::Narrow(Cow::Owned(b)), true)),
            None => Err(vm.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                vm.type_name(v)
            ))),
        },
    }
}

/// The subject of a pattern call, checked against the pattern's kind.
fn subject<'a>(vm: &Vm, pd: &PatternData, v: &'a Value) -> PyResult<Text<'a>> {
    let (text, isbytes) = get_text(vm, v)?;
    match pd.isbytes {
        Some(false) if isbytes => {
            Err(vm.type_error("cannot use a string pattern on a bytes-like object"))
        }
        Some(true) if !isbytes => {
            Err(vm.type_error("cannot use a bytes pattern on a string-like object"))
        }
        _ => Ok(text),
    }
}

/// Run `$body` with `$s` bound to the subject's slice of u8 or u32.
macro_rules! with_text {
    ($text:expr, $s:ident => $body:expr) => {
        match &$text {
            Text::Narrow(b) => {
                let $s: &[u8] = b;
                $body
            }
            Text::Wide(w) => {
                let $s: &[u32] = w;
                $body
            }
        }
    };
}

/// Make a str or bytes value from subject characters.
trait MakeValue: Char {
    fn make(vm: &Vm, s: &[Self], isbytes: bool) -> Value;
}
impl MakeValue for u8 {
    fn make(vm: &Vm, s: &[u8], isbytes: bool) -> Value {
        if isbytes {
            vm.new_bytes(s.to_vec())
        } else {
            // A narrow str subject is ASCII.
            vm.new_str(String::from_utf8_lossy(s).into_owned())
        }
    }
}
impl MakeValue for u32 {
    fn make(vm: &Vm, s: &[u32], _isbytes: bool) -> Value {
        vm.new_str(
            s.iter()
                .filter_map(|&c| char::from_u32(c))
                .collect::<String>(),
        )
    }
}

/// A successful match: the spans of group 0 and each group (-1 when it did
/// not match) and lastindex.
struct MatchResult {
    spans: Vec<(i64, i64)>,
    lastindex: i64,
}

fn result_of<C: Char>(st: &State<C>, groups: usize) -> PyResult<MatchResult> {
    let mut spans = vec![(st.start as i64, st.ptr as i64)];
    for g in 1..=groups {
        spans.push(match st.group_span(g) {
            Some((a, b)) => (a as i64, b as i64),
            None => (-1, -1),
        });
    }
    Ok(MatchResult {
        spans,
        lastindex: st.lastindex as i64,
    })
}

fn check_spans(vm: &Vm, r: &MatchResult) -> PyResult<()> {
    if r.spans.iter().any(|&(a, b)| a > b) {
        return Err(vm.system_error(
            "The span of capturing group is wrong, please report a bug for the re module.",
        ));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// `pos`/`endpos` as `state_init` adjusts them to `0..=len`.
fn bounds(
    vm: &mut Vm,
    pos: &Option<Value>,
    endpos: &Option<Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let mut clamp = |v: &Option<Value>, dflt: usize| -> PyResult<usize> {
        match v {
            None => Ok(dflt),
            Some(v) => {
                let i = to_index(vm, v)?;
                Ok(match i.to_i64() {
                    Some(i) if i < 0 => 0,
                    Some(i) => (i as u64).min(len as u64) as usize,
                    None if i.sign() == num_bigint::Sign::Minus => 0,
                    None => len,
                })
            }
        }
    };
    let start = clamp(pos, 0)?;
    let end = clamp(endpos, len)?;
    Ok((start, end))
}

fn run_once<C: Char>(
    vm: &Vm,
    pd: &PatternData,
    s: &[C],
    start: usize,
    end: usize,
    mode: Mode,
) -> PyResult<Option<MatchResult>> {
    let mut st = State::new(s, &pd.code, pd.groups, start, end);
    let ok = match mode {
        Mode::Search => st.search(),
        Mode::Match => st.pymatch(),
        Mode::FullMatch => {
            st.match_all = true;
            st.pymatch()
        }
    }
    .map_err(sre_err(vm))?;
    if ok {
        Ok(Some(result_of(&st, pd.groups)?))
    } else {
        Ok(None)
    }
}

fn new_match(
    vm: &Vm,
    pd: &PatternData,
    string: &Value,
    pos: usize,
    endpos: usize,
    r: &MatchResult,
) -> PyResult<Value> {
    check_spans(vm, r)?;
    let regs: Vec<Value> = r
        .spans
        .iter()
        .map(|&(a, b)| vm.new_tuple(vec![Value::Int(a), Value::Int(b)]))
        .collect();
    let lastindex = if r.lastindex >= 0 {
        Value::Int(r.lastindex)
    } else {
        Value::None
    };
    let state = vm.new_tuple(vec![
        string.clone(),
        pd.obj.clone(),
        Value::Int(pos as i64),
        Value::Int(endpos as i64),
        lastindex,
        vm.new_tuple(regs),
    ]);
    let ty = types(vm).match_.clone();
    Ok(new_held(&ty, state))
}

// ----- Pattern -----

fn pattern_call(vm: &mut Vm, args: Args, name: &str, mode: Mode) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], name)?;
    let [string, pos, endpos] = kw(vm, name, &args, ["string", "pos", "endpos"], 1, 0)?;
    let string = string.unwrap_or(Value::None);
    let text = subject(vm, &pd, &string)?;
    let (start, end) = bounds(vm, &pos, &endpos, text.len())?;
    if mode == Mode::Search && start > end {
        return Ok(Value::None);
    }
    let r = with_text!(text, s => run_once(vm, &pd, s, start, end, mode))?;
    match r {
        Some(r) => new_match(vm, &pd, &string, start, end, &r),
        None => Ok(Value::None),
    }
}

fn pattern_match(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pattern_call(vm, args, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pattern_call(vm, args, "fullmatch", Mode::FullMatch)
}

fn pattern_search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pattern_call(vm, args, "search", Mode::Search)
}

/// Each non-overlapping match of a search from `start`, as `f` sees it; `f`
/// returns false to stop. An empty match right after the previous match is
/// allowed, one at the same place as an empty match is not.
fn each_match<C: Char>(
    vm: &mut Vm,
    pd: &PatternData,
    s: &[C],
    start: usize,
    end: usize,
    mut f: impl FnMut(&mut Vm, &State<C>) -> PyResult<bool>,
) -> PyResult<()> {
    if start > end {
        return Ok(());
    }
    let mut st = State::new(s, &pd.code, pd.groups, start, end);
    loop {
        if !st.search().map_err(sre_err(vm))? {
            return Ok(());
        }
        if !f(vm, &st)? {
            return Ok(());
        }
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
}

fn pattern_findall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], "findall")?;
    let [string, pos, endpos] = kw(vm, "findall", &args, ["string", "pos", "endpos"], 1, 0)?;
    let string = string.unwrap_or(Value::None);
    let text = subject(vm, &pd, &string)?;
    let isbytes = matches!(text, Text::Narrow(_)) && string.as_str().is_none();
    let (start, end) = bounds(vm, &pos, &endpos, text.len())?;
    let mut out = Vec::new();
    with_text!(text, s => findall_in(vm, &pd, s, start, end, isbytes, &mut out))?;
    Ok(vm.new_list(out))
}

fn findall_in<C: MakeValue>(
    vm: &mut Vm,
    pd: &PatternData,
    s: &[C],
    start: usize,
    end: usize,
    isbytes: bool,
    out: &mut Vec<Value>,
) -> PyResult<()> {
    let groups = pd.groups;
    each_match(vm, pd, s, start, end, |vm, st| {
        let group = |g: usize| match st.group_span(g) {
            Some((a, b)) => C::make(vm, &s[a..b], isbytes),
            None => C::make(vm, &[], isbytes),
        };
        let item = match groups {
            0 => C::make(vm, &s[st.start..st.ptr], isbytes),
            1 => group(1),
            n => vm.new_tuple((1..=n).map(group).collect::<Vec<_>>()),
        };
        out.push(item);
        Ok(true)
    })
}

fn new_scanner(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], name)?;
    let [string, pos, endpos] = kw(vm, name, args, ["string", "pos", "endpos"], 1, 0)?;
    let string = string.unwrap_or(Value::None);
    let text = subject(vm, &pd, &string)?;
    let (start, end) = bounds(vm, &pos, &endpos, text.len())?;
    let state = vm.new_list(vec![
        pd.obj.clone(),
        string.clone(),
        Value::Int(start as i64),
        Value::Int(end as i64),
        Value::Bool(false),
        Value::Bool(false),
        Value::Int(start as i64),
    ]);
    let ty = types(vm).scanner.clone();
    Ok(new_held(&ty, state))
}

fn pattern_scanner(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_scanner(vm, &args, "scanner")
}

fn pattern_finditer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let scanner = new_scanner(vm, &args, "finditer")?;
    let search = vm.getattr_str(&scanner, "search")?;
    Ok(pyrs_vm::types::iterators::callable_iter(
        vm,
        search,
        Value::None,
    ))
}

/// The output of sub(): str or bytes, built piece by piece; `index` counts
/// the pieces as CPython's join numbers them in its messages.
struct Joiner {
    isbytes: bool,
    text: String,
    bytes: Vec<u8>,
    index: usize,
}

impl Joiner {
    fn push_chars<C: Char>(&mut self, s: &[C]) {
        if s.is_empty() {
            return;
        }
        for &c in s {
            if self.isbytes {
                self.bytes.push(c.code() as u8);
            } else if let Some(ch) = char::from_u32(c.code()) {
                self.text.push(ch);
            }
        }
        self.index += 1;
    }

    fn push_value(&mut self, vm: &Vm, v: &Value) -> PyResult<()> {
        if self.isbytes {
            match pyrs_vm::types::bytes::bytes_like(v) {
                Some(b) => self.bytes.extend_from_slice(&b),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {}: expected a bytes-like object, {} found",
                        self.index,
                        vm.type_name(v)
                    )))
                }
            }
        } else {
            match v.as_str() {
                Some(s) => self.text.push_str(s),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {}: expected str instance, {} found",
                        self.index,
                        vm.type_name(v)
                    )))
                }
            }
        }
        self.index += 1;
        Ok(())
    }
}

fn pattern_subx(vm: &mut Vm, args: Args, name: &str, subn: bool) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], name)?;
    let [repl, string, count] = kw(vm, name, &args, ["repl", "string", "count"], 2, 0)?;
    let repl = repl.unwrap_or(Value::None);
    let string = string.unwrap_or(Value::None);
    let count = match &count {
        Some(c) => to_index(vm, c)?.to_i64().unwrap_or(i64::MAX),
        None => 0,
    };
    let text = subject(vm, &pd, &string)?;
    let isbytes = string.as_str().is_none();
    // `filter` is either a literal replacement or a callable.
    let (filter, callable) = if vm.is_callable(&repl) {
        (repl, true)
    } else {
        let literal = match get_text(vm, &repl) {
            Ok((Text::Narrow(b), _)) => !b.contains(&b'\\'),
            Ok((Text::Wide(w), _)) => !w.contains(&('\\' as u32)),
            Err(_) => false,
        };
        if literal {
            (repl, false)
        } else {
            let re = vm.import_absolute("re")?;
            let subx = vm.getattr_str(&re, "_subx")?;
            let f = vm.call(&subx, &[args.args[0].clone(), repl])?;
            let c = vm.is_callable(&f);
            (f, c)
        }
    };
    let len = text.len();
    let mut out = Joiner {
        isbytes,
        text: String::new(),
        bytes: Vec::new(),
        index: 0,
    };
    let mut n = 0i64;
    with_text!(text, s => {
        let mut i = 0usize;
        each_match(vm, &pd, s, 0, len, |vm, st| {
            if count > 0 && n >= count || count < 0 {
                return Ok(false);
            }
            let (b, e) = (st.start, st.ptr);
            out.push_chars(&s[i..b]);
            if callable {
                let r = result_of(st, pd.groups)?;
                let m = new_match(vm, &pd, &string, 0, len, &r)?;
                let item = vm.call(&filter, &[m])?;
                if !matches!(item, Value::None) {
                    out.push_value(vm, &item)?;
                }
            } else {
                out.push_value(vm, &filter)?;
            }
            i = e;
            n += 1;
            Ok(true)
        })?;
        out.push_chars(&s[i..]);
        PyResult::Ok(())
    })?;
    let result = if isbytes {
        vm.new_bytes(out.bytes)
    } else {
        vm.new_str(out.text)
    };
    if subn {
        Ok(vm.new_tuple(vec![result, Value::Int(n)]))
    } else {
        Ok(result)
    }
}

fn pattern_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pattern_subx(vm, args, "sub", false)
}

fn pattern_subn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pattern_subx(vm, args, "subn", true)
}

fn pattern_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], "split")?;
    let [string, maxsplit] = kw(vm, "split", &args, ["string", "maxsplit"], 1, 0)?;
    let string = string.unwrap_or(Value::None);
    let maxsplit = match &maxsplit {
        Some(c) => to_index(vm, c)?.to_i64().unwrap_or(i64::MAX),
        None => 0,
    };
    let text = subject(vm, &pd, &string)?;
    let isbytes = string.as_str().is_none();
    let len = text.len();
    let mut out = Vec::new();
    with_text!(text, s => split_in(vm, &pd, s, len, maxsplit, isbytes, &mut out))?;
    Ok(vm.new_list(out))
}

fn split_in<C: MakeValue>(
    vm: &mut Vm,
    pd: &PatternData,
    s: &[C],
    len: usize,
    maxsplit: i64,
    isbytes: bool,
    out: &mut Vec<Value>,
) -> PyResult<()> {
    let mut last = 0usize;
    let mut n = 0i64;
    if maxsplit >= 0 {
        each_match(vm, pd, s, 0, len, |vm, st| {
            if maxsplit > 0 && n >= maxsplit {
                return Ok(false);
            }
            out.push(C::make(vm, &s[last..st.start], isbytes));
            for g in 1..=pd.groups {
                out.push(match st.group_span(g) {
                    Some((a, b)) => C::make(vm, &s[a..b], isbytes),
                    None => Value::None,
                });
            }
            n += 1;
            last = st.ptr;
            Ok(true)
        })?;
    }
    out.push(C::make(vm, &s[last..], isbytes));
    Ok(())
}

fn pattern_pattern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(pattern_data(vm, &args.args[0], "pattern")?.pattern)
}

fn pattern_flags(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(pattern_data(vm, &args.args[0], "flags")?.flags))
}

fn pattern_groups(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        pattern_data(vm, &args.args[0], "groups")?.groups as i64,
    ))
}

/// A copy, so that changing it cannot confuse the pattern.
fn pattern_groupindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], "groupindex")?;
    let dict = Value::Obj(vm.types().dict.clone());
    vm.call(&dict, &[pd.groupindex])
}

fn pattern_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], "__repr__")?;
    let mut flags = pd.flags;
    // The default re.UNICODE of a str pattern goes unsaid.
    if pd.isbytes == Some(false)
        && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE
    {
        flags &= !FLAG_UNICODE;
    }
    let r = vm.repr_string(&pd.pattern)?;
    let r: String = r.chars().take(200).collect();
    let mut out = format!("re.compile({r}");
    if flags != 0 {
        let mut names = Vec::new();
        for (bit, name) in FLAG_NAMES {
            if flags & bit != 0 {
                names.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            names.push(format!("0x{flags:x}"));
        }
        out.push_str(", ");
        out.push_str(&names.join("|"));
    }
    out.push(')');
    Ok(vm.new_str(out))
}

fn pattern_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pattern_data(vm, &args.args[0], "__eq__")?;
    let other = args.pos().get(1).cloned().unwrap_or(Value::None);
    let ty = types(vm).pattern.clone();
    if !vm.type_of(&other).is(&ty) {
        return Ok(vm.not_implemented());
    }
    let b = pattern_data(vm, &other, "__eq__")?;
    if a.obj.is(&b.obj) {
        return Ok(Value::Bool(true));
    }
    let same = a.flags == b.flags
        && a.isbytes == b.isbytes
        && a.code == b.code
        && vm.eq(&a.pattern, &b.pattern)?;
    Ok(Value::Bool(same))
}

fn pattern_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pd = pattern_data(vm, &args.args[0], "__hash__")?;
    let mut h = vm.hash(&pd.pattern)?;
    h ^= pd.flags ^ pd.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

fn return_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn return_self_1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pyrs_vm::types::args::pos(vm, "__deepcopy__", &args, 1, 1)?;
    Ok(args.args[0].clone())
}

// ----- Match -----

struct MatchData {
    string: Value,
    pattern: Value,
    pos: i64,
    endpos: i64,
    lastindex: Value,
    regs: Value,
    spans: Vec<(i64, i64)>,
}

fn match_data(vm: &Vm, v: &Value, what: &str) -> PyResult<MatchData> {
    let ty = types(vm).match_.clone();
    let st = items_of(&state_of(vm, v, &ty, what)?);
    if st.len() != 6 {
        return Err(invalid_code(vm));
    }
    let spans = items_of(&st[5])
        .iter()
        .map(|p| {
            let p = items_of(p);
            (int_of(&p[0]), int_of(&p[1]))
        })
        .collect();
    Ok(MatchData {
        string: st[0].clone(),
        pattern: st[1].clone(),
        pos: int_of(&st[2]),
        endpos: int_of(&st[3]),
        lastindex: st[4].clone(),
        regs: st[5].clone(),
        spans,
    })
}

/// `match_getindex`: an int (or index) group number, or a group name.
fn group_index(vm: &mut Vm, md: &MatchData, g: &Value) -> PyResult<usize> {
    let no_such = |vm: &Vm| vm.index_error("no such group");
    let i = if pyrs_vm::protocol::object::as_int(g).is_some() {
        to_index(vm, g)?.to_i64().unwrap_or(-1)
    } else {
        let pd = pattern_data(vm, &md.pattern, "group")?;
        let found = match pd.groupindex.as_obj() {
            Some(d) if matches!(d.payload, Payload::Dict(_)) => {
                if vm.hash(g).is_err() {
                    return Err(no_such(vm));
                }
                vm.dict_get(d, g)?
            }
            _ => None,
        };
        match found {
            Some(v) if pyrs_vm::protocol::object::as_int(&v).is_some() => {
                to_index(vm, &v)?.to_i64().unwrap_or(-1)
            }
            _ => return Err(no_such(vm)),
        }
    };
    if i < 0 || i as usize >= md.spans.len() {
        return Err(no_such(vm));
    }
    Ok(i as usize)
}

/// The text of group `i`, or `default` when it did not match.
fn group_value(vm: &Vm, md: &MatchData, i: usize, default: &Value) -> PyResult<Value> {
    let (a, b) = md.spans[i];
    if a < 0 || b < 0 {
        return Ok(default.clone());
    }
    substr(vm, &md.string, a as usize, b as usize)
}

/// `string[a:b]` as a new str or bytes (`getslice`).
fn substr(vm: &Vm, string: &Value, a: usize, b: usize) -> PyResult<Value> {
    match string.payload() {
        Some(Payload::Str(s)) => {
            let n = s.char_len();
            let (a, b) = (a.min(n), b.min(n).max(a.min(n)));
            let (x, y) = s.byte_range(a, b);
            Ok(vm.new_str(&s.as_str()[x..y]))
        }
        _ => {
            let bytes = pyrs_vm::types::bytes::bytes_like(string).unwrap_or_default();
            let n = bytes.len();
            let (a, b) = (a.min(n), b.min(n).max(a.min(n)));
            Ok(vm.new_bytes(bytes[a..b].to_vec()))
        }
    }
}

fn match_group(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let md = match_data(vm, &args.args[0], "group")?;
    if args.has_kwargs() {
        return Err(vm.type_error("group() takes no keyword arguments"));
    }
    let gs = &args.pos()[1..];
    match gs.len() {
        0 => group_value(vm, &md, 0, &Value::None),
        1 => {
            let i = group_index(vm, &md, &gs[0])?;
            group_value(vm, &md, i, &Value::None)
        }
        _ => {
            let mut out = Vec::with_capacity(gs.len());
            for g in gs {
                let i = group_index(vm, &md, g)?;
                out.push(group_value(vm, &md, i, &Value::None)?);
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let md = match_data(vm, &args.args[0], "__getitem__")?;
    let a = pyrs_vm::types::args::pos(vm, "__getitem__", &args, 1, 1)?;
    let i = group_index(vm, &md, &a[0])?;
    group_value(vm, &md, i, &Value::None)
}

fn match_groups(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let md = match_data(vm, &args.args[0], "groups")?;
    let [default] = kw(vm, "groups", &args, ["default"], 0, 0)?;
    let default = default.unwrap_or(Value::None);
    let mut out = Vec::new();
    for i in 1..md.spans.len() {
        out.push(group_value(vm, &md, i, &default)?);
    }
    Ok(vm.new_tuple(out))
}

fn match_groupdict(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let md = match_data(vm, &args.args[0], "groupdict")?;
    let [default] = kw(vm, "groupdict", &args, ["default"], 0, 0)?;
    let default = default.unwrap_or(Value::None);
    let pd = pattern_data(vm, &md.pattern, "groupdict")?;
    let out = vm.new_dict();
    let Some(gi) = pd.groupindex.as_obj().cloned() else {
        return Ok(Value::Obj(out));
    };
    let keys = vm.iterate(&Value::Obj(gi))?;
    for k in keys {
        let i = group_index(vm, &md, &k)?;
        let v = group_value(vm, &md, i, &default)?;
        vm.dict_set(&out, k, v)?;
    }
    Ok(Value::Obj(out))
}

/// The group argument of start/end/span (default 0).
fn span_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(i64, i64)> {
    let md = match_data(vm, &args.args[0], name)?;
    let a = pyrs_vm::types::args::pos(vm, name, args, 0, 1)?;
    let i = match a.first() {
        Some(g) => group_index(vm, &md, g)?,
        None => 0,
    };
    Ok(md.spans[i])
}

fn match_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(span_arg(vm, &args, "start")?.0))
}

fn match_end(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(span_arg(vm, &args, "end")?.1))
}

fn match_span(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = span_arg(vm, &args, "span")?;
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b)]))
}

/// `expand(template)`: Lib/re's `_expand` does the work.
fn match_expand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let md = match_data(vm, &args.args[0], "expand")?;
    let [template] = kw(vm, "expand", &args, ["template"], 1, 0)?;
    let re = vm.import_absolute("re")?;
    let f = vm.getattr_str(&re, "_expand")?;
    vm.call(
        &f,
        &[
            md.pattern,
            args.args[0].clone(),
            template.unwrap_or(Value::None),
        ],
    )
}

fn match_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let md = match_data(vm, &args.args[0], "__repr__")?;
    let g0 = group_value(vm, &md, 0, &Value::None)?;
    let r = vm.repr_string(&g0)?;
    let r: String = r.chars().take(50).collect();
    let (a, b) = md.spans[0];
    Ok(vm.new_str(format!("<re.Match object; span=({a}, {b}), match={r}>")))
}

fn match_string(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match_data(vm, &args.args[0], "string")?.string)
}

fn match_re(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match_data(vm, &args.args[0], "re")?.pattern)
}

fn match_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(match_data(vm, &args.args[0], "pos")?.pos))
}

fn match_endpos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(match_data(vm, &args.args[0], "endpos")?.endpos))
}

fn match_lastindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match_data(vm, &args.args[0], "lastindex")?.lastindex)
}

fn match_lastgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let md = match_data(vm, &args.args[0], "lastgroup")?;
    let Value::Int(i) = md.lastindex else {
        return Ok(Value::None);
    };
    let pd = pattern_data(vm, &md.pattern, "lastgroup")?;
    Ok(pd
        .indexgroup
        .as_tuple()
        .and_then(|t| t.get(i as usize).cloned())
        .unwrap_or(Value::None))
}

fn match_regs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match_data(vm, &args.args[0], "regs")?.regs)
}

// ----- Scanner -----

fn scanner_step(vm: &mut Vm, args: Args, name: &str, mode: Mode) -> PyResult<Value> {
    let ty = types(vm).scanner.clone();
    let list = state_of(vm, &args.args[0], &ty, name)?;
    pyrs_vm::types::args::pos(vm, name, &args, 0, 0)?;
    let st = items_of(&list);
    if st.len() != 7 {
        return Err(invalid_code(vm));
    }
    if matches!(st[5], Value::Bool(true)) {
        return Ok(Value::None);
    }
    let pd = pattern_data(vm, &st[0], name)?;
    let string = st[1].clone();
    let (start, end) = (int_of(&st[2]) as usize, int_of(&st[3]) as usize);
    let must_advance = matches!(st[4], Value::Bool(true));
    let text = subject(vm, &pd, &string)?;
    let found = with_text!(text, s => {
        if start > end && mode == Mode::Search {
            None
        } else {
            let mut state = State::new(s, &pd.code, pd.groups, start, end);
            state.must_advance = must_advance;
            let ok = if mode == Mode::Search {
                state.search()
            } else {
                state.pymatch()
            }
            .map_err(sre_err(vm))?;
            if ok {
                Some(result_of(&state, pd.groups)?)
            } else {
                None
            }
        }
    });
    let Some(Payload::List(l)) = list.payload() else {
        return Err(invalid_code(vm));
    };
    match found {
        None => {
            if let Some(done) = l.get_mut().get_mut(5) {
                *done = Value::Bool(true);
            }
            Ok(Value::None)
        }
        Some(r) => {
            let (b, e) = r.spans[0];
            let m = new_match(vm, &pd, &string, int_of(&st[6]) as usize, end, &r)?;
            let items = l.get_mut();
            if items.len() == 7 {
                items[2] = Value::Int(e);
                items[4] = Value::Bool(b == e);
            }
            Ok(m)
        }
    }
}

fn scanner_match(vm: &mut Vm, args: Args) -> PyResult<Value> {
    scanner_step(vm, args, "match", Mode::Match)
}

fn scanner_search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    scanner_step(vm, args, "search", Mode::Search)
}

fn scanner_pattern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ty = types(vm).scanner.clone();
    let list = state_of(vm, &args.args[0], &ty, "pattern")?;
    Ok(items_of(&list).first().cloned().unwrap_or(Value::None))
}
