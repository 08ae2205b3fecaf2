//! The symbol table: scopes of module, class, function, lambda and comprehension,
//! and CPython's classification of every name in them. Never sees an opcode.
//! Reference: CPython 3.11 Python/symtable.c.
