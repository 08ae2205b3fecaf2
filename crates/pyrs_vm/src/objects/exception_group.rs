//! BaseExceptionGroup and ExceptionGroup (Objects/exceptions.c): construction,
//! `split`/`subgroup`/`derive`, and the matching behind `except*`
//! (CHECK_EG_MATCH and PREP_RERAISE_STAR of Python/ceval.c).

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::exception::ExceptionData;
use crate::objects::native::{Args, MethodDef};
use crate::protocol::dict::dict_get_str;
use crate::runtime::types::{add_methods, Types};
use crate::value::Value;
use crate::vm::{is_subtype, Vm};

const METHODS: &[MethodDef] = &[
    MethodDef::method("__str__", eg_str),
    MethodDef::method("split", eg_split),
    MethodDef::method("subgroup", eg_subgroup),
    MethodDef::method("derive", eg_derive),
];

pub fn install(types: &Types) {
    add_methods(types, &types.exc.base_exception_group, METHODS);
}

/// Whether `v` is an exception group.
pub fn is_group(vm: &Vm, v: &Value) -> bool {
    is_subtype(vm.type_of(v), &vm.types().exc.base_exception_group)
}

/// The sub-exceptions of a group (its `exceptions` tuple).
pub fn group_exceptions(v: &Value) -> Vec<Value> {
    let stored = v.as_obj().and_then(|o| {
        o.dict
            .get()
            .as_ref()
            .and_then(|d| dict_get_str(d, "exceptions"))
    });
    stored
        .and_then(|t| t.as_tuple().map(|t| t.to_vec()))
        .unwrap_or_default()
}

fn group_message(v: &Value) -> Value {
    v.as_obj()
        .and_then(|o| {
            o.dict
                .get()
                .as_ref()
                .and_then(|d| dict_get_str(d, "message"))
        })
        .unwrap_or(Value::None)
}

/// `BaseExceptionGroup(message, exceptions)`: validates, and picks
/// ExceptionGroup when every member is an Exception.
pub fn group_new(vm: &mut Vm, cls: &ObjRef, pos: &[Value]) -> PyResult<Value> {
    let t = vm.types();
    let name = cls.payload_type().name.get().clone();
    if pos.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", pos.len())));
    }
    let (message, excs) = (&pos[0], &pos[1]);
    if message.as_str().is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    let items = match excs.payload() {
        Some(Payload::List(l)) => l.get().clone(),
        Some(Payload::Tuple(tu)) => tu.to_vec(),
        _ => return Err(vm.type_error("second argument (exceptions) must be a sequence")),
    };
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if !matches!(e.payload(), Some(Payload::Exception(_))) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        all_exceptions &= vm.isinstance(e, &t.exc.exception);
    }
    let mut cls = cls.clone();
    if cls.is(&t.exc.base_exception_group) {
        if all_exceptions {
            cls = t.exc.exception_group.clone();
        }
    } else if cls.is(&t.exc.exception_group) {
        if !all_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && !is_subtype(&cls, &t.exc.exception) {
        // A user subclass of BaseExceptionGroup may hold BaseExceptions.
    } else if !all_exceptions {
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{name}'")));
    }
    let args = vm.new_tuple(vec![message.clone(), excs.clone()]);
    let e = ObjRef::new(&cls, Payload::Exception(Box::new(ExceptionData::new(args))));
    vm.instance_dict_set(&e, "message", message.clone());
    let tuple = vm.new_tuple(items);
    vm.instance_dict_set(&e, "exceptions", tuple);
    Ok(Value::Obj(e))
}

fn eg_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = group_str(vm, &args.args[0])?;
    Ok(vm.new_str(s))
}

/// `str(group)`: the message and the member count.
pub fn group_str(vm: &mut Vm, group: &Value) -> PyResult<String> {
    let n = group_exceptions(group).len();
    let msg = vm.str_string(&group_message(group))?;
    Ok(format!(
        "{msg} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    ))
}

/// What `split` and `subgroup` test each exception with.
enum Matcher {
    Types(Value),
    Predicate(Value),
    /// Leaf identities (PREP_RERAISE_STAR's projection).
    Leaves(Vec<usize>),
}

impl Matcher {
    fn new(vm: &Vm, condition: &Value) -> PyResult<Matcher> {
        let is_exc_class = |c: &Value| {
            c.as_obj().is_some_and(|o| {
                matches!(o.payload, Payload::Type(_))
                    && is_subtype(o, &vm.types().exc.base_exception)
            })
        };
        if is_exc_class(condition)
            || condition
                .as_tuple()
                .is_some_and(|t| t.iter().all(is_exc_class))
        {
            return Ok(Matcher::Types(condition.clone()));
        }
        if matches!(
            condition.payload(),
            Some(Payload::Function(_) | Payload::NativeFunction(_) | Payload::BoundMethod { .. })
        ) || vm.lookup_type(vm.type_of(condition), "__call__").is_some()
        {
            return Ok(Matcher::Predicate(condition.clone()));
        }
        Err(vm.type_error("expected a function, exception type or tuple of exception types"))
    }

    fn matches(&self, vm: &mut Vm, e: &Value) -> PyResult<bool> {
        match self {
            Matcher::Types(t) => {
                let classes: Vec<Value> = t
                    .as_tuple()
                    .map(|t| t.to_vec())
                    .unwrap_or_else(|| vec![t.clone()]);
                let et = vm.type_of(e).clone();
                Ok(classes
                    .iter()
                    .any(|c| c.as_obj().is_some_and(|c| is_subtype(&et, c))))
            }
            Matcher::Predicate(f) => {
                let r = vm.call(f, std::slice::from_ref(e))?;
                vm.is_true(&r)
            }
            Matcher::Leaves(ids) => {
                Ok(!is_group(vm, e) && e.as_obj().is_some_and(|o| ids.contains(&o.addr())))
            }
        }
    }
}

/// `self.derive(excs)` plus the metadata CPython copies onto split results.
fn derive_with_metadata(vm: &mut Vm, group: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let list = vm.new_list(excs);
    let derive = vm.getattr_str(group, "derive")?;
    let new = vm.call(&derive, &[list])?;
    if let (Some(Payload::Exception(src)), Some(Payload::Exception(dst))) =
        (group.payload(), new.payload())
    {
        drop(dst.traceback.replace(src.traceback.cloned()));
        drop(dst.context.replace(src.context.cloned()));
        drop(dst.cause.replace(src.cause.cloned()));
        *dst.suppress_context.get_mut() = *src.suppress_context.get();
    }
    if let Some(notes) = vm.try_getattr(group, "__notes__")? {
        vm.setattr(&new, "__notes__", notes)?;
    }
    Ok(new)
}

/// The recursive split: (match, rest), each a group or None.
fn split(vm: &mut Vm, group: &Value, m: &Matcher, want_rest: bool) -> PyResult<(Value, Value)> {
    if m.matches(vm, group)? {
        return Ok((group.clone(), Value::None));
    }
    if !is_group(vm, group) {
        return Ok((Value::None, group.clone()));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in group_exceptions(group) {
        let (em, er) = if is_group(vm, &e) {
            split(vm, &e, m, want_rest)?
        } else if m.matches(vm, &e)? {
            (e, Value::None)
        } else {
            (Value::None, e)
        };
        if !matches!(em, Value::None) {
            matched.push(em);
        }
        if want_rest && !matches!(er, Value::None) {
            rest.push(er);
        }
    }
    let mg = if matched.is_empty() {
        Value::None
    } else {
        derive_with_metadata(vm, group, matched)?
    };
    let rg = if rest.is_empty() {
        Value::None
    } else {
        derive_with_metadata(vm, group, rest)?
    };
    Ok((mg, rg))
}

fn eg_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(
        vm,
        "split",
        &Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
        1,
        1,
    )?;
    let m = Matcher::new(vm, &args.args[1])?;
    let (a, b) = split(vm, &args.args[0], &m, true)?;
    Ok(vm.new_tuple(vec![a, b]))
}

fn eg_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(
        vm,
        "subgroup",
        &Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
        1,
        1,
    )?;
    let m = Matcher::new(vm, &args.args[1])?;
    Ok(split(vm, &args.args[0], &m, false)?.0)
}

fn eg_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(
        vm,
        "derive",
        &Args {
            args: &args.args[1..],
            kwnames: args.kwnames,
        },
        1,
        1,
    )?;
    let msg = group_message(&args.args[0]);
    let base = vm.types().exc.base_exception_group.clone();
    group_new(vm, &base, &[msg, args.args[1].clone()])
}

/// The leaves of an exception (itself, or a group's leaves recursively).
fn collect_leaves(vm: &Vm, e: &Value, out: &mut Vec<usize>) {
    if is_group(vm, e) {
        for sub in group_exceptions(e) {
            collect_leaves(vm, &sub, out);
        }
    } else if let Some(o) = e.as_obj() {
        out.push(o.addr());
    }
}

impl Vm {
    /// CHECK_EG_MATCH: split `exc` by `match_type` into (rest, match); match is
    /// None when nothing matched.
    pub(crate) fn exception_group_match(
        &mut self,
        exc: &Value,
        match_type: &Value,
    ) -> PyResult<(Value, Value)> {
        let classes: Vec<Value> = match_type
            .as_tuple()
            .map(|t| t.to_vec())
            .unwrap_or_else(|| vec![match_type.clone()]);
        for c in &classes {
            let Some(o) = c.as_obj().filter(|o| {
                matches!(o.payload, Payload::Type(_))
                    && is_subtype(o, &self.types().exc.base_exception)
            }) else {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            };
            if is_subtype(o, &self.types().exc.base_exception_group) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        if matches!(exc, Value::None) {
            return Ok((Value::None, Value::None));
        }
        let m = Matcher::Types(match_type.clone());
        if m.matches(self, exc)? {
            if is_group(self, exc) {
                return Ok((Value::None, exc.clone()));
            }
            // A naked exception is wrapped in a group with an empty message.
            let base = self.types().exc.base_exception_group.clone();
            let one = self.new_tuple(vec![exc.clone()]);
            let empty = self.new_str("");
            let wrapped = group_new(self, &base, &[empty, one])?;
            return Ok((Value::None, wrapped));
        }
        if is_group(self, exc) {
            let (matched, rest) = split(self, exc, &m, true)?;
            return Ok((rest, matched));
        }
        Ok((Value::None, Value::None))
    }

    /// PREP_RERAISE_STAR: what leaves an `except*` statement, given the
    /// original exception and the list of exceptions its clauses raised or
    /// re-raised (None for clauses that ended normally).
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, excs: &Value) -> PyResult<Value> {
        let items: Vec<Value> = match excs.payload() {
            Some(Payload::List(l)) => l
                .get()
                .iter()
                .filter(|v| !matches!(v, Value::None))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            return Ok(Value::None);
        }
        if !is_group(self, orig) {
            // A naked exception: at most one clause ran.
            return Ok(items[0].clone());
        }
        let mut orig_leaves = Vec::new();
        collect_leaves(self, orig, &mut orig_leaves);
        let mut raised = Vec::new();
        let mut reraised_leaves = Vec::new();
        for e in items {
            let mut leaves = Vec::new();
            collect_leaves(self, &e, &mut leaves);
            if !leaves.is_empty() && leaves.iter().all(|l| orig_leaves.contains(l)) {
                reraised_leaves.extend(leaves);
            } else {
                raised.push(e);
            }
        }
        let reraised = if reraised_leaves.is_empty() {
            Value::None
        } else {
            split(self, orig, &Matcher::Leaves(reraised_leaves), false)?.0
        };
        if raised.is_empty() {
            return Ok(reraised);
        }
        if !matches!(reraised, Value::None) {
            raised.push(reraised);
        }
        let base = self.types().exc.base_exception_group.clone();
        let list = self.new_list(raised);
        let empty = self.new_str("");
        group_new(self, &base, &[empty, list])
    }
}
