# The CPython half of compare_tree (embedded in the binary, run once per tree).
#   python3 cpython_side.py compile MANIFEST [OPTIMIZE]
#       each line "SRC<TAB>OUT": compile SRC (at optimization level OPTIMIZE)
#       as importlib does (bytes in, so coding cookies apply) and write
#       marshal.dumps(code) to OUT, or the error to OUT + ".err".
#   python3 cpython_side.py load MANIFEST      each line "BLOB": marshal.loads it
#       (pyrs's output) and print "FAIL BLOB: error" for what CPython rejects.
#   python3 cpython_side.py show MANIFEST      each line "PYRS<TAB>CPYTHON": print a
#       unified diff of `dis` for every code object pair that differs.
import marshal, re, sys, types

def main():
    mode, manifest = sys.argv[1], sys.argv[2]
    optimize = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    with open(manifest, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    if mode == "compile":
        for line in lines:
            src, out = line.split("\t")
            try:
                with open(src, "rb") as f:
                    data = f.read()
                code = compile(data, src, "exec", dont_inherit=True, optimize=optimize)
                with open(out, "wb") as f:
                    f.write(marshal.dumps(code))
            except SyntaxError as e:
                # "syntax<TAB>type<TAB>lineno<TAB>msg": pyrs must reject it too.
                with open(out + ".err", "w", encoding="utf-8") as f:
                    f.write("syntax\t%s\t%s\t%s" % (type(e).__name__, e.lineno, e.msg))
            except Exception as e:
                with open(out + ".err", "w", encoding="utf-8") as f:
                    f.write("%s: %s" % (type(e).__name__, e))
    elif mode == "load":
        for blob in lines:
            try:
                with open(blob, "rb") as f:
                    code = marshal.loads(f.read())
                if not isinstance(code, types.CodeType):
                    raise TypeError("not a code object: %s" % type(code).__name__)
                # Walking co_lines/co_positions makes CPython decode the tables.
                def walk(co):
                    list(co.co_lines()); list(co.co_positions())
                    for c in co.co_consts:
                        if isinstance(c, types.CodeType):
                            walk(c)
                walk(code)
            except Exception as e:
                print("FAIL %s: %s: %s" % (blob, type(e).__name__, e))
    elif mode == "show":
        import difflib, dis, io
        def listing(co):
            out = io.StringIO()
            dis.dis(co, file=out, depth=0, show_caches=False)
            # Code objects' addresses differ between the two sides.
            lines = re.sub(r" at 0x[0-9a-f]+", "", out.getvalue()).splitlines()
            lines.append("stacksize %d flags %d names %r" % (co.co_stacksize, co.co_flags, co.co_names))
            lines.append("consts %r" % (co.co_consts,))
            lines.append("locals %r" % (co.co_varnames + co.co_cellvars + co.co_freevars,))
            lines.append("exceptiontable %s" % co.co_exceptiontable.hex())
            lines.extend("pos %r" % (p,) for p in co.co_positions())
            return [re.sub(r" at 0x[0-9a-f]+", "", l) for l in lines]
        def pair(a, b):
            la, lb = listing(a), listing(b)
            if la != lb or a.co_linetable != b.co_linetable:
                print("=== %s (line %d)" % (b.co_qualname, b.co_firstlineno))
                for l in difflib.unified_diff(la, lb, "pyrs", "cpython", lineterm="", n=2):
                    print(l)
            ca = [c for c in a.co_consts if isinstance(c, types.CodeType)]
            cb = [c for c in b.co_consts if isinstance(c, types.CodeType)]
            for x, y in zip(ca, cb):
                pair(x, y)
        for line in lines:
            ours, theirs = line.split("\t")
            with open(ours, "rb") as f:
                a = marshal.loads(f.read())
            with open(theirs, "rb") as f:
                b = marshal.loads(f.read())
            pair(a, b)
    else:
        sys.exit("unknown mode " + mode)

main()
