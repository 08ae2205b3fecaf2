//! The opcodes of structural pattern matching (the `match_*` helpers of CPython
//! 3.11's Python/ceval.c): mapping and sequence tests, key and class patterns.

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// MATCH_MAPPING: whether the subject's class is a mapping (`dict` and
    /// its subclasses; classes registered with collections.abc.Mapping carry
    /// the same flag in CPython, which arrives with the abc machinery).
    pub(super) fn match_mapping(&self, subject: &Value) -> bool {
        matches!(subject.payload(), Some(Payload::Dict(_)))
            || self.has_abc_flag(subject, "_abc_mapping")
    }

    /// MATCH_SEQUENCE: list, tuple, range and their subclasses, never str,
    /// bytes or bytearray.
    pub(super) fn match_sequence(&self, subject: &Value) -> bool {
        matches!(
            subject.payload(),
            Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range(_))
        ) || self.has_abc_flag(subject, "_abc_sequence")
    }

    /// A class marked as a mapping or sequence from Python (a class attribute
    /// set when it is registered), standing in for Py_TPFLAGS_MAPPING/SEQUENCE.
    fn has_abc_flag(&self, subject: &Value, flag: &str) -> bool {
        let ty = self.type_of(subject);
        ty.payload_type().heap_type
            && self
                .lookup_type(ty, flag)
                .is_some_and(|v| matches!(v, Value::Bool(true)))
    }

    /// MATCH_KEYS: a tuple of the values for `keys`, or None when one is missing.
    pub(super) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = keys.as_tuple().map(|k| k.to_vec()).unwrap_or_default();
        if keys.is_empty() {
            return Ok(self.new_tuple(Vec::new()));
        }
        let get = self.getattr_str(subject, "get")?;
        // A fresh object as the default tells a missing key from a None value.
        let dummy = Value::Obj(crate::object::ObjRef::new(
            &self.types().object,
            Payload::Instance,
        ));
        let mut seen: Vec<Value> = Vec::with_capacity(keys.len());
        let mut values = Vec::with_capacity(keys.len());
        for k in keys {
            for s in &seen {
                if self.eq(s, &k)? {
                    let r = self.repr_string(&k)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            let v = self.call(&get, &[k.clone(), dummy.clone()])?;
            if v.is(&dummy) {
                return Ok(Value::None);
            }
            seen.push(k);
            values.push(v);
        }
        Ok(self.new_tuple(values))
    }

    /// MATCH_CLASS: the attributes a class pattern extracts, or None when the
    /// subject does not match.
    pub(super) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Some(ty) = cls
            .as_obj()
            .filter(|c| matches!(c.payload, Payload::Type(_)))
            .cloned()
        else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !crate::vm::is_subtype(self.type_of(subject), &ty) {
            return Ok(Value::None);
        }
        let type_name = ty.payload_type().name.get().clone();
        let mut attrs = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut match_self = false;
        if nargs > 0 {
            let match_args = self.try_getattr(cls, "__match_args__")?;
            let positional: Vec<Value> = match match_args {
                Some(m) => match m.as_tuple() {
                    Some(t) => t.to_vec(),
                    None => {
                        return Err(self.type_error(format!(
                            "{type_name}.__match_args__ must be a tuple (got {})",
                            self.type_name(&m)
                        )))
                    }
                },
                None if matches_self(self, &ty) => {
                    match_self = true;
                    Vec::new()
                }
                None => Vec::new(),
            };
            let allowed = if match_self { 1 } else { positional.len() };
            if nargs > allowed {
                let s = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{type_name}() accepts {allowed} positional sub-pattern{s} ({nargs} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in positional.iter().take(nargs) {
                    let Some(n) = name.as_str().map(str::to_string) else {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    match self.class_pattern_attr(subject, &n, &type_name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for name in names.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
            let n = name.as_str().unwrap_or("").to_string();
            match self.class_pattern_attr(subject, &n, &type_name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    fn class_pattern_attr(
        &mut self,
        subject: &Value,
        name: &str,
        type_name: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s == name) {
            return Err(self.type_error(format!(
                "{type_name}() got multiple sub-patterns for attribute '{name}'"
            )));
        }
        seen.push(name.to_string());
        self.try_getattr(subject, name)
    }
}

/// The builtin classes whose one positional sub-pattern is the subject itself
/// (Py_TPFLAGS__MATCH_SELF), and their subclasses.
fn matches_self(vm: &Vm, ty: &crate::object::ObjRef) -> bool {
    let t = vm.types();
    [
        &t.bool_, &t.bytes, &t.dict, &t.float, &t.int, &t.list, &t.str_, &t.tuple,
    ]
    .iter()
    .any(|b| crate::vm::is_subtype(ty, b))
}
