//! The code type's methods (Objects/codeobject.c): `co_lines()`,
//! `co_positions()` and `_varname_from_oparg`, the views `dis` reads. The
//! tables themselves are decoded by `pyrs_bytecode::linetable`.

use super::args::{pos, this};
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::native::{Args, MethodDef};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::linetable;

pub const METHODS: &[MethodDef] = &[
    MethodDef::method("co_lines", code_co_lines),
    MethodDef::method("co_positions", code_co_positions),
    MethodDef::method("_varname_from_oparg", code_varname_from_oparg),
];

fn code_of<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a crate::objects::code::Code> {
    match this(args).payload() {
        Some(Payload::Code(c)) => Ok(c),
        _ => Err(vm.type_error("descriptor requires a 'code' object")),
    }
}

fn opt_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |n| Value::Int(i64::from(n)))
}

/// `co_lines()`: an iterator of `(start, end, line)` byte ranges.
fn code_co_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "co_lines", &args, 0, 0)?;
    let co = &code_of(vm, &args)?.co;
    let items: Vec<Value> =
        linetable::co_lines(&co.co_linetable, co.co_firstlineno as i32, co.co_code.len())
            .into_iter()
            .map(|(s, e, line)| {
                vm.new_tuple(vec![
                    Value::Int(i64::from(s)),
                    Value::Int(i64::from(e)),
                    opt_int(line),
                ])
            })
            .collect();
    let t = vm.new_tuple(items);
    vm.iter(&t)
}

/// `co_positions()`: an iterator of one `(lineno, end_lineno, col_offset,
/// end_col_offset)` per code unit.
fn code_co_positions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pos(vm, "co_positions", &args, 0, 0)?;
    let co = &code_of(vm, &args)?.co;
    let items: Vec<Value> = linetable::co_positions(&co.co_linetable, co.co_firstlineno as i32)
        .into_iter()
        .map(|(a, b, c, d)| vm.new_tuple(vec![opt_int(a), opt_int(b), opt_int(c), opt_int(d)]))
        .collect();
    let t = vm.new_tuple(items);
    vm.iter(&t)
}

/// `_varname_from_oparg(i)`: the name of fast-locals slot `i` (locals, cells,
/// free variables), as LOAD_FAST/LOAD_DEREF's argument names it.
fn code_varname_from_oparg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = pos(vm, "_varname_from_oparg", &args, 1, 1)?;
    let i = vm.to_i64(&r[0], "")?;
    let code = code_of(vm, &args)?;
    match usize::try_from(i)
        .ok()
        .and_then(|i| code.localsplusnames.get(i))
    {
        Some(name) => Ok(name.clone()),
        None => Err(vm.index_error("tuple index out of range")),
    }
}
