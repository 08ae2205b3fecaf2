# The CPython half of tests/syntax_errors.rs: for each case of
# syntax_errors/cases.txt ("===== NAME" then the source), print
# "NAME<TAB>json.dumps([type, msg, lineno, offset, text])" from compile(), or
# "NAME<TAB>ok".
import json, sys

def cases(path):
    name, lines = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("===== "):
                if name:
                    yield name, "".join(lines)
                name, lines = line[6:].strip(), []
            else:
                lines.append(line)
    if name:
        yield name, "".join(lines)

for name, src in cases(sys.argv[1]):
    try:
        compile(src, "<case>", "exec", dont_inherit=True)
        res = "ok"
    except SyntaxError as e:
        res = json.dumps([type(e).__name__, e.msg, e.lineno, e.offset, e.text])
    print("%s\t%s" % (name, res))
