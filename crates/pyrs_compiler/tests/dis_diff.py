# Debug aid: diff `dis` listings (with positions) of pyrs's code (JSON from
# cpython_compare.rs) and CPython's code for the same source.
import difflib, dis, io, json, sys, types
sys.argv, saved = [sys.argv[0]], sys.argv
exec(open(__file__.replace("dis_diff.py", "run_code.py")).read().split("co = code(")[0])
sys.argv = saved

def listing(co):
    out = io.StringIO()
    def rec(c):
        print("==", c.co_qualname, "stack", c.co_stacksize, "flags", c.co_flags, "consts", c.co_consts, file=out)
        for ins in dis.get_instructions(c):
            print(ins.offset, ins.opname, ins.argrepr if ins.arg is not None else "", ins.positions, file=out)
        print("exc", list(dis._parse_exception_table(c)) if hasattr(dis, "_parse_exception_table") else c.co_exceptiontable, file=out)
        for k in c.co_consts:
            if isinstance(k, types.CodeType):
                rec(k)
    rec(co)
    return out.getvalue().splitlines()

ours = code(json.load(open(sys.argv[1])))
theirs = compile(open(sys.argv[2]).read(), sys.argv[2], "exec", dont_inherit=True)
for l in difflib.unified_diff(listing(theirs), listing(ours), "cpython", "pyrs", lineterm="", n=2):
    print(l)
