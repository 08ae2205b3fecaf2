//! Printing an uncaught exception the way CPython 3.11 does (Python/pythonrun.c
//! and Python/traceback.c): chained exceptions, `File "...", line N, in name`
//! links, the source line, and the `^^^^` markers under the failing expression.

use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// CPython gives up printing a traceback longer than this many links per
/// repeated line (the "[Previous line repeated N more times]" rule).
const RECURSIVE_CUTOFF: usize = 3;

impl Vm {
    /// The text `sys.excepthook` would print for `exc`, chained causes first.
    pub fn format_exception(&mut self, exc: &ObjRef) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exc: &ObjRef, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(exc.addr());
        if let Payload::Exception(d) = &exc.payload {
            let cause = d.cause.cloned();
            let context = d.context.cloned();
            if let Some(c) = cause.as_obj().filter(|c| !seen.contains(&c.addr())) {
                let c = c.clone();
                self.format_chain(&c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let Some(c) = context
                .as_obj()
                .filter(|c| !seen.contains(&c.addr()) && !*d.suppress_context.get())
            {
                let c = c.clone();
                self.format_chain(&c, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
            let tb = d.traceback.cloned();
            if !matches!(tb, Value::None) {
                out.push_str("Traceback (most recent call last):\n");
                self.format_tb(&tb, out);
            }
        }
        out.push_str(&self.format_exception_only(exc));
    }

    fn format_tb(&mut self, tb: &Value, out: &mut String) {
        let mut cur = tb.clone();
        let mut last: Option<(String, Option<i32>, String)> = None;
        let mut repeats = 0usize;
        while let Some(Payload::Traceback(t)) = cur.payload() {
            let (filename, name, code) = match &t.tb_frame.payload {
                Payload::Frame(f) => match &f.f_code.payload {
                    Payload::Code(c) => (
                        c.co.co_filename.to_string(),
                        c.co.co_name.to_string(),
                        Some(c.clone()),
                    ),
                    _ => ("?".into(), "?".into(), None),
                },
                _ => ("?".into(), "?".into(), None),
            };
            let key = (filename.clone(), t.tb_lineno, name.clone());
            if last.as_ref() == Some(&key) {
                repeats += 1;
            } else {
                if repeats > RECURSIVE_CUTOFF {
                    let n = repeats - RECURSIVE_CUTOFF;
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        n,
                        if n > 1 { "s" } else { "" }
                    ));
                }
                repeats = 1;
                last = Some(key);
            }
            if repeats <= RECURSIVE_CUTOFF {
                match t.tb_lineno {
                    Some(l) => {
                        out.push_str(&format!("  File \"{filename}\", line {l}, in {name}\n"))
                    }
                    None => out.push_str(&format!("  File \"{filename}\", line -1, in {name}\n")),
                }
                if let (Some(line), Some(code)) = (t.tb_lineno, code) {
                    if let Some(src) = source_line(&filename, line) {
                        let loc = pyrs_bytecode::linetable::addr2location(
                            &code.co.co_linetable,
                            code.co.co_firstlineno as i32,
                            t.tb_lasti,
                        );
                        out.push_str(&format_source_with_carets(&src, loc));
                    }
                }
            }
            cur = t.tb_next.clone();
        }
        if repeats > RECURSIVE_CUTOFF {
            let n = repeats - RECURSIVE_CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n > 1 { "s" } else { "" }
            ));
        }
    }

    /// The last line: `Type: message` (module-qualified outside builtins).
    pub fn format_exception_only(&mut self, exc: &ObjRef) -> String {
        let ty = exc.class().clone();
        let name = ty.payload_type().qualname.get().clone();
        let qualified = match self.type_module_name(&ty).as_deref() {
            Some("builtins") | Some("__main__") | None => name,
            Some(m) => format!("{m}.{name}"),
        };
        let msg = match self.str_string(&Value::Obj(exc.clone())) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".into(),
        };
        let suggestion = match self.name_error_suggestion(exc) {
            Some(s) => Some(s),
            None => self.attribute_error_suggestion(exc),
        };
        let msg = match suggestion {
            Some(s) => format!("{msg}. Did you mean: '{s}'?"),
            None => msg,
        };
        if msg.is_empty() {
            format!("{qualified}\n")
        } else {
            format!("{qualified}: {msg}\n")
        }
    }
}

impl Vm {
    /// The suggestion for a NameError (exactly that class, as CPython checks):
    /// the innermost frame's variables, then its globals, then builtins.
    fn name_error_suggestion(&mut self, exc: &ObjRef) -> Option<String> {
        if !exc.class().is(&self.types().exc.name_error) {
            return None;
        }
        let name = exc
            .dict
            .get()
            .as_ref()
            .and_then(|d| crate::protocol::dict::dict_get_str(d, "name"))?;
        let name = name.as_str()?.to_string();
        let Payload::Exception(d) = &exc.payload else {
            return None;
        };
        let mut tb = d.traceback.cloned();
        while let Some(Payload::Traceback(t)) = tb.payload() {
            if matches!(t.tb_next, Value::None) {
                break;
            }
            tb = t.tb_next.clone();
        }
        let Some(Payload::Traceback(t)) = tb.payload() else {
            return None;
        };
        let Payload::Frame(f) = &t.tb_frame.payload else {
            return None;
        };
        let varnames: Vec<String> = match &f.f_code.payload {
            Payload::Code(c) => c.co.co_varnames().iter().map(|n| n.to_string()).collect(),
            _ => Vec::new(),
        };
        let keys = |d: &ObjRef| -> Vec<String> {
            Vm::dict_items(d)
                .iter()
                .filter_map(|(k, _)| k.as_str().map(str::to_string))
                .collect()
        };
        for dir in [varnames, keys(&f.f_globals), keys(&f.f_builtins)] {
            let refs: Vec<&str> = dir.iter().map(String::as_str).collect();
            if let Some(s) = crate::suggestions::calculate_suggestion(&refs, &name) {
                return Some(s.to_string());
            }
        }
        None
    }
}

/// Line `lineno` (1-based) of a source file, if it can be read.
fn source_line(filename: &str, lineno: i32) -> Option<String> {
    if filename.starts_with('<') {
        return None;
    }
    let text = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines()
        .nth((lineno - 1).max(0) as usize)
        .map(str::to_string)
}

/// The indented source line, plus a caret line when the failing expression
/// covers only part of it (3.11's rule: single-line locations only).
fn format_source_with_carets(src: &str, loc: Option<pyrs_bytecode::linetable::Location>) -> String {
    let stripped = src.trim();
    let mut out = format!("    {stripped}\n");
    let Some(loc) = loc else { return out };
    if loc.lineno != loc.end_lineno || loc.col_offset < 0 || loc.end_col_offset < 0 {
        return out;
    }
    // Columns are UTF-8 byte offsets; carets count characters.
    let bytes = src.as_bytes();
    let (start, end) = (loc.col_offset as usize, loc.end_col_offset as usize);
    if start > end
        || end > bytes.len()
        || !src.is_char_boundary(start)
        || !src.is_char_boundary(end)
    {
        return out;
    }
    let indent = src.len() - src.trim_start().len();
    if start < indent {
        return out;
    }
    let seg = &src[start..end];
    // A location that covers the whole (stripped) line gets no markers.
    if seg.trim() == stripped {
        return out;
    }
    let lead = src[indent..start].chars().count();
    let mut markers: String = "^".repeat(seg.chars().count().max(1));
    if let Some((l, r)) = pyrs_syntax::caret_anchors(seg) {
        let (l, r) = (l.min(seg.len()), r.min(seg.len()));
        if seg.is_char_boundary(l) && seg.is_char_boundary(r) && l <= r {
            markers = format!(
                "{}{}{}",
                "~".repeat(seg[..l].chars().count()),
                "^".repeat(seg[l..r].chars().count()),
                "~".repeat(seg[r..].chars().count())
            );
        }
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(lead));
    out.push_str(&markers);
    out.push('\n');
    out
}
