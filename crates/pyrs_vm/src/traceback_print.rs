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
        if msg.is_empty() {
            format!("{qualified}\n")
        } else {
            format!("{qualified}: {msg}\n")
        }
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
    let seg = &src[start..end];
    // A location that covers the whole (stripped) line gets no markers.
    if seg.trim() == stripped {
        return out;
    }
    let lead = src[indent..start].chars().count();
    let width = seg.chars().count();
    out.push_str("    ");
    out.push_str(&" ".repeat(lead));
    out.push_str(&"^".repeat(width.max(1)));
    out.push('\n');
    out
}
