# Prints every code object of a compiled file, recursively, in the textual form
# that tests/cpython_compare.rs prints for pyrs's code objects.
import struct, sys, types

def crepr(c):
    if c is None: return "None"
    if c is Ellipsis: return "..."
    if isinstance(c, bool): return "True" if c else "False"
    if isinstance(c, int): return "i:%d" % c
    if isinstance(c, float): return "f:%016x" % struct.unpack("<Q", struct.pack("<d", c))[0]
    if isinstance(c, complex): return "c:%s,%s" % (crepr(c.real), crepr(c.imag))
    if isinstance(c, str): return "s:" + c.encode("utf-8", "surrogatepass").hex()
    if isinstance(c, bytes): return "b:" + c.hex()
    if isinstance(c, tuple): return "(" + ",".join(crepr(x) for x in c) + ")"
    if isinstance(c, frozenset): return "fs{" + ",".join(sorted(crepr(x) for x in c)) + "}"
    if isinstance(c, types.CodeType): return "code:" + c.co_qualname
    return "?" + repr(c)

def dump(co, out):
    out.append("== " + co.co_qualname)
    out.append("co_code " + co.co_code.hex())
    out.append("co_consts " + " ".join(crepr(c) for c in co.co_consts))
    out.append("co_names " + " ".join(co.co_names))
    out.append("co_localsplusnames " + " ".join(co.co_varnames + co.co_cellvars + co.co_freevars))
    out.append("co_argcounts %d %d %d" % (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount))
    out.append("co_stacksize %d" % co.co_stacksize)
    out.append("co_flags %d" % co.co_flags)
    out.append("co_firstlineno %d" % co.co_firstlineno)
    out.append("co_qualname " + co.co_qualname)
    out.append("co_linetable " + co.co_linetable.hex())
    out.append("co_exceptiontable " + co.co_exceptiontable.hex())
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump(c, out)

path = sys.argv[1]
src = open(path, encoding="utf-8").read()
out = []
dump(compile(src, path, "exec", dont_inherit=True), out)
print("\n".join(out))
