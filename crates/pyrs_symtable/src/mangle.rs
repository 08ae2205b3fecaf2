//! Private name mangling, `_Py_Mangle` of Python/compile.c: inside `class C`,
//! `__x` becomes `_C__x` (dunder names and dotted names are left alone).

pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}
