# The CPython half of compare_tree (embedded in the binary, run once per tree).
#   python3 cpython_side.py compile MANIFEST   each line "SRC<TAB>OUT": compile SRC
#       as importlib does (bytes in, so coding cookies apply) and write
#       marshal.dumps(code) to OUT, or the error to OUT + ".err".
#   python3 cpython_side.py load MANIFEST      each line "BLOB": marshal.loads it
#       (pyrs's output) and print "FAIL BLOB: error" for what CPython rejects.
import marshal, sys, types

def main():
    mode, manifest = sys.argv[1], sys.argv[2]
    with open(manifest, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    if mode == "compile":
        for line in lines:
            src, out = line.split("\t")
            try:
                with open(src, "rb") as f:
                    data = f.read()
                code = compile(data, src, "exec", dont_inherit=True)
                with open(out, "wb") as f:
                    f.write(marshal.dumps(code))
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
    else:
        sys.exit("unknown mode " + mode)

main()
