# The CPython half of tests/modes.rs. Each manifest line is
# "MODE<TAB>OPTIMIZE<TAB>SOURCE<TAB>BLOB": compile SOURCE as CPython's compile()
# does with that mode and optimization level, load pyrs's marshalled result
# from BLOB, and print "MISMATCH SOURCE MODE OPTIMIZE: qualname field" for every
# field of every code object (recursively) that differs; then "COMPARED N".
import marshal, sys, types

FIELDS = ("co_code", "co_names", "co_varnames", "co_cellvars", "co_freevars",
          "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize",
          "co_flags", "co_firstlineno", "co_name", "co_qualname", "co_linetable",
          "co_exceptiontable")

def consts(co):
    return [("code",) if isinstance(c, types.CodeType) else (type(c), repr(c)) for c in co.co_consts]

def compare(a, b, where, out):
    for f in FIELDS:
        if getattr(a, f) != getattr(b, f):
            out.append("%s %s %s" % (where, b.co_qualname, f))
    if consts(a) != consts(b):
        out.append("%s %s co_consts: %r vs %r" % (where, b.co_qualname, a.co_consts, b.co_consts))
    ca = [c for c in a.co_consts if isinstance(c, types.CodeType)]
    cb = [c for c in b.co_consts if isinstance(c, types.CodeType)]
    for x, y in zip(ca, cb):
        compare(x, y, where, out)

out = []
compared = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        mode, optimize, src, blob = line.rstrip("\n").split("\t")
        with open(src, encoding="utf-8") as s:
            # Files named toplevelawait_* are compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT.
            flags = 0x2000 if src.rsplit("/", 1)[-1].startswith("toplevelawait_") else 0
            theirs = compile(s.read(), src, mode, flags=flags, dont_inherit=True, optimize=int(optimize))
        with open(blob, "rb") as b:
            ours = marshal.loads(b.read())
        compare(ours, theirs, "%s %s -O%s:" % (src.rsplit("/", 1)[-1], mode, optimize), out)
        compared += 1
for l in out:
    print("MISMATCH", l)
print("COMPARED", compared)
