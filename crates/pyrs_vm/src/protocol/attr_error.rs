//! The context CPython 3.11 attaches to an AttributeError that leaves
//! `PyObject_GetAttr` (its `name` and `obj`), and the "Did you mean" that
//! the traceback printer derives from them through `dir(obj)`.
//! Reference: Objects/object.c `set_attribute_error_context`,
//! Python/suggestions.c `offer_suggestions_for_attribute_error`.

use crate::error::PyErr;
use crate::object::Payload;
use crate::protocol::dict::{dict_get_str, dict_set_str_raw};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Record `obj` and `name` on an AttributeError passing through a
    /// getattr of `name` on `obj` (the outermost getattr wins, as in 3.11).
    pub fn attribute_error_context(&self, err: PyErr, obj: &Value, name: &str) -> PyErr {
        if !self.err_matches(&err, &self.types().exc.attribute_error) {
            return err;
        }
        let d = self.instance_dict_of(&err.0);
        dict_set_str_raw(self.types(), &d, "name", self.new_str(name));
        dict_set_str_raw(self.types(), &d, "obj", obj.clone());
        err
    }

    /// The closest attribute of the error's `obj` to its `name`, if any.
    pub fn attribute_error_suggestion(&mut self, exc: &crate::object::ObjRef) -> Option<String> {
        if !crate::vm::is_subtype(exc.class(), &self.types().exc.attribute_error) {
            return None;
        }
        if !matches!(exc.payload, Payload::Exception(_)) {
            return None;
        }
        let d = exc.dict.get().clone()?;
        let name = dict_get_str(&d, "name")?;
        let name = name.as_str()?.to_string();
        let obj = dict_get_str(&d, "obj")?;
        let dir = self.dir_of(&obj).ok()?;
        let names: Vec<String> = self
            .iterate(&dir)
            .ok()?
            .iter()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        crate::suggestions::calculate_suggestion(&refs, &name).map(str::to_string)
    }
}
