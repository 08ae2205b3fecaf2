//! len, item access, `in`, and iteration over any value (Objects/abstract.c's
//! sequence and mapping protocols, Objects/iterobject.c).

use crate::error::PyResult;
use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::iter::{DictIterKind, IterState};
use crate::protocol::object::as_int;
use crate::value::Value;
use crate::vm::Vm;
use num_traits::{Signed, ToPrimitive, Zero};

/// A resolved slice: start, stop, step and length over a sequence of `len` items.
pub struct SliceIndices {
    pub start: isize,
    pub stop: isize,
    pub step: isize,
    pub len: usize,
}

impl SliceIndices {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i as isize * self.step) as usize)
    }
}

impl Vm {
    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(p) = v.payload() {
            let heap = self.overrides(v, "__len__");
            if !heap {
                match p {
                    Payload::Str(s) => return Ok(s.char_len()),
                    Payload::List(l) => return Ok(l.get().len()),
                    Payload::Tuple(t) => return Ok(t.len()),
                    Payload::Dict(d) => return Ok(d.get().len()),
                    Payload::MappingProxy(m) => return self.len(&m.clone()),
                    Payload::Bytes(b) => return Ok(b.len()),
                    Payload::Range(_) => {
                        let n = self.range_len(v)?;
                        return n.to_usize().ok_or_else(|| {
                            self.overflow_error("Python int too large to convert to C ssize_t")
                        });
                    }
                    _ => {
                        if let Some(n) = crate::types::len_extra(self, v) {
                            return Ok(n);
                        }
                    }
                }
            } else {
                let ty = self.type_of(v).clone();
                if let Some(m) = self.lookup_type(&ty, "__len__") {
                    let r = self.call_method_value(&m, v, &[])?;
                    return match as_int(&r) {
                        Some(i) if i.is_negative() => {
                            Err(self.value_error("__len__() should return >= 0"))
                        }
                        Some(i) => i.to_big().to_usize().ok_or_else(|| {
                            self.overflow_error("cannot fit 'int' into an index-sized integer")
                        }),
                        None => Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(&r)
                        ))),
                    };
                }
            }
        }
        Err(self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }

    /// The length of a range, as a big int (a range may be longer than usize).
    pub fn range_len(&self, v: &Value) -> PyResult<num_bigint::BigInt> {
        let Some(Payload::Range(r)) = v.payload() else {
            return Ok(Default::default());
        };
        let (Some(a), Some(b), Some(c)) = (as_int(&r.start), as_int(&r.stop), as_int(&r.step))
        else {
            return Ok(Default::default());
        };
        let (a, b, c) = (
            a.to_big().into_owned(),
            b.to_big().into_owned(),
            c.to_big().into_owned(),
        );
        let n = if c.is_positive() {
            if a < b {
                (&b - &a - 1) / &c + 1
            } else {
                Zero::zero()
            }
        } else if a > b {
            (&a - &b - 1) / (-&c) + 1
        } else {
            Zero::zero()
        };
        Ok(n)
    }

    /// An index operand (`__index__`): ints and bools.
    pub fn index_value(&mut self, v: &Value, what: &str) -> PyResult<isize> {
        match as_int(v) {
            Some(i) => match i.to_big().to_isize() {
                Some(n) => Ok(n),
                None => Err(self.new_error(
                    &self.types().exc.index_error,
                    "cannot fit 'int' into an index-sized integer",
                )),
            },
            None => match self.index_special(v)? {
                Some(i) => self.index_value(&i, what),
                None => Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(v)
                ))),
            },
        }
    }

    /// Resolve a slice object against a length (PySlice_GetIndicesEx).
    pub fn slice_indices(&mut self, s: &[Value; 3], len: usize) -> PyResult<SliceIndices> {
        let len = len as isize;
        let step = match &s[2] {
            Value::None => 1,
            v => self.slice_index(v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |i: isize| -> isize {
            if i < 0 {
                (i + len).max(lower)
            } else {
                i.min(upper)
            }
        };
        let start = match &s[0] {
            Value::None => {
                if step < 0 {
                    upper
                } else {
                    lower
                }
            }
            v => clamp(self.slice_index(v)?),
        };
        let stop = match &s[1] {
            Value::None => {
                if step < 0 {
                    lower
                } else {
                    upper
                }
            }
            v => clamp(self.slice_index(v)?),
        };
        let n = if step > 0 {
            if start < stop {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    fn slice_index(&mut self, v: &Value) -> PyResult<isize> {
        match as_int(v) {
            Some(i) => {
                let b = i.to_big();
                Ok(b.to_isize().unwrap_or(if b.is_negative() {
                    isize::MIN / 2
                } else {
                    isize::MAX / 2
                }))
            }
            None => match self.index_special(v)? {
                Some(i) => self.slice_index(&i),
                None => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    }

    /// Normalise a (possibly negative) index into `0..len`.
    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = self.index_value(key, what)?;
        let i = if i < 0 { i + len as isize } else { i };
        Ok(if i < 0 || i as usize >= len {
            None
        } else {
            Some(i as usize)
        })
    }

    /// `v[key]`.
    pub fn getitem(&mut self, v: &Value, key: &Value) -> PyResult<Value> {
        let heap = self.overrides(v, "__getitem__");
        if !heap {
            if let Some(p) = v.payload() {
                match p {
                    Payload::List(l) => {
                        if let Value::Int(i) = key {
                            let items = l.get();
                            let i = if *i < 0 { *i + items.len() as i64 } else { *i };
                            return match items.get(i as usize) {
                                Some(x) if i >= 0 => Ok(x.clone()),
                                _ => Err(self.index_error("list index out of range")),
                            };
                        }
                        if let Some(Payload::Slice(s)) = key.payload() {
                            let si = self.slice_indices(s, l.get().len())?;
                            let items = l.get();
                            let out: Vec<Value> =
                                si.indices().filter_map(|i| items.get(i).cloned()).collect();
                            return Ok(self.new_list(out));
                        }
                        let n = l.get().len();
                        return match self.seq_index(key, n, "list")? {
                            Some(i) => Ok(l.get()[i].clone()),
                            None => Err(self.index_error("list index out of range")),
                        };
                    }
                    Payload::Tuple(t) => {
                        if let Some(Payload::Slice(s)) = key.payload() {
                            let si = self.slice_indices(s, t.len())?;
                            // A full slice of an exact tuple is the tuple itself.
                            if si.step == 1
                                && si.len == t.len()
                                && v.as_obj()
                                    .is_some_and(|o| o.class().is(&self.types().tuple))
                            {
                                return Ok(v.clone());
                            }
                            let out: Vec<Value> = si.indices().map(|i| t[i].clone()).collect();
                            return Ok(self.new_tuple(out));
                        }
                        return match self.seq_index(key, t.len(), "tuple")? {
                            Some(i) => Ok(t[i].clone()),
                            None => Err(self.index_error("tuple index out of range")),
                        };
                    }
                    Payload::Str(s) => {
                        if let Some(Payload::Slice(sl)) = key.payload() {
                            let si = self.slice_indices(sl, s.char_len())?;
                            if si.step == 1 {
                                let (b0, b1) = s.byte_range(
                                    si.start.max(0) as usize,
                                    (si.start.max(0) as usize) + si.len,
                                );
                                return Ok(self.new_str(&s.as_str()[b0..b1]));
                            }
                            let chars: Vec<char> = s.as_str().chars().collect();
                            let out: String = si.indices().map(|i| chars[i]).collect();
                            return Ok(self.new_str(out));
                        }
                        return match self.seq_index(key, s.char_len(), "string")? {
                            Some(i) => {
                                let c = s.char_at(i).unwrap_or('\0');
                                Ok(self.new_str(c.to_string()))
                            }
                            None => Err(self.index_error("string index out of range")),
                        };
                    }
                    Payload::Bytes(b) => {
                        if let Some(Payload::Slice(sl)) = key.payload() {
                            let si = self.slice_indices(sl, b.len())?;
                            let out: Vec<u8> = si.indices().map(|i| b[i]).collect();
                            return Ok(self.new_bytes(out));
                        }
                        return match self.seq_index(key, b.len(), "byte")? {
                            Some(i) => Ok(Value::Int(b[i] as i64)),
                            None => Err(self.index_error("index out of range")),
                        };
                    }
                    Payload::Dict(_) => {
                        let d = v
                            .as_obj()
                            .cloned()
                            .ok_or_else(|| self.system_error("dict"))?;
                        return match self.dict_get(&d, key)? {
                            Some(x) => Ok(x),
                            None => self.dict_missing(&d, key),
                        };
                    }
                    Payload::Range(_) => return self.range_getitem(v, key),
                    Payload::Type(_) => {
                        let ty = v
                            .as_obj()
                            .cloned()
                            .ok_or_else(|| self.system_error("type"))?;
                        if let Some(m) = self.lookup_type(&ty, "__class_getitem__") {
                            let m = self.descr_get(m, None, &ty)?;
                            return self.call(&m, std::slice::from_ref(key));
                        }
                        let name = ty.payload_type().name.get().clone();
                        return Err(self.type_error(format!("type '{name}' is not subscriptable")));
                    }
                    Payload::MappingProxy(m) => return self.getitem(&m.clone(), key),
                    _ => {
                        if let Some(r) = crate::types::getitem_extra(self, v, key)? {
                            return Ok(r);
                        }
                    }
                }
            }
        } else {
            let ty = self.type_of(v).clone();
            if let Some(m) = self.lookup_type(&ty, "__getitem__") {
                return self.call_method_value(&m, v, std::slice::from_ref(key));
            }
        }
        Err(self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(v)
        )))
    }

    fn range_getitem(&mut self, v: &Value, key: &Value) -> PyResult<Value> {
        let Some(Payload::Range(r)) = v.payload() else {
            unreachable!()
        };
        let n = self.range_len(v)?;
        let (start, step) = (r.start.clone(), r.step.clone());
        if let Some(Payload::Slice(s)) = key.payload() {
            let s = (**s).clone();
            return crate::types::range::range_slice(self, v, &s);
        }
        let converted;
        let key = match self.index_special(key)? {
            Some(i) => {
                converted = i;
                &converted
            }
            None => key,
        };
        let Some(i) = as_int(key) else {
            return Err(self.type_error(format!(
                "range indices must be integers or slices, not {}",
                self.type_name(key)
            )));
        };
        let mut i = i.to_big().into_owned();
        if i.is_negative() {
            i += &n;
        }
        if i.is_negative() || i >= n {
            return Err(self.index_error("range object index out of range"));
        }
        let (Some(a), Some(c)) = (as_int(&start), as_int(&step)) else {
            unreachable!()
        };
        let val = &*a.to_big() + i * &*c.to_big();
        Ok(self.new_bigint(val))
    }

    /// `v[key] = value`.
    pub fn setitem(&mut self, v: &Value, key: &Value, value: Value) -> PyResult<()> {
        let heap = self.overrides(v, "__setitem__");
        if !heap {
            match v.payload() {
                Some(Payload::List(l)) => {
                    if let Some(Payload::Slice(s)) = key.payload() {
                        let items = self.iterate(&value).map_err(|e| {
                            if self.err_matches(&e, &self.types().exc.type_error) {
                                self.type_error("can only assign an iterable")
                            } else {
                                e
                            }
                        })?;
                        let si = self.slice_indices(s, l.get().len())?;
                        let list = l.get_mut();
                        if si.step == 1 {
                            let start = si.start.clamp(0, list.len() as isize) as usize;
                            let end = (start + si.len).min(list.len());
                            let old: Vec<Value> = list.splice(start..end, items).collect();
                            drop(old);
                            return Ok(());
                        }
                        if items.len() != si.len {
                            return Err(self.value_error(format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), si.len)));
                        }
                        let idx: Vec<usize> = si.indices().collect();
                        for (i, item) in idx.into_iter().zip(items) {
                            let old = std::mem::replace(&mut l.get_mut()[i], item);
                            drop(old);
                        }
                        return Ok(());
                    }
                    let n = l.get().len();
                    return match self.seq_index(key, n, "list")? {
                        Some(i) => {
                            let old = std::mem::replace(&mut l.get_mut()[i], value);
                            drop(old);
                            Ok(())
                        }
                        None => Err(self.index_error("list assignment index out of range")),
                    };
                }
                Some(Payload::Dict(_)) => {
                    let d = v
                        .as_obj()
                        .cloned()
                        .ok_or_else(|| self.system_error("dict"))?;
                    return self.dict_set(&d, key.clone(), value);
                }
                _ => {
                    if crate::types::setitem_extra(self, v, key, &value)? {
                        return Ok(());
                    }
                }
            }
        } else {
            let ty = self.type_of(v).clone();
            if let Some(m) = self.lookup_type(&ty, "__setitem__") {
                self.call_method_value(&m, v, &[key.clone(), value])?;
                return Ok(());
            }
        }
        Err(self.type_error(format!(
            "'{}' object does not support item assignment",
            self.type_name(v)
        )))
    }

    /// `del v[key]`.
    pub fn delitem(&mut self, v: &Value, key: &Value) -> PyResult<()> {
        let heap = self.overrides(v, "__delitem__");
        if !heap {
            match v.payload() {
                Some(Payload::List(l)) => {
                    if let Some(Payload::Slice(s)) = key.payload() {
                        let si = self.slice_indices(s, l.get().len())?;
                        let mut idx: Vec<usize> = si.indices().collect();
                        idx.sort_unstable();
                        let mut removed = Vec::with_capacity(idx.len());
                        for i in idx.into_iter().rev() {
                            removed.push(l.get_mut().remove(i));
                        }
                        drop(removed);
                        return Ok(());
                    }
                    let n = l.get().len();
                    return match self.seq_index(key, n, "list")? {
                        Some(i) => {
                            let old = l.get_mut().remove(i);
                            drop(old);
                            Ok(())
                        }
                        None => Err(self.index_error("list assignment index out of range")),
                    };
                }
                Some(Payload::Dict(_)) => {
                    let d = v
                        .as_obj()
                        .cloned()
                        .ok_or_else(|| self.system_error("dict"))?;
                    return match self.dict_del(&d, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key.clone())),
                    };
                }
                _ => {}
            }
        } else {
            let ty = self.type_of(v).clone();
            if let Some(m) = self.lookup_type(&ty, "__delitem__") {
                self.call_method_value(&m, v, std::slice::from_ref(key))?;
                return Ok(());
            }
        }
        // A mapping without deletion words it differently from a sequence.
        let verb = if matches!(v.payload(), Some(Payload::MappingProxy(_))) {
            "does not"
        } else {
            "doesn't"
        };
        Err(self.type_error(format!(
            "'{}' object {verb} support item deletion",
            self.type_name(v)
        )))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let heap = self.overrides(container, "__contains__");
        if !heap {
            if let Some(Payload::MappingProxy(m)) = container.payload() {
                return self.contains(&m.clone(), item);
            }
            match container.payload() {
                Some(Payload::Str(s)) => {
                    return match item.as_str() {
                        Some(sub) => Ok(s.as_str().contains(sub)),
                        None => Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(item)
                        ))),
                    };
                }
                Some(Payload::Dict(_)) => {
                    let d = container
                        .as_obj()
                        .cloned()
                        .ok_or_else(|| self.system_error("dict"))?;
                    return Ok(self.dict_get(&d, item)?.is_some());
                }
                Some(Payload::List(l)) => {
                    let mut i = 0;
                    loop {
                        let Some(x) = l.get().get(i).cloned() else {
                            return Ok(false);
                        };
                        if self.eq(&x, item)? {
                            return Ok(true);
                        }
                        i += 1;
                    }
                }
                Some(Payload::Tuple(t)) => {
                    let t = t.clone();
                    for x in t.iter() {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Some(Payload::Range(r)) => {
                    if let Some(i) = as_int(item) {
                        let (a, b, c) = (as_int(&r.start), as_int(&r.stop), as_int(&r.step));
                        if let (Some(a), Some(b), Some(c)) = (a, b, c) {
                            let (i, a, b, c) = (
                                i.to_big().into_owned(),
                                a.to_big().into_owned(),
                                b.to_big().into_owned(),
                                c.to_big().into_owned(),
                            );
                            let inside = if c.is_positive() {
                                a <= i && i < b
                            } else {
                                b < i && i <= a
                            };
                            return Ok(inside && ((i - a) % c).is_zero());
                        }
                    }
                }
                _ => {
                    if let Some(r) = crate::types::contains_extra(self, container, item)? {
                        return Ok(r);
                    }
                }
            }
        } else {
            let ty = self.type_of(container).clone();
            if let Some(m) = self.lookup_type(&ty, "__contains__") {
                let r = self.call_method_value(&m, container, std::slice::from_ref(item))?;
                return self.is_true(&r);
            }
        }
        let it = self.iter(container).map_err(|e| {
            if self.err_matches(&e, &self.types().exc.type_error) {
                self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                ))
            } else {
                e
            }
        })?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn new_iter(&self, ty: &ObjRef, state: IterState) -> Value {
        Value::Obj(ObjRef::new(ty, Payload::Iterator(GilCell::new(state))))
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let t = self.types();
        let heap = self.overrides(v, "__iter__");
        if !heap {
            if let Some(Payload::MappingProxy(m)) = v.payload() {
                return self.iter(&m.clone());
            }
            match v.payload() {
                Some(Payload::List(_)) => {
                    return Ok(self.new_iter(
                        &t.list_iterator,
                        IterState::Seq {
                            seq: v.clone(),
                            index: 0,
                        },
                    ))
                }
                Some(Payload::Tuple(_)) => {
                    return Ok(self.new_iter(
                        &t.tuple_iterator,
                        IterState::Seq {
                            seq: v.clone(),
                            index: 0,
                        },
                    ))
                }
                Some(Payload::Str(s)) => {
                    // CPython has a separate iterator type for ASCII strings.
                    let ty = if s.is_ascii() {
                        &t.str_iterator
                    } else {
                        &t.str_unicode_iterator
                    };
                    return Ok(self.new_iter(
                        ty,
                        IterState::Seq {
                            seq: v.clone(),
                            index: 0,
                        },
                    ));
                }
                Some(Payload::Bytes(_)) => {
                    return Ok(self.new_iter(
                        &t.bytes_iterator,
                        IterState::Seq {
                            seq: v.clone(),
                            index: 0,
                        },
                    ))
                }
                Some(Payload::Dict(d)) => {
                    let len = d.get().len();
                    return Ok(self.new_iter(
                        &t.dict_keyiterator,
                        IterState::Dict {
                            dict: v.clone(),
                            index: 0,
                            kind: DictIterKind::Keys,
                            len,
                        },
                    ));
                }
                Some(Payload::Range(r)) => {
                    let n = self.range_len(v)?;
                    if let (Some(Value::Int(start)), Some(Value::Int(step)), Some(n)) =
                        (Some(&r.start), Some(&r.step), n.to_u64())
                    {
                        return Ok(self.new_iter(
                            &t.range_iterator,
                            IterState::Range {
                                next: *start,
                                step: *step,
                                remaining: n,
                            },
                        ));
                    }
                    // Bounds past a machine word (CPython's longrangeiterobject):
                    // items by index, each computed by range's own indexing.
                    return Ok(self.new_iter(
                        &t.longrange_iterator,
                        IterState::GetItem {
                            seq: v.clone(),
                            index: 0,
                        },
                    ));
                }
                Some(Payload::Iterator(_)) => return Ok(v.clone()),
                Some(Payload::Generator(g))
                    if g.kind == crate::objects::generator::GenKind::Generator =>
                {
                    return Ok(v.clone())
                }
                _ => {
                    if let Some(r) = crate::types::iter_extra(self, v)? {
                        return Ok(r);
                    }
                }
            }
        } else {
            let ty = self.type_of(v).clone();
            if let Some(m) = self.lookup_type(&ty, "__iter__") {
                let r = self.call_method_value(&m, v, &[])?;
                let rt = self.type_of(&r).clone();
                if !matches!(r.payload(), Some(Payload::Iterator(_)))
                    && self.lookup_type(&rt, "__next__").is_none()
                {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(&r)
                    )));
                }
                return Ok(r);
            }
        }
        // The sequence protocol: a class with __getitem__ but no __iter__.
        if self.overrides(v, "__getitem__") {
            return Ok(crate::objects::descriptor::new_seq_iter(self, v.clone()));
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// `next(it)`: `Ok(None)` when exhausted (no StopIteration object is made
    /// for builtin iterators, which is what makes `for` loops cheap).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(Payload::Iterator(st)) = it.payload() {
            return Ok(match st.get_mut() {
                IterState::Range {
                    next,
                    step,
                    remaining,
                } => {
                    if *remaining == 0 {
                        None
                    } else {
                        let v = *next;
                        *remaining -= 1;
                        *next = next.wrapping_add(*step);
                        Some(Value::Int(v))
                    }
                }
                IterState::Seq { seq, index } => {
                    let item = match seq.payload() {
                        Some(Payload::List(l)) => l.get().get(*index).cloned(),
                        Some(Payload::Tuple(t)) => t.get(*index).cloned(),
                        Some(Payload::Bytes(b)) => b.get(*index).map(|&x| Value::Int(x as i64)),
                        Some(Payload::Str(s)) => {
                            let c = s.char_at(*index);
                            match c {
                                Some(c) => {
                                    *index += 1;
                                    let mut buf = [0u8; 4];
                                    return Ok(Some(self.new_str(&*c.encode_utf8(&mut buf))));
                                }
                                None => None,
                            }
                        }
                        _ => None,
                    };
                    match item {
                        Some(x) => {
                            *index += 1;
                            Some(x)
                        }
                        None => {
                            let old = std::mem::replace(seq, Value::Null);
                            drop(old);
                            None
                        }
                    }
                }
                IterState::Dict {
                    dict,
                    index,
                    kind,
                    len,
                } => {
                    let Some(Payload::Dict(d)) = dict.payload() else {
                        return Ok(None);
                    };
                    let table = d.get();
                    if table.len() != *len {
                        *len = usize::MAX;
                        return Err(self.runtime_error("dictionary changed size during iteration"));
                    }
                    let entries = table.entries();
                    while *index < entries.len() && entries[*index].key.is_null() {
                        *index += 1;
                    }
                    match entries.get(*index) {
                        None => None,
                        Some(e) => {
                            *index += 1;
                            let (k, v) = (e.key.clone(), e.value.clone());
                            let kind = *kind;
                            return Ok(Some(match kind {
                                DictIterKind::Keys => k,
                                DictIterKind::Values => v,
                                DictIterKind::Items => self.new_tuple(vec![k, v]),
                            }));
                        }
                    }
                }
                IterState::Done => None,
                _ => return crate::types::iterators::next_composite(self, it),
            });
        }
        if let Some(Payload::Generator(g)) = it.payload() {
            if g.kind == crate::objects::generator::GenKind::Generator {
                return match self.gen_send(it, Value::None, None)? {
                    crate::objects::generator::GenResult::Yield(v) => Ok(Some(v)),
                    crate::objects::generator::GenResult::Return(_) => Ok(None),
                };
            }
        }
        let ty = self.type_of(it).clone();
        match self.lookup_type(&ty, "__next__") {
            Some(m) => match self.call_method_value(&m, it, &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.err_matches(&e, &self.types().exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    /// Collect an iterable into a Vec.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.payload() {
            Some(Payload::List(l))
                if !v
                    .as_obj()
                    .is_some_and(|o| o.class().payload_type().heap_type) =>
            {
                return Ok(l.get().clone())
            }
            Some(Payload::Tuple(t))
                if !v
                    .as_obj()
                    .is_some_and(|o| o.class().payload_type().heap_type) =>
            {
                return Ok(t.to_vec())
            }
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}
