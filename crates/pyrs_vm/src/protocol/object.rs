//! repr, str, hash, truth and rich comparison of any value (Objects/object.c).

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::descriptor::is_python_defined;
use crate::objects::int::{self, IntRef};
use crate::objects::{float, str as pystr};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;

/// A comparison operator, numbered as COMPARE_OP's argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_arg(a: u32) -> CompareOp {
        match a {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
            other => other,
        }
    }
    pub fn test(self, ord: Ordering) -> bool {
        match self {
            CompareOp::Lt => ord == Ordering::Less,
            CompareOp::Le => ord != Ordering::Greater,
            CompareOp::Eq => ord == Ordering::Equal,
            CompareOp::Ne => ord != Ordering::Equal,
            CompareOp::Gt => ord == Ordering::Greater,
            CompareOp::Ge => ord != Ordering::Less,
        }
    }
}

/// An int operand view of a value, if it is an int or bool.
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(IntRef::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

/// Compare an int with a float exactly, as CPython does (no rounding of the int).
fn cmp_int_float(i: &IntRef, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fb = float_to_bigint(fl);
    match i.to_big().as_ref().cmp(&fb) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

/// An integral finite float as a BigInt, exactly.
pub fn float_to_bigint(f: f64) -> BigInt {
    let (m, e) = float::frexp(f);
    // m * 2**53 is an integer because f has 53 bits of mantissa.
    let mant = (m * 9007199254740992.0) as i64;
    let e = e - 53;
    if e >= 0 {
        BigInt::from(mant) << e as usize
    } else {
        BigInt::from(mant) >> (-e) as usize
    }
}

impl Vm {
    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => float::repr(*f),
            Value::Obj(o) => {
                if let Some(r) = self.call_special_repr(o, "__repr__")? {
                    return Ok(r);
                }
                self.repr_builtin(o)?
            }
        })
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        let s = self.repr_string(v)?;
        Ok(self.new_str(s))
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => Ok(s.as_str().to_string()),
                Payload::Exception(_) if !self.overrides(v, "__str__") => {
                    crate::objects::exception::exception_str(self, o)
                }
                Payload::MappingProxy(m) => {
                    let m = m.clone();
                    self.str_string(&m)
                }
                _ => {
                    if let Some(r) = self.call_special_repr(o, "__str__")? {
                        return Ok(r);
                    }
                    self.repr_string(v)
                }
            },
            _ => self.repr_string(v),
        }
    }

    /// `str(v)` as a str object (the same object when `v` is a str).
    pub fn to_str(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(Payload::Str(_)) = v.payload() {
            if v.as_obj().is_some_and(|o| o.class().is(&self.types().str_)) {
                return Ok(v.clone());
            }
        }
        if let Value::Int(i) = v {
            // Digits written into a stack buffer: the str's text is then one
            // exact allocation (a `String` would be shrunk, a realloc).
            let mut buf = [0u8; 20];
            let mut at = buf.len();
            let mut n = i.unsigned_abs();
            loop {
                at -= 1;
                buf[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            let digits = std::str::from_utf8(&buf[at..]).unwrap_or("");
            return Ok(if *i < 0 {
                self.new_str(format!("-{digits}"))
            } else {
                self.new_str(digits)
            });
        }
        let s = self.str_string(v)?;
        Ok(self.new_str(s))
    }

    /// Whether `name` resolves, along `ty`'s MRO, to an entry in the dict of
    /// a class statement's class (rather than of a builtin type).
    fn assigned_in_class(&self, ty: &ObjRef, name: &str) -> bool {
        if !ty.payload_type().heap_type {
            return false;
        }
        let hash = crate::objects::str::str_hash(name);
        for base in ty.payload_type().mro.get().iter() {
            let bt = base.payload_type();
            if crate::protocol::dict::dict_get_str_hashed(&bt.dict, name, hash).is_some() {
                return bt.heap_type;
            }
        }
        false
    }

    /// Call a user-defined `__repr__`/`__str__` of a class instance, if its class
    /// defines one in Python.
    fn call_special_repr(&mut self, o: &ObjRef, name: &str) -> PyResult<Option<String>> {
        // (`overrides` also lets `dict.__repr__` on a subclass reach the builtin.)
        // A builtin's method a class assigned itself (an IntEnum's
        // `__str__ = int.__repr__`) counts too: those dunders run on a plain
        // copy of the value, so calling them cannot re-enter the class.
        // `overrides` runs first: it consumes the one-shot bypass that a
        // builtin dunder reached through super() sets.
        let overridden = self.overrides(&Value::Obj(o.clone()), name);
        let Some(meth) = self.lookup_type(o.class(), name) else {
            return Ok(None);
        };
        let python = crate::objects::descriptor::is_python_defined(&meth);
        let call = if overridden {
            python
        } else {
            !python && self.assigned_in_class(o.class(), name)
        };
        if !call {
            return Ok(None);
        }
        let r = self.call_method_value(&meth, &Value::Obj(o.clone()), &[])?;
        match r.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(self.type_error(format!(
                "{name} returned non-string (type {})",
                self.type_name(&r)
            ))),
        }
    }

    fn repr_builtin(&mut self, o: &ObjRef) -> PyResult<String> {
        let v = Value::Obj(o.clone());
        Ok(match &o.payload {
            Payload::Str(s) => pystr::repr(s.as_str()),
            Payload::Int(b) => crate::types::numbers::int_to_decimal(self, b)?,
            Payload::Float(f) => float::repr(*f),
            Payload::Bytes(b) => crate::builtins_types::bytes_repr(b),
            Payload::Tuple(_) if crate::objects::structseq::is_structseq(o.class()) => {
                crate::objects::structseq::repr(self, o)?
            }
            Payload::Tuple(items) => {
                if items.is_empty() {
                    return Ok("()".into());
                }
                let items = items.clone();
                let parts = self.repr_items(o, &items)?;
                match parts {
                    None => "(...)".into(),
                    Some(p) if items.len() == 1 => format!("({},)", p[0]),
                    Some(p) => format!("({})", p.join(", ")),
                }
            }
            Payload::List(l) => {
                let items = l.get().clone();
                match self.repr_items(o, &items)? {
                    None => "[...]".into(),
                    Some(p) => format!("[{}]", p.join(", ")),
                }
            }
            Payload::Dict(_) => {
                let items = Vm::dict_items(o);
                if items.is_empty() {
                    return Ok("{}".into());
                }
                if self.repr_stack.iter().any(|&a| a == o.addr()) {
                    return Ok("{...}".into());
                }
                self.enter_recursive_call(" while getting the repr of an object")?;
                self.repr_stack.push(o.addr());
                let mut parts = Vec::with_capacity(items.len());
                let mut result = Ok(());
                for (k, val) in &items {
                    match self
                        .repr_string(k)
                        .and_then(|ks| Ok((ks, self.repr_string(val)?)))
                    {
                        Ok((ks, vs)) => parts.push(format!("{ks}: {vs}")),
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                self.repr_stack.pop();
                self.leave_native_recursion();
                result?;
                format!("{{{}}}", parts.join(", "))
            }
            Payload::Type(t) => {
                let module = self.type_module_name(o);
                match module.as_deref() {
                    Some("builtins") | None => format!("<class '{}'>", t.qualname.get()),
                    Some(m) => format!("<class '{}.{}'>", m, t.qualname.get()),
                }
            }
            Payload::Function(f) => {
                let q = f.qualname.get().as_str().unwrap_or("?").to_string();
                format!("<function {} at {:#x}>", q, o.addr())
            }
            Payload::NativeFunction(nf) => match &nf.self_ {
                Some(Value::Obj(m)) if matches!(m.payload, Payload::Module(_)) => {
                    format!("<built-in function {}>", nf.def.name)
                }
                Some(s) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    nf.def.name,
                    self.type_name(s),
                    s.as_obj().map_or(0, |o| o.addr())
                ),
                None => match &nf.owner {
                    Some(owner) => format!(
                        "<method '{}' of '{}' objects>",
                        nf.def.name,
                        owner.payload_type().name.get()
                    ),
                    None => format!("<built-in function {}>", nf.def.name),
                },
            },
            Payload::BoundMethod { func, self_ } => {
                let (func, self_) = (func.clone(), self_.clone());
                let name = self.getattr_str(&func, "__qualname__")?;
                let name = name.as_str().unwrap_or("?").to_string();
                let sr = self.repr_string(&self_)?;
                format!("<bound method {name} of {sr}>")
            }
            Payload::Module(m) => {
                let name = crate::protocol::dict::dict_get_str(&m.dict, "__name__")
                    .and_then(|n| n.as_str().map(str::to_string))
                    .unwrap_or_else(|| "?".into());
                match crate::protocol::dict::dict_get_str(&m.dict, "__file__") {
                    Some(f) if f.as_str().is_some() => {
                        format!("<module '{}' from '{}'>", name, f.as_str().unwrap_or(""))
                    }
                    _ => format!("<module '{name}' (built-in)>"),
                }
            }
            Payload::Exception(_) => crate::objects::exception::exception_repr(self, o)?,
            Payload::Range(r) => {
                let (a, b, c) = (r.start.clone(), r.stop.clone(), r.step.clone());
                let (a, b) = (self.repr_string(&a)?, self.repr_string(&b)?);
                if matches!(c, Value::Int(1)) {
                    format!("range({a}, {b})")
                } else {
                    format!("range({a}, {b}, {})", self.repr_string(&c)?)
                }
            }
            Payload::Slice(s) => {
                let s = s.clone();
                format!(
                    "slice({}, {}, {})",
                    self.repr_string(&s[0])?,
                    self.repr_string(&s[1])?,
                    self.repr_string(&s[2])?
                )
            }
            Payload::Singleton(name) => match crate::types::stdio::repr(name) {
                Some(r) => r,
                None => (*name).to_string(),
            },
            Payload::Frame(fr) => {
                let lasti = self.frame_lasti(fr);
                match &fr.f_code.payload {
                    Payload::Code(c) => {
                        let line = c
                            .line_of(lasti as usize / 2)
                            .map_or("None".to_string(), |l| l.to_string());
                        format!(
                            "<frame at {:#x}, file {}, line {}, code {}>",
                            o.addr(),
                            pystr::repr(&c.co.co_filename),
                            line,
                            c.co.co_name
                        )
                    }
                    _ => format!("<frame at {:#x}>", o.addr()),
                }
            }
            Payload::WeakRef(w) => crate::modules::weakref::weakref_repr(self, o, w),
            Payload::MappingProxy(m) => {
                let m = m.clone();
                format!("mappingproxy({})", self.repr_string(&m)?)
            }
            Payload::Generator(g) => {
                let kind = match g.kind {
                    crate::objects::generator::GenKind::Generator => "generator",
                    crate::objects::generator::GenKind::Coroutine => "coroutine",
                    crate::objects::generator::GenKind::AsyncGenerator => "async_generator",
                };
                format!(
                    "<{} object {} at {:#x}>",
                    kind,
                    g.qualname.as_str().unwrap_or("?"),
                    o.addr()
                )
            }
            Payload::Set(_)
            | Payload::ByteArray(_)
            | Payload::Complex(..)
            | Payload::DictView { .. }
            | Payload::MemoryView(_)
            | Payload::GenericAlias { .. }
            | Payload::Union(_)
            | Payload::File(_) => return Ok(crate::types::repr_extra(self, o)?.unwrap_or_default()),
            Payload::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.co.co_name,
                o.addr(),
                c.co.co_filename,
                c.co.co_firstlineno
            ),
            Payload::Cell(c) => match c.get() {
                Value::Null => format!("<cell at {:#x}: empty>", o.addr()),
                inner => format!(
                    "<cell at {:#x}: {} object at {:#x}>",
                    o.addr(),
                    self.type_name(inner),
                    inner.as_obj().map_or(0, |o| o.addr())
                ),
            },
            Payload::Instance if o.class().is(&self.types().simple_namespace) => {
                let items = o
                    .dict
                    .get()
                    .as_ref()
                    .map(Vm::dict_items)
                    .unwrap_or_default();
                let mut parts = Vec::with_capacity(items.len());
                for (k, val) in items {
                    parts.push(format!(
                        "{}={}",
                        k.as_str().unwrap_or("?"),
                        self.repr_string(&val)?
                    ));
                }
                format!("namespace({})", parts.join(", "))
            }
            Payload::Super(_)
            | Payload::MemberDescr(_)
            | Payload::ClassMethod(_)
            | Payload::StaticMethod(_) => match self.descriptor_repr(o)? {
                Some(r) => r,
                None => format!("<{} object at {:#x}>", self.type_name(&v), o.addr()),
            },
            _ => {
                let ty = self.type_of(&v).clone();
                let module = self.type_module_name(&ty);
                let q = ty.payload_type().qualname.get().clone();
                match module.as_deref() {
                    Some("builtins") | None => format!("<{} object at {:#x}>", q, o.addr()),
                    Some(m) => format!("<{}.{} object at {:#x}>", m, q, o.addr()),
                }
            }
        })
    }

    /// The reprs of a container's items, or None when the container is already
    /// being printed further up (a cycle).
    pub fn repr_items(&mut self, o: &ObjRef, items: &[Value]) -> PyResult<Option<Vec<String>>> {
        if self.repr_stack.iter().any(|&a| a == o.addr()) {
            return Ok(None);
        }
        self.enter_recursive_call(" while getting the repr of an object")?;
        self.repr_stack.push(o.addr());
        let r: PyResult<Vec<String>> = items.iter().map(|v| self.repr_string(v)).collect();
        self.repr_stack.pop();
        self.leave_native_recursion();
        r.map(Some)
    }

    /// `__module__` of a type, for its repr.
    pub fn type_module_name(&self, ty: &ObjRef) -> Option<String> {
        let t = ty.payload_type();
        let declared = crate::runtime::types::declared_module(ty);
        // A builtin type that a module declares (`_random.Random`,
        // `types.UnionType`) names that module, as its tp_name does.
        if !t.heap_type {
            return declared.or_else(|| Some("builtins".into()));
        }
        declared
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => int::hash(&IntRef::Small(*i)),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => float::hash(*f),
            Value::None | Value::Null => 0x5f_3759df,
            // A subclass of str, int, tuple... with its own __hash__ (or
            // __hash__ = None, as defining __eq__ implies).
            Value::Obj(o)
                if o.class().payload_type().heap_type
                    && !matches!(o.payload, Payload::Instance | Payload::Slots(_))
                    && self
                        .lookup_type(o.class(), "__hash__")
                        .is_some_and(|h| matches!(h, Value::None) || is_python_defined(&h)) =>
            {
                return self.heap_hash(v, o);
            }
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => s.hash(),
                Payload::Int(b) => int::hash(&IntRef::Big(b)),
                Payload::Tuple(items) => {
                    let items = items.clone();
                    self.tuple_hash(&items)?
                }
                Payload::Bytes(b) => crate::types::hash::hash_bytes(b),
                // Equal code objects (same_code) hash alike.
                Payload::Code(c) => {
                    let h = crate::types::hash::hash_bytes(&c.co.co_code)
                        ^ crate::types::hash::hash_bytes(c.co.co_name.as_bytes())
                        ^ i64::from(c.co.co_firstlineno);
                    if h == -1 {
                        -2
                    } else {
                        h
                    }
                }
                Payload::WeakRef(w) if !w.proxy => crate::modules::weakref::weakref_hash(self, w)?,
                Payload::List(_) | Payload::Dict(_) => {
                    return Err(
                        self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
                    );
                }
                _ => {
                    if !o.class().payload_type().heap_type {
                        if let Some(h) = crate::types::hash_extra(self, v)? {
                            return Ok(h);
                        }
                    }
                    return self.heap_hash(v, o);
                }
            },
        })
    }

    /// `hash()` of an instance of a class: its `__hash__`, else identity.
    fn heap_hash(&mut self, v: &Value, o: &ObjRef) -> PyResult<i64> {
        if o.class().payload_type().heap_type {
            if let Some(h) = self.lookup_type(o.class(), "__hash__") {
                if matches!(h, Value::None) {
                    return Err(
                        self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
                    );
                }
                let r = self.call_method_value(&h, v, &[])?;
                return match as_int(&r) {
                    Some(IntRef::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                    Some(IntRef::Big(b)) => Ok(int::hash(&IntRef::Big(b))),
                    None => Err(self.type_error("__hash__ method should return an integer")),
                };
            }
        }
        // Identity hash, as CPython's _Py_HashPointer (rotated by 4 bits).
        Ok(o.addr().rotate_right(4) as i64)
    }

    /// CPython 3.11's tuple hash (an xxHash-like mix of the item hashes).
    fn tuple_hash(&mut self, items: &[Value]) -> PyResult<i64> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc: u64 = P5;
        self.enter_stack_guard()?;
        for it in items {
            let lane = match self.hash(it) {
                Ok(h) => h as u64,
                Err(e) => {
                    self.leave_native_recursion();
                    return Err(e);
                }
            };
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        self.leave_native_recursion();
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        Ok(if acc as i64 == -1 {
            1546275796
        } else {
            acc as i64
        })
    }

    /// Truth value (`bool(v)`).
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::None | Value::Null => false,
            Value::Float(f) => *f != 0.0,
            Value::Obj(o) => match &o.payload {
                _ if o.class().payload_type().heap_type => return self.is_true_heap(v),
                Payload::Str(s) => s.char_len() != 0,
                Payload::List(l) => !l.get().is_empty(),
                Payload::Tuple(t) => !t.is_empty(),
                Payload::Dict(d) => !d.get().is_empty(),
                Payload::Bytes(b) => !b.is_empty(),
                Payload::Int(b) => !b.is_zero(),
                Payload::Float(f) => *f != 0.0,
                Payload::Range(_) => self.len(v)? != 0,
                _ => crate::types::truth_extra(v).unwrap_or(true),
            },
        })
    }

    fn is_true_heap(&mut self, v: &Value) -> PyResult<bool> {
        let ty = self.type_of(v).clone();
        if let Some(m) = self.lookup_type(&ty, "__bool__") {
            let r = self.call_method_value(&m, v, &[])?;
            return match r {
                Value::Bool(b) => Ok(b),
                _ => Err(self.type_error(format!(
                    "__bool__ should return bool, returned {}",
                    self.type_name(&r)
                ))),
            };
        }
        if self.lookup_type(&ty, "__len__").is_some() {
            return Ok(self.len(v)? != 0);
        }
        Ok(true)
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::protocol::dict::fast_eq(a, b) {
            return Ok(r);
        }
        if a.is(b) {
            return Ok(true);
        }
        let r = self.rich_compare(a, b, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// Rich comparison `a OP b`.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        // A mappingproxy compares as the mapping it shows.
        if let Some(Payload::MappingProxy(m)) = a.payload() {
            return self.rich_compare(&m.clone(), b, op);
        }
        if let Some(Payload::MappingProxy(m)) = b.payload() {
            return self.rich_compare(a, &m.clone(), op);
        }
        if let Some(ord) = self.compare_builtin(a, b, op)? {
            return Ok(ord);
        }
        // Special methods of classes: the reflected one first if b's type is a
        // subclass of a's, as CPython's do_richcompare.
        let ta = self.type_of(a).clone();
        let tb = self.type_of(b).clone();
        let reflected_first =
            !ta.is(&tb) && crate::vm::is_subtype(&tb, &ta) && tb.payload_type().heap_type;
        if reflected_first {
            if let Some(r) = self.try_compare_method(b, a, op.swapped())? {
                return Ok(r);
            }
        }
        if ta.payload_type().heap_type {
            if let Some(r) = self.try_compare_method(a, b, op)? {
                return Ok(r);
            }
        }
        if !reflected_first && tb.payload_type().heap_type {
            if let Some(r) = self.try_compare_method(b, a, op.swapped())? {
                return Ok(r);
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    fn try_compare_method(
        &mut self,
        a: &Value,
        b: &Value,
        op: CompareOp,
    ) -> PyResult<Option<Value>> {
        let ty = self.type_of(a).clone();
        let Some(m) = self.lookup_type(&ty, op.dunder()) else {
            return Ok(None);
        };
        // object.__ne__ inverts a class's __eq__; other builtin slots were
        // already tried by compare_builtin.
        if !is_python_defined(&m) && op != CompareOp::Ne {
            return Ok(None);
        }
        let r = self.call_method_value(&m, a, std::slice::from_ref(b))?;
        Ok(if self.is_not_implemented(&r) {
            None
        } else {
            Some(r)
        })
    }

    /// Comparisons among builtin types; `None` when they do not apply.
    fn compare_builtin(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<Value>> {
        // A class's own comparison methods come first (`__ne__` also
        // inverts a class's `__eq__`).
        if self.overrides(a, op.dunder())
            || self.overrides(b, op.swapped().dunder())
            || (op == CompareOp::Ne && (self.overrides(a, "__eq__") || self.overrides(b, "__eq__")))
        {
            return Ok(None);
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(Value::Bool(op.test(int::cmp(&x, &y)))));
        }
        let fa = match a {
            Value::Float(f) => Some(*f),
            _ => None,
        };
        let fb = match b {
            Value::Float(f) => Some(*f),
            _ => None,
        };
        match (fa, fb) {
            (Some(x), Some(y)) => {
                let r = match x.partial_cmp(&y) {
                    Some(o) => op.test(o),
                    None => op == CompareOp::Ne,
                };
                return Ok(Some(Value::Bool(r)));
            }
            (Some(x), None) => {
                if let Some(i) = as_int(b) {
                    let r = match cmp_int_float(&i, x) {
                        Some(o) => op.test(o.reverse()),
                        None => op == CompareOp::Ne,
                    };
                    return Ok(Some(Value::Bool(r)));
                }
            }
            (None, Some(y)) => {
                if let Some(i) = as_int(a) {
                    let r = match cmp_int_float(&i, y) {
                        Some(o) => op.test(o),
                        None => op == CompareOp::Ne,
                    };
                    return Ok(Some(Value::Bool(r)));
                }
            }
            _ => {}
        }
        let (Value::Obj(oa), Value::Obj(ob)) = (a, b) else {
            if matches!((a, b), (Value::None, Value::None))
                && matches!(op, CompareOp::Eq | CompareOp::Ne)
            {
                return Ok(Some(Value::Bool(op == CompareOp::Eq)));
            }
            return crate::types::compare_extra(self, a, b, op);
        };

        match (&oa.payload, &ob.payload) {
            (Payload::Str(x), Payload::Str(y)) => {
                Ok(Some(Value::Bool(op.test(x.as_str().cmp(y.as_str())))))
            }
            (Payload::Bytes(x), Payload::Bytes(y)) => Ok(Some(Value::Bool(op.test(x.cmp(y))))),
            (Payload::Tuple(x), Payload::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (Payload::List(x), Payload::List(y)) => {
                let (x, y) = (x.get().clone(), y.get().clone());
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (Payload::Dict(_), Payload::Dict(_)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
                let eq = self.dict_equal(oa, ob)?;
                Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
            }
            (Payload::WeakRef(x), Payload::WeakRef(y))
                if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                // Live references compare their referents; otherwise identity.
                let eq = match (
                    crate::modules::weakref::referent(x),
                    crate::modules::weakref::referent(y),
                ) {
                    (Some(p), Some(q)) => self.eq(&Value::Obj(p), &Value::Obj(q))?,
                    _ => oa.is(ob),
                };
                Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
            }
            (
                Payload::BoundMethod {
                    func: f1,
                    self_: s1,
                },
                Payload::BoundMethod {
                    func: f2,
                    self_: s2,
                },
            ) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
                // method_richcompare: the same function bound to the same object.
                let eq = f1.is(f2) && s1.is(s2);
                Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
            }
            (Payload::Code(x), Payload::Code(y)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
                let eq = x.co.same_code(&y.co);
                Ok(Some(Value::Bool(eq == (op == CompareOp::Eq))))
            }
            (Payload::Range(_), Payload::Range(_))
                if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                let (x, y) = (self.range_tuple(a)?, self.range_tuple(b)?);
                Ok(Some(Value::Bool((x == y) == (op == CompareOp::Eq))))
            }
            _ => crate::types::compare_extra(self, a, b, op),
        }
    }

    fn dict_equal(&mut self, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
        if Vm::dict_len(a) != Vm::dict_len(b) {
            return Ok(false);
        }
        for (k, v) in Vm::dict_items(a) {
            match self.dict_get(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Lexicographic comparison of two sequences, as tuples and lists compare.
    fn compare_sequences(&mut self, x: &[Value], y: &[Value], op: CompareOp) -> PyResult<Value> {
        self.enter_recursive_call(" in comparison")?;
        let r = self.compare_sequences_inner(x, y, op);
        self.leave_native_recursion();
        r
    }

    fn compare_sequences_inner(
        &mut self,
        x: &[Value],
        y: &[Value],
        op: CompareOp,
    ) -> PyResult<Value> {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
            return Ok(Value::Bool(op == CompareOp::Ne));
        }
        for (a, b) in x.iter().zip(y.iter()) {
            if !self.eq(a, b)? {
                return match op {
                    CompareOp::Eq => Ok(Value::Bool(false)),
                    CompareOp::Ne => Ok(Value::Bool(true)),
                    _ => self.rich_compare(a, b, op),
                };
            }
        }
        Ok(Value::Bool(op.test(x.len().cmp(&y.len()))))
    }

    fn range_tuple(&mut self, r: &Value) -> PyResult<(usize, Option<i64>, Option<i64>)> {
        let n = self.len(r)?;
        let Some(Payload::Range(rd)) = r.payload() else {
            return Ok((0, None, None));
        };
        let start = as_int(&rd.start).and_then(|i| i.to_big().to_i64());
        let step = as_int(&rd.step).and_then(|i| i.to_big().to_i64());
        Ok(match n {
            0 => (0, None, None),
            1 => (1, start, None),
            _ => (n, start, step),
        })
    }
}
