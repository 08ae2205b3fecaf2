# Rebuilds a pyrs-compiled code object from the JSON that
# tests/cpython_compare.rs writes, and executes it with CPython: the check that
# CPython's own VM runs what pyrs compiles.
import json, struct, sys, types

def const(j):
    t = j["t"]
    if t == "none": return None
    if t == "ellipsis": return Ellipsis
    if t == "bool": return j["v"]
    if t == "int": return int(j["v"])
    if t == "float": return struct.unpack("<d", struct.pack("<Q", int(j["v"], 16)))[0]
    if t == "complex": return complex(const(j["re"]), const(j["im"]))
    if t == "str": return bytes.fromhex(j["v"]).decode("utf-8", "surrogatepass")
    if t == "bytes": return bytes.fromhex(j["v"])
    if t == "tuple": return tuple(const(x) for x in j["v"])
    if t == "frozenset": return frozenset(const(x) for x in j["v"])
    if t == "code": return code(j["v"])
    raise ValueError(t)

def code(j):
    return types.CodeType(
        j["argcount"], j["posonlyargcount"], j["kwonlyargcount"], j["nlocals"],
        j["stacksize"], j["flags"], bytes.fromhex(j["code"]),
        tuple(const(c) for c in j["consts"]), tuple(j["names"]), tuple(j["varnames"]),
        j["filename"], j["name"], j["qualname"], j["firstlineno"],
        bytes.fromhex(j["linetable"]), bytes.fromhex(j["exceptiontable"]),
        tuple(j["freevars"]), tuple(j["cellvars"]))

co = code(json.load(open(sys.argv[1])))
exec(co, {"__name__": "__main__"})
