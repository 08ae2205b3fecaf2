//! Code objects at run time: the CPython 3.11 code object as loaded or compiled,
//! its constants and names as Python values, and the executed form: the code
//! "quickened" into our own instruction stream (DESIGN.md decision 2). Loading
//! also verifies the bytecode, so the eval loop can trust it (decision 5).

use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::str::PyStr;
use crate::runtime::types::Types;
use crate::value::Value;
use pyrs_bytecode::opcode::{OpFlags, Opcode};
use pyrs_bytecode::{CodeObject, Const};
use std::rc::Rc;

/// One instruction of the executed form. There is one per code unit of
/// `co_code`, so an index is also `f_lasti / 2`; cache units and EXTENDED_ARG
/// prefixes become `NOP`s that the previous instruction skips or that fall
/// through. Jump arguments are absolute instruction indexes.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

/// LOAD_GLOBAL's inline cache: where the name was found, valid while the
/// dicts' versions are unchanged (versions are globally unique, so a version
/// also identifies the dict).
#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals_version: u64,
    /// Zero when the name was found in the globals.
    pub builtins_version: u64,
    pub index: u32,
}

pub struct Code {
    /// Shared with the marshal tree it was loaded from (and with `marshal.dumps`).
    pub co: Rc<CodeObject>,
    pub consts: Box<[Value]>,
    /// `co_names` as str objects.
    pub names: Box<[Value]>,
    /// `co_localsplusnames` as str objects.
    pub localsplusnames: Box<[Value]>,
    pub instrs: Box<[Instr]>,
    /// The number of positional parameters that are also cells, with their
    /// indexes (MAKE_CELL wraps them; listed to bind arguments by name fast).
    pub nlocalsplus: usize,
    /// Argument names as Rust strings, for binding keyword arguments.
    pub arg_names: Box<[Rc<str>]>,
    pub stacksize: usize,
    /// No keyword-only parameters, `*args` or `**kwargs`.
    pub simple_args: bool,
    /// One per LOAD_GLOBAL; the instruction's first cache slot holds the index.
    pub global_caches: Box<[GilCell<GlobalCache>]>,
    /// A cache of `__name__`-independent data: the qualname as a str object.
    pub qualname: GilCell<Value>,
}

/// Make a str object from a Rust string without a `Vm` (used while loading).
pub fn str_obj(types: &Types, s: &str) -> Value {
    Value::Obj(ObjRef::new(&types.str_, Payload::Str(PyStr::new(s))))
}

thread_local! {
    /// Interned strs (`sys.intern`'s table): the first str object seen with
    /// each value. Entries live as long as the thread (CPython 3.11 lets
    /// them die).
    static INTERNED: std::cell::RefCell<crate::fast_hash::FastHashMap<Box<str>, Value>> =
        std::cell::RefCell::new(crate::fast_hash::FastHashMap::default());
}

/// `sys.intern(v)` for an exact str `v`.
pub fn intern_value(v: &Value) -> Value {
    let Some(text) = v.as_str() else {
        return v.clone();
    };
    INTERNED.with(|t| {
        t.borrow_mut()
            .entry(text.into())
            .or_insert_with(|| v.clone())
            .clone()
    })
}

/// The interned str object for `s`. Code objects intern their names and
/// identifier-like constants, as CPython does, so a keyword argument's
/// name is usually the very object naming the parameter.
pub fn intern(types: &Types, s: &str) -> Value {
    if let Some(v) = INTERNED.with(|t| t.borrow().get(s).cloned()) {
        return v;
    }
    let v = str_obj(types, s);
    INTERNED.with(|t| t.borrow_mut().insert(s.into(), v.clone()));
    v
}

/// CPython's `all_name_chars`: constants made only of these are interned.
fn all_name_chars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Where a code object's constants come from: CPython's compiler builds a
/// frozenset constant from the items (in source order), while marshal builds
/// it from the stored items (sorted, in 3.11); iteration orders can differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Compiled,
    Marshalled,
}

/// Turn a constant into a value; nested code objects become code objects.
pub fn const_to_value(types: &Types, c: &Const) -> Result<Value, String> {
    const_to_value_from(types, c, Origin::Compiled)
}

fn const_to_value_from(types: &Types, c: &Const, origin: Origin) -> Result<Value, String> {
    Ok(match c {
        Const::None => Value::None,
        Const::Ellipsis => Value::Obj(types.ellipsis_value.clone()),
        Const::StopIteration => Value::Obj(types.exc.stop_iteration.clone()),
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => match num_traits::ToPrimitive::to_i64(i) {
            Some(i) => Value::Int(i),
            None => Value::Obj(ObjRef::new(&types.int, Payload::Int(i.clone()))),
        },
        Const::Float(f) => Value::Float(*f),
        Const::Complex { real, imag } => {
            Value::Obj(ObjRef::new(&types.complex, Payload::Complex(*real, *imag)))
        }
        Const::Str(s) if all_name_chars(s) => intern(types, s),
        Const::Str(s) => str_obj(types, s),
        Const::Bytes(b) => Value::Obj(ObjRef::new(&types.bytes, Payload::Bytes(b.to_vec().into()))),
        Const::Tuple(items) => {
            let vals: Result<Vec<Value>, String> = items
                .iter()
                .map(|c| const_to_value_from(types, c, origin))
                .collect();
            Value::Obj(ObjRef::new(&types.tuple, Payload::Tuple(vals?.into())))
        }
        Const::FrozenSet(items) => {
            // Built twice, as CPython's constant is: once by the compiler from
            // the items, then again by marshal from the first set's
            // iteration order; equal items (True, 1, 1.0) keep the first.
            let mut first = crate::objects::set::SetData::new();
            for c in items.iter() {
                let v = const_to_value_from(types, c, origin)?;
                let h = crate::types::hash::const_hash(&v)
                    .ok_or_else(|| "unhashable frozenset constant".to_string())?;
                first.insert_const(v, h, crate::types::hash::const_eq);
            }
            if origin == Origin::Marshalled {
                return Ok(Value::Obj(ObjRef::new(
                    &types.frozenset,
                    Payload::Set(crate::gil_cell::GilCell::new(first)),
                )));
            }
            let mut data = crate::objects::set::SetData::new();
            for (v, h) in first.entries() {
                data.insert_const(v, h, crate::types::hash::const_eq);
            }
            Value::Obj(ObjRef::new(
                &types.frozenset,
                Payload::Set(crate::gil_cell::GilCell::new(data)),
            ))
        }
        Const::Code(co) => Value::Obj(new_code_object_from(types, co.clone(), origin)?),
    })
}

/// Make a Python code object from a compiled code object, verifying and
/// quickening it.
pub fn new_code_object(types: &Types, co: CodeObject) -> Result<ObjRef, String> {
    new_code_object_from(types, co, Origin::Compiled)
}

/// Make a Python code object from a code object of the given origin.
pub fn new_code_object_from(
    types: &Types,
    co: impl Into<Rc<CodeObject>>,
    origin: Origin,
) -> Result<ObjRef, String> {
    let code = Code::new_from(types, co, origin)?;
    Ok(ObjRef::new(&types.code, Payload::Code(Rc::new(code))))
}

impl Code {
    pub fn new(types: &Types, co: CodeObject) -> Result<Code, String> {
        Code::new_from(types, co, Origin::Compiled)
    }

    pub fn new_from(
        types: &Types,
        co: impl Into<Rc<CodeObject>>,
        origin: Origin,
    ) -> Result<Code, String> {
        let co: Rc<CodeObject> = co.into();
        let consts: Result<Vec<Value>, String> = co
            .co_consts
            .iter()
            .map(|c| const_to_value_from(types, c, origin))
            .collect();
        let consts = consts?;
        let names: Vec<Value> = co.co_names.iter().map(|n| intern(types, n)).collect();
        let localsplusnames: Vec<Value> = co
            .co_localsplusnames
            .iter()
            .map(|n| intern(types, n))
            .collect();
        if co.co_localspluskinds.len() != co.co_localsplusnames.len() {
            return Err("co_localspluskinds and co_localsplusnames differ in length".into());
        }
        let nargs = co.total_args();
        if nargs > co.co_localsplusnames.len() {
            return Err("code object has more arguments than locals".into());
        }
        let arg_names = co.co_localsplusnames[..nargs].to_vec().into_boxed_slice();
        let (instrs, nglobal) = quicken(&co, consts.len(), names.len())?;
        Ok(Code {
            nlocalsplus: co.co_localsplusnames.len(),
            stacksize: co.co_stacksize as usize,
            global_caches: (0..nglobal)
                .map(|_| GilCell::new(GlobalCache::default()))
                .collect(),
            simple_args: co.co_kwonlyargcount == 0
                && co.co_flags
                    & (pyrs_bytecode::code::flags::CO_VARARGS
                        | pyrs_bytecode::code::flags::CO_VARKEYWORDS)
                    == 0,
            qualname: GilCell::new(str_obj(types, &co.co_qualname)),
            co,
            consts: consts.into(),
            names: names.into(),
            localsplusnames: localsplusnames.into(),
            instrs,
            arg_names,
        })
    }

    /// Whether a call with exactly `n` positional arguments and no keywords
    /// binds them one to one (no defaults, `*args`, `**kwargs` or keyword-only
    /// parameters involved).
    #[inline]
    pub fn takes_exactly(&self, n: usize) -> bool {
        self.simple_args && n == self.co.co_argcount as usize
    }

    /// The line of the instruction at index `i` (`f_lineno`).
    pub fn line_of(&self, i: usize) -> Option<i32> {
        pyrs_bytecode::linetable::addr2line(
            &self.co.co_linetable,
            self.co.co_firstlineno as i32,
            (i * 2) as u32,
        )
    }
}

/// Translate `co_code` into the executed form, checking every opcode, argument
/// and jump target so that the eval loop never indexes out of range.
/// Also returns the number of LOAD_GLOBAL caches it numbered.
fn quicken(
    co: &CodeObject,
    nconsts: usize,
    nnames: usize,
) -> Result<(Box<[Instr]>, usize), String> {
    let code = &co.co_code;
    if !code.len().is_multiple_of(2) {
        return Err("co_code has an odd length".into());
    }
    let n = code.len() / 2;
    let nlocals = co.co_localsplusnames.len();
    let mut out = vec![
        Instr {
            op: Opcode::NOP,
            arg: 0
        };
        n
    ];
    let mut ext: u32 = 0;
    let mut nglobal = 0usize;
    let mut i = 0;
    while i < n {
        let byte = code[2 * i];
        let raw_arg = code[2 * i + 1] as u32;
        let op = Opcode::from_u16(byte as u16)
            .filter(|op| !op.is_pseudo() && *op != Opcode::CACHE)
            .ok_or_else(|| format!("invalid opcode {byte} at offset {}", 2 * i))?;
        if op == Opcode::EXTENDED_ARG {
            ext = (ext | raw_arg) << 8;
            i += 1;
            continue;
        }
        let arg = ext | raw_arg;
        ext = 0;
        let next = i + 1 + op.cache_entries();
        if next > n {
            return Err(format!(
                "{} at offset {} is missing its cache entries",
                op.name(),
                2 * i
            ));
        }
        let flags = op.flags();
        let mut qarg = arg;
        if flags.contains(OpFlags::JUMP_FORWARD) || flags.contains(OpFlags::JUMP_BACKWARD) {
            let target = if flags.contains(OpFlags::JUMP_FORWARD) {
                next.checked_add(arg as usize)
            } else {
                next.checked_sub(arg as usize)
            };
            match target {
                Some(t) if t < n => qarg = t as u32,
                _ => return Err(format!("jump target out of range at offset {}", 2 * i)),
            }
        }
        let check = |ok: bool, what: &str| {
            if ok {
                Ok(())
            } else {
                Err(format!(
                    "{what} index {arg} out of range at offset {}",
                    2 * i
                ))
            }
        };
        if flags.contains(OpFlags::CONST) {
            check((arg as usize) < nconsts, "constant")?;
        }
        if flags.contains(OpFlags::NAME) {
            let ix = if op == Opcode::LOAD_GLOBAL {
                arg >> 1
            } else {
                arg
            };
            check((ix as usize) < nnames, "name")?;
        }
        if flags.contains(OpFlags::LOCAL) || flags.contains(OpFlags::FREE) {
            check((arg as usize) < nlocals, "local")?;
        }
        if op == Opcode::COPY_FREE_VARS {
            check((arg as usize) <= nlocals, "free variable count")?;
        }
        if matches!(op, Opcode::COMPARE_OP) {
            check(arg < 6, "comparison")?;
        }
        if matches!(op, Opcode::BINARY_OP) {
            check(arg < 26, "binary operator")?;
        }
        out[i] = Instr { op, arg: qarg };
        if op == Opcode::LOAD_GLOBAL {
            out[i + 1].arg = nglobal as u32;
            nglobal += 1;
        }
        i = next;
    }
    if n == 0 {
        return Err("empty co_code".into());
    }
    Ok((out.into_boxed_slice(), nglobal))
}
