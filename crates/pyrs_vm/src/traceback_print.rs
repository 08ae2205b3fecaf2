//! Printing an uncaught exception the way CPython 3.11 does (Python/pythonrun.c
//! and Python/traceback.c): chained exceptions, `File "...", line N, in name`
//! links, the source line, and the `^^^^` markers under the failing expression.

use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// CPython gives up printing a traceback longer than this many links per
/// repeated line (the "[Previous line repeated N more times]" rule).
const RECURSIVE_CUTOFF: usize = 3;

/// Exception groups print at most this many members and this much nesting.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// Where inside nested exception groups the printer is (traceback.py's
/// `_ExceptionPrintContext`).
#[derive(Default)]
struct PrintCtx {
    depth: usize,
    need_close: bool,
    seen: Vec<usize>,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Every line of `text`, prefixed with the indent and, inside a group, the
    /// margin (`|`, or `+` for a group's own header).
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

impl Vm {
    /// The text `sys.excepthook` would print for `exc`, chained causes first.
    pub fn format_exception(&mut self, exc: &ObjRef) -> String {
        let mut out = String::new();
        let mut ctx = PrintCtx::default();
        self.format_with_ctx(exc, &mut ctx, &mut out);
        out
    }

    fn format_with_ctx(&mut self, exc: &ObjRef, ctx: &mut PrintCtx, out: &mut String) {
        // The chain, innermost cause first, each with the message before it.
        let mut chain: Vec<(Option<&str>, ObjRef)> = Vec::new();
        let mut cur = Some(exc.clone());
        while let Some(e) = cur.take() {
            ctx.seen.push(e.addr());
            let (msg, next) = match &e.payload {
                Payload::Exception(d) => {
                    let cause = d.cause.cloned();
                    let context = d.context.cloned();
                    if let Some(c) = cause.as_obj() {
                        (Some(CAUSE_MESSAGE), Some(c.clone()))
                    } else if let (Some(c), false) = (context.as_obj(), *d.suppress_context.get()) {
                        (Some(CONTEXT_MESSAGE), Some(c.clone()))
                    } else {
                        (None, None)
                    }
                }
                _ => (None, None),
            };
            chain.push((msg, e));
            cur = next.filter(|n| {
                !ctx.seen.contains(&n.addr()) && matches!(n.payload, Payload::Exception(_))
            });
            if cur.is_none() {
                if let Some(last) = chain.last_mut() {
                    last.0 = None;
                }
            }
        }
        for (msg, e) in chain.into_iter().rev() {
            if let Some(m) = msg {
                ctx.emit(out, m, '|');
            }
            let tb = match &e.payload {
                Payload::Exception(d) => d.traceback.cloned(),
                _ => Value::None,
            };
            let ev = Value::Obj(e.clone());
            let is_group = crate::objects::exception_group::is_group(self, &ev);
            if !is_group {
                if !matches!(tb, Value::None) {
                    ctx.emit(out, "Traceback (most recent call last):\n", '|');
                    let mut lines = String::new();
                    self.format_tb(&tb, &mut lines);
                    ctx.emit(out, &lines, '|');
                }
                let only = self.format_exception_only(&e);
                ctx.emit(out, &only, '|');
            } else if ctx.depth > MAX_GROUP_DEPTH {
                ctx.emit(
                    out,
                    &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                    '|',
                );
            } else {
                let toplevel = ctx.depth == 0;
                if toplevel {
                    ctx.depth += 1;
                }
                if !matches!(tb, Value::None) {
                    ctx.emit(
                        out,
                        "Exception Group Traceback (most recent call last):\n",
                        if toplevel { '+' } else { '|' },
                    );
                    let mut lines = String::new();
                    self.format_tb(&tb, &mut lines);
                    ctx.emit(out, &lines, '|');
                }
                let only = self.format_exception_only(&e);
                ctx.emit(out, &only, '|');
                let members = crate::objects::exception_group::group_exceptions(&ev);
                let n = members.len().min(MAX_GROUP_WIDTH + 1);
                ctx.need_close = false;
                for (i, member) in members.iter().take(n).enumerate() {
                    let last = i == n - 1;
                    if last {
                        ctx.need_close = true;
                    }
                    let truncated = i >= MAX_GROUP_WIDTH;
                    let title = if truncated {
                        "...".to_string()
                    } else {
                        (i + 1).to_string()
                    };
                    out.push_str(&format!(
                        "{}{}+---------------- {title} ----------------\n",
                        ctx.indent(),
                        if i == 0 { "+-" } else { "  " }
                    ));
                    ctx.depth += 1;
                    if !truncated {
                        if let Some(m) = member.as_obj() {
                            let m = m.clone();
                            self.format_with_ctx(&m, ctx, out);
                        }
                    } else {
                        let remaining = members.len() - MAX_GROUP_WIDTH;
                        ctx.emit(
                            out,
                            &format!(
                                "and {remaining} more exception{}\n",
                                if remaining > 1 { "s" } else { "" }
                            ),
                            '|',
                        );
                    }
                    if last && ctx.need_close {
                        out.push_str(&format!(
                            "{}+------------------------------------\n",
                            ctx.indent()
                        ));
                        ctx.need_close = false;
                    }
                    ctx.depth -= 1;
                }
                if toplevel {
                    ctx.depth = 0;
                }
            }
        }
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
            let lineno = t.lineno();
            let key = (filename.clone(), lineno, name.clone());
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
                match lineno {
                    Some(l) => {
                        out.push_str(&format!("  File \"{filename}\", line {l}, in {name}\n"))
                    }
                    None => out.push_str(&format!("  File \"{filename}\", line -1, in {name}\n")),
                }
                if let (Some(line), Some(code)) = (lineno, code) {
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
            cur = t.tb_next.cloned();
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
        let mut out = if msg.is_empty() {
            format!("{qualified}\n")
        } else {
            format!("{qualified}: {msg}\n")
        };
        out.push_str(&self.format_notes(exc));
        out
    }

    /// The lines of `__notes__`, each note's str on its own line (a
    /// `__notes__` that is not a sequence prints as its repr).
    fn format_notes(&mut self, exc: &ObjRef) -> String {
        let ev = Value::Obj(exc.clone());
        let Ok(Some(notes)) = self.try_getattr(&ev, "__notes__") else {
            return String::new();
        };
        let items = match notes.payload() {
            Some(Payload::List(l)) => l.get().clone(),
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => {
                return format!(
                    "{}\n",
                    self.repr_string(&notes)
                        .unwrap_or_else(|_| "<__notes__ repr() failed>".into())
                )
            }
        };
        let mut out = String::new();
        for n in items {
            let s = match n.as_str() {
                Some(s) => s.to_string(),
                None => self
                    .str_string(&n)
                    .unwrap_or_else(|_| "<note str() failed>".into()),
            };
            out.push_str(&s);
            out.push('\n');
        }
        out
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
            if matches!(*t.tb_next.get(), Value::None) {
                break;
            }
            tb = t.tb_next.cloned();
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

/// The indented source line, plus a marker line under the failing
/// expression, by traceback.py's rule: markers show when the location is
/// shorter than the stripped line, or when anchors (`~~^~~` for a binary
/// operation or subscript on one line) split it.
fn format_source_with_carets(src: &str, loc: Option<pyrs_bytecode::linetable::Location>) -> String {
    let stripped = src.trim();
    let mut out = format!("    {stripped}\n");
    let Some(loc) = loc else { return out };
    if loc.col_offset < 0 || loc.end_col_offset < 0 {
        return out;
    }
    // Columns are UTF-8 byte offsets into the line; markers count characters.
    let chars = |b: usize| src.get(..b.min(src.len())).map(|p| p.chars().count());
    let (Some(start), Some(mut end)) = (
        chars(loc.col_offset as usize),
        chars(loc.end_col_offset as usize),
    ) else {
        return out;
    };
    let indent = src.chars().count() - src.trim_start().chars().count();
    let stripped_len = stripped.chars().count();
    let mut anchors = None;
    if loc.lineno == loc.end_lineno {
        let (b0, b1) = (
            loc.col_offset as usize,
            (loc.end_col_offset as usize).min(src.len()),
        );
        if b0 <= b1 && src.is_char_boundary(b0) && src.is_char_boundary(b1) {
            let seg = &src[b0..b1];
            anchors = pyrs_syntax::caret_anchors(seg).and_then(|(l, r)| {
                let (l, r) = (l.min(seg.len()), r.min(seg.len()));
                (seg.is_char_boundary(l) && seg.is_char_boundary(r) && l <= r)
                    .then(|| (seg[..l].chars().count(), seg[..r].chars().count()))
            });
        }
    } else {
        end = indent + stripped_len;
    }
    if start > end || start < indent {
        return out;
    }
    let shows = end - start < stripped_len || anchors.is_some_and(|(l, r)| r > l);
    if !shows {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start - indent));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r - l));
            out.push_str(&"~".repeat((end - start).saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
    out
}
