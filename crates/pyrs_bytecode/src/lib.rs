//! CPython 3.11's bytecode format, shared by the compiler and the VM: the opcode
//! table, code objects, the location and exception tables, marshal and the .pyc
//! header. It knows nothing of the VM's objects (`pyrs_bytecode` never depends on
//! `pyrs_vm`).

pub mod code;
pub mod exception_table;
pub mod linetable;
pub mod marshal;
pub mod opcode;
pub mod pyc;

pub use code::{CodeObject, Const};
pub use opcode::Opcode;
