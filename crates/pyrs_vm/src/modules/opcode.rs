//! `_opcode` (Modules/_opcode.c): `stack_effect`, read from the one opcode
//! table in `pyrs_bytecode::opcode`, so `dis.stack_effect` agrees with the
//! compiler.

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::native::{Args, MethodDef};
use crate::types::args::kw;
use crate::value::Value;
use crate::vm::Vm;
use pyrs_bytecode::opcode::{Opcode, HAVE_ARGUMENT};

const FUNCTIONS: &[MethodDef] = &[MethodDef::method("stack_effect", stack_effect)];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, module, FUNCTIONS);
    Ok(())
}

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`: with `jump` None, the
/// larger of the two effects, as CPython reports it.
fn stack_effect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = &args.pos()[1..];
    if p.len() > 2 {
        return Err(vm.type_error(format!(
            "stack_effect() takes at most 2 positional arguments ({} given)",
            p.len()
        )));
    }
    let [opcode, oparg, jump] = kw(vm, "stack_effect", &args, ["opcode", "oparg", "jump"], 1, 2)?;
    let opcode = vm.index_i64(&opcode.unwrap_or(Value::None))?;
    let oparg = match oparg {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.index_i64(&v)?),
    };
    let jump = match jump {
        None | Some(Value::None) => None,
        Some(Value::Bool(b)) => Some(b),
        Some(_) => {
            return Err(vm.value_error("stack_effect: jump must be False, True or None"));
        }
    };
    let takes_arg = opcode >= i64::from(HAVE_ARGUMENT);
    let oparg = match (takes_arg, oparg) {
        (true, None) => {
            return Err(
                vm.value_error("stack_effect: opcode requires oparg but oparg was not specified")
            )
        }
        (false, Some(_)) => {
            return Err(vm
                .value_error("stack_effect: opcode does not permit oparg but oparg was specified"))
        }
        (_, a) => a.unwrap_or(0),
    };
    let op = u16::try_from(opcode)
        .ok()
        .filter(|&n| n < 256)
        .and_then(Opcode::from_u16);
    let (Some(op), Ok(oparg)) = (op, u32::try_from(oparg)) else {
        return Err(vm.value_error("invalid opcode or oparg"));
    };
    let effect = match jump {
        Some(j) => op.stack_effect(oparg, j),
        None => op
            .stack_effect(oparg, true)
            .max(op.stack_effect(oparg, false)),
    };
    Ok(Value::Int(i64::from(effect)))
}
