//! The builtin functions beyond the first set in `builtins.rs`: sorting and
//! iteration helpers, rounding and number formatting, introspection, and
//! `compile`/`exec`/`eval`. Reference: Python/bltinmodule.c.

use crate::error::{PyErr, PyResult};
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::protocol::object::as_int;
use crate::types::args::{after_self, bind};
use crate::value::Value;
use crate::vm::Vm;
use num_traits::Signed;

pub const FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("sorted", builtin_sorted),
    MethodDef::method("any", builtin_any),
    MethodDef::method("all", builtin_all),
    MethodDef::method("iter", builtin_iter),
    MethodDef::method("round", builtin_round),
    MethodDef::method("pow", builtin_pow),
    MethodDef::method("bin", builtin_bin),
    MethodDef::method("oct", builtin_oct),
    MethodDef::method("hex", builtin_hex),
    MethodDef::method("format", builtin_format),
    MethodDef::method("locals", builtin_locals),
    MethodDef::method("abs", builtin_abs),
    MethodDef::method("divmod", builtin_divmod),
    MethodDef::method("input", builtin_input),
    MethodDef::method("compile", builtin_compile),
    MethodDef::method("exec", builtin_exec),
    MethodDef::method("eval", builtin_eval),
    MethodDef::method("open", builtin_open),
];

fn builtin_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    crate::types::file::open(vm, a)
}

fn builtin_sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    let p = a.pos();
    if p.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", p.len())));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in a.kwargs() {
        match k {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.is_true(v)?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for sort()"))
                )
            }
        }
    }
    let items = vm.iterate(&p[0])?;
    let sorted = crate::types::sort::sort_values(vm, items, &key, reverse)?;
    Ok(vm.new_list(sorted))
}

fn any_all(vm: &mut Vm, args: Args, name: &str, want: bool) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, name, &a, 1, 1)?;
    let it = vm.iter(&a.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.is_true(&x)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

fn builtin_any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    any_all(vm, args, "any", true)
}

fn builtin_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    any_all(vm, args, "all", false)
}

fn builtin_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, "iter", &a, 1, 2)?;
    if let Some(sentinel) = a.args.get(1) {
        let f = a.args[0].clone();
        let callable = vm.call(&vm.getattr_builtin("callable")?, std::slice::from_ref(&f))?;
        if !vm.is_true(&callable)? {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::types::iterators::callable_iter(
            vm,
            f,
            sentinel.clone(),
        ));
    }
    vm.iter(&a.args[0])
}

fn builtin_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    let [number, ndigits] = bind(vm, "round", &a, ["number", "ndigits"], 1, 0)?;
    let number = number.unwrap_or(Value::None);
    let nd = match ndigits {
        None | Some(Value::None) => None,
        Some(n) => Some(n),
    };
    let heap = number
        .as_obj()
        .is_some_and(|o| o.class().payload_type().heap_type);
    if !heap {
        if let Some(i) = as_int(&number) {
            let i = i.to_big().into_owned();
            return match nd {
                None => Ok(vm.new_bigint(i)),
                Some(n) => {
                    let n = vm.clamp_index(&n)?;
                    Ok(crate::types::numbers::round_int(vm, &i, n))
                }
            };
        }
        if let Some(f) = crate::types::numbers::float_of(&number) {
            return match nd {
                None => crate::types::numbers::round_float_to_int(vm, f),
                Some(n) => {
                    let n = vm.clamp_index(&n)?;
                    crate::types::numbers::round_float(vm, f, n).map(Value::Float)
                }
            };
        }
    }
    let ty = vm.type_of(&number).clone();
    match vm.lookup_type(&ty, "__round__") {
        Some(m) => match nd {
            None => vm.call_method_value(&m, &number, &[]),
            Some(n) => vm.call_method_value(&m, &number, &[n]),
        },
        None => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&number)
        ))),
    }
}

fn builtin_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    let [base, exp, modulus] = bind(vm, "pow", &a, ["base", "exp", "mod"], 2, 0)?;
    let (base, exp) = (base.unwrap_or(Value::None), exp.unwrap_or(Value::None));
    match modulus {
        None | Some(Value::None) => vm.binary_op(&base, &exp, pyrs_bytecode::opcode::nb::POWER),
        Some(m) => {
            let (Some(b), Some(e), Some(mm)) = (as_int(&base), as_int(&exp), as_int(&m)) else {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if mm.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let (b, e, mm) = (
                b.to_big().into_owned(),
                e.to_big().into_owned(),
                mm.to_big().into_owned(),
            );
            let (b, e) = if e.is_negative() {
                // A negative exponent needs the inverse of the base modulo m.
                let inv = mod_inverse(&b, &mm).ok_or_else(|| {
                    vm.value_error("base is not invertible for the given modulus")
                })?;
                (inv, -e)
            } else {
                (b, e)
            };
            let r = crate::objects::int::pow_mod(
                &crate::objects::int::IntRef::Big(&b),
                &crate::objects::int::IntRef::Big(&e),
                &crate::objects::int::IntRef::Big(&mm),
            );
            Ok(vm.new_int(r))
        }
    }
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if e.gcd != num_bigint::BigInt::from(1) {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

/// An int for `bin`/`oct`/`hex`, through `__index__`.
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<num_bigint::BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big().into_owned());
    }
    let ty = vm.type_of(v).clone();
    if let Some(m) = vm.lookup_type(&ty, "__index__") {
        let r = vm.call_method_value(&m, v, &[])?;
        if let Some(i) = as_int(&r) {
            return Ok(i.to_big().into_owned());
        }
    }
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

fn radix(vm: &mut Vm, args: Args, name: &str, base: u32, prefix: &str) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, name, &a, 1, 1)?;
    let i = index_big(vm, &a.args[0])?;
    let sign = if i.is_negative() { "-" } else { "" };
    Ok(vm.new_str(format!("{sign}{prefix}{}", i.abs().to_str_radix(base))))
}

fn builtin_bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", 2, "0b")
}

fn builtin_oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", 8, "0o")
}

fn builtin_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", 16, "0x")
}

fn builtin_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    let [value, spec] = bind(vm, "format", &a, ["value", "format_spec"], 1, 2)?;
    let value = value.unwrap_or(Value::None);
    let spec = match &spec {
        None => String::new(),
        Some(s) => s
            .as_str()
            .ok_or_else(|| {
                vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                ))
            })?
            .to_string(),
    };
    let s = crate::format::format_value(vm, &value, &spec)?;
    Ok(vm.new_str(s))
}

/// The current frame's locals as a dict: the namespace of a module or class
/// body, or a snapshot of a function's fast locals (as CPython 3.11 gives).
fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Ok(Value::Obj(vm.new_dict()));
    };
    if !f.locals.is_null() {
        return Ok(f.locals.clone());
    }
    let code = f.code.clone();
    let fast = f.fast.clone();
    let d = vm.new_dict();
    let names = code.co.co_localsplusnames.clone();
    for (name, v) in names.iter().zip(fast) {
        let v = match v.payload() {
            Some(Payload::Cell(c)) => c.get().clone(),
            _ => v,
        };
        if !v.is_null() {
            let k = vm.new_str(&**name);
            vm.dict_set(&d, k, v)?;
        }
    }
    Ok(Value::Obj(d))
}

fn builtin_locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, "locals", &a, 0, 0)?;
    current_locals(vm)
}

/// The computed attributes of builtin types (CPython's getset and member
/// descriptors), which live outside the type dicts here.
pub(crate) fn getset_names(vm: &Vm, t: &crate::object::ObjRef) -> &'static [&'static str] {
    let ts = vm.types();
    if t.is(&ts.int) {
        &["denominator", "imag", "numerator", "real"]
    } else if t.is(&ts.float) || t.is(&ts.complex) {
        &["imag", "real"]
    } else if t.is(&ts.range) || t.is(&ts.slice) {
        &["start", "step", "stop"]
    } else if t.is(&ts.memoryview) {
        &[
            "c_contiguous",
            "contiguous",
            "f_contiguous",
            "format",
            "itemsize",
            "nbytes",
            "ndim",
            "obj",
            "readonly",
            "shape",
            "strides",
        ]
    } else {
        &[]
    }
}

fn builtin_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, "abs", &a, 1, 1)?;
    let v = &a.args[0];
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return crate::types::complex::complex_abs(vm, *re, *im);
    }
    if let Some(i) = as_int(v) {
        return Ok(vm.new_int(crate::objects::int::abs(&i)));
    }
    if let Some(f) = crate::types::numbers::float_of(v) {
        if !v
            .as_obj()
            .is_some_and(|o| o.class().payload_type().heap_type)
        {
            return Ok(Value::Float(f.abs()));
        }
    }
    let ty = vm.type_of(v).clone();
    match vm.lookup_type(&ty, "__abs__") {
        Some(m) => vm.call_method_value(&m, v, &[]),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, "divmod", &a, 2, 2)?;
    let (x, y) = (&a.args[0], &a.args[1]);
    let ty = vm.type_of(x).clone();
    if ty.payload_type().heap_type {
        if let Some(m) = vm.lookup_type(&ty, "__divmod__") {
            let r = vm.call_method_value(&m, x, std::slice::from_ref(y))?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    let floats = crate::types::numbers::float_of(x).is_some()
        || crate::types::numbers::float_of(y).is_some();
    if floats {
        let to_f = |v: &Value| -> Option<f64> {
            crate::types::numbers::float_of(v)
                .or_else(|| as_int(v).and_then(|i| crate::objects::int::to_f64(&i)))
        };
        if let (Some(p), Some(q)) = (to_f(x), to_f(y)) {
            if q == 0.0 {
                return Err(vm.zero_division_error("float divmod()"));
            }
            let (d, m) = crate::objects::float::divmod(p, q);
            return Ok(vm.new_tuple(vec![Value::Float(d), Value::Float(m)]));
        }
    }
    let q = vm
        .binary_op(x, y, pyrs_bytecode::opcode::nb::FLOOR_DIVIDE)
        .map_err(|e| divmod_error(vm, e, x, y))?;
    let r = vm
        .binary_op(x, y, pyrs_bytecode::opcode::nb::REMAINDER)
        .map_err(|e| divmod_error(vm, e, x, y))?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn divmod_error(vm: &Vm, e: PyErr, x: &Value, y: &Value) -> PyErr {
    if vm.err_matches(&e, &vm.types().exc.type_error) {
        let msg = crate::types::exception_message(&e);
        if msg.starts_with("unsupported operand") {
            return vm.type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                vm.type_name(x),
                vm.type_name(y)
            ));
        }
    }
    e
}

fn builtin_input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    crate::builtins::check_args(vm, "input", &a, 0, 1)?;
    if let Some(p) = a.args.first() {
        let s = vm.str_string(p)?;
        let out = crate::protocol::dict::dict_get_str(&vm.interp.sys_dict, "stdout")
            .unwrap_or(Value::None);
        vm.write_to_file(&out, &s)?;
        vm.flush_file(&out)?;
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error(&vm.types().exc.eof_error, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(line))
        }
        Err(e) => Err(vm.new_error(&vm.types().exc.os_error, e.to_string())),
    }
}

// ----- compile, exec, eval -----

fn syntax_error(vm: &Vm, e: &pyrs_compiler::SyntaxErrorInfo) -> PyErr {
    let ty = match e.kind {
        pyrs_compiler::SyntaxErrorKind::IndentationError => &vm.types().exc.indentation_error,
        pyrs_compiler::SyntaxErrorKind::TabError => &vm.types().exc.tab_error,
        _ => &vm.types().exc.syntax_error,
    };
    let details = vm.new_tuple(vec![
        vm.new_str(e.filename.as_str()),
        Value::Int(e.lineno as i64),
        Value::Int(e.offset as i64),
        e.text
            .as_ref()
            .map_or(Value::None, |t| vm.new_str(t.as_str())),
        Value::Int(e.end_lineno as i64),
        Value::Int(e.end_offset as i64),
    ]);
    PyErr(vm.new_exception(ty, vec![vm.new_str(e.msg.as_str()), details]))
}

fn source_text(vm: &Vm, v: &Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = crate::types::bytes::bytes_like(v) {
        return String::from_utf8(b).map_err(|_| vm.value_error("source code is not valid UTF-8"));
    }
    Err(vm.type_error(format!(
        "{fname}() arg 1 must be a string, bytes or code object"
    )))
}

fn compile_source(
    vm: &Vm,
    src: &str,
    filename: &str,
    mode: pyrs_compiler::Mode,
) -> PyResult<Value> {
    let co = pyrs_compiler::compile(
        src,
        filename,
        mode,
        &pyrs_compiler::CompileOptions::default(),
    )
    .map_err(|e| syntax_error(vm, &e))?;
    crate::objects::code::new_code_object(vm.types(), co)
        .map(Value::Obj)
        .map_err(|m| vm.system_error(m))
}

fn builtin_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = after_self(&args);
    let [source, filename, mode, _flags, _dont_inherit, _optimize] = bind(
        vm,
        "compile",
        &a,
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
        3,
        0,
    )?;
    let source = source.unwrap_or(Value::None);
    if matches!(source.payload(), Some(Payload::Code(_))) {
        return Ok(source);
    }
    let src = source_text(vm, &source, "compile")?;
    let filename = filename
        .as_ref()
        .and_then(|f| f.as_str().map(str::to_string))
        .unwrap_or_else(|| "<string>".into());
    let mode = match mode.as_ref().and_then(|m| m.as_str()) {
        Some("exec") => pyrs_compiler::Mode::Exec,
        Some("eval") => pyrs_compiler::Mode::Eval,
        Some("single") => pyrs_compiler::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    compile_source(vm, &src, &filename, mode)
}

/// Run a code object with explicit globals and locals (`exec`/`eval`).
fn run_code(
    vm: &mut Vm,
    code: &Value,
    globals: Option<Value>,
    locals: Option<Value>,
    fname: &str,
) -> PyResult<Value> {
    let (globals, locals) = match (globals, locals) {
        (None, None) => {
            let g = vm
                .frames
                .last()
                .map(|f| Value::Obj(f.globals.clone()))
                .unwrap_or(Value::None);
            let l = current_locals(vm)?;
            (g, l)
        }
        (Some(g), None) => (g.clone(), g),
        (None, Some(l)) => {
            let g = vm
                .frames
                .last()
                .map(|f| Value::Obj(f.globals.clone()))
                .unwrap_or(Value::None);
            (g, l)
        }
        (Some(g), Some(l)) => (g, l),
    };
    let Some(gd) = globals
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Dict(_)))
        .cloned()
    else {
        return Err(vm.type_error(format!(
            "{fname}() globals must be a dict, not {}",
            vm.type_name(&globals)
        )));
    };
    if crate::protocol::dict::dict_get_str(&gd, "__builtins__").is_none() {
        let b = Value::Obj(vm.interp.builtins_dict.clone());
        crate::protocol::dict::dict_set_str_raw(vm.types(), &gd, "__builtins__", b);
    }
    let Some(Payload::Code(c)) = code.payload() else {
        return Err(vm.system_error("not a code object"));
    };
    let c = c.clone();
    let code_obj = code
        .as_obj()
        .cloned()
        .ok_or_else(|| vm.system_error("code"))?;
    let builtins = vm.interp.builtins_dict.clone();
    let mut frame = vm.alloc_frame(c, code_obj, gd, builtins);
    frame.locals = locals;
    vm.run_frame(frame)
}

fn exec_eval(vm: &mut Vm, args: Args, fname: &str, mode: pyrs_compiler::Mode) -> PyResult<Value> {
    let a = after_self(&args);
    let [source, globals, locals] = bind(vm, fname, &a, ["source", "globals", "locals"], 1, 3)?;
    let source = source.unwrap_or(Value::None);
    let globals = globals.filter(|g| !matches!(g, Value::None));
    let locals = locals.filter(|l| !matches!(l, Value::None));
    let code = if matches!(source.payload(), Some(Payload::Code(_))) {
        source
    } else {
        let src = source_text(vm, &source, fname)?;
        let src = if mode == pyrs_compiler::Mode::Eval {
            src.trim_start_matches([' ', '\t']).to_string()
        } else {
            src
        };
        compile_source(vm, &src, "<string>", mode)?
    };
    run_code(vm, &code, globals, locals, fname)
}

fn builtin_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_eval(vm, args, "exec", pyrs_compiler::Mode::Exec)?;
    Ok(Value::None)
}

fn builtin_eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_eval(vm, args, "eval", pyrs_compiler::Mode::Eval)
}

impl Vm {
    /// A builtin by name, from the builtins module.
    pub fn getattr_builtin(&self, name: &str) -> PyResult<Value> {
        crate::protocol::dict::dict_get_str(&self.interp.builtins_dict, name)
            .ok_or_else(|| self.name_error(format!("name '{name}' is not defined")))
    }
}
