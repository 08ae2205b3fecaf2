# The standard library's Python modules over the native StringIO/BytesIO:
# json, pprint, traceback, redirect_stdout, pickle, configparser, tokenize,
# TextIOWrapper with write_through.
import io, json, pprint, traceback, contextlib, pickle, configparser, tokenize, textwrap, sys
s = io.StringIO(); json.dump({"k": [1, 2, {"z": None}]}, s, indent=1); print(s.getvalue())
print(json.load(io.StringIO('{"a": [1, 2.5, "x"]}')))
s = io.StringIO(); pprint.pprint({"k": list(range(30))}, stream=s, width=40); print(s.getvalue())
s = io.StringIO()
try:
    1 / 0
except ZeroDivisionError:
    traceback.print_exc(file=s)
print(s.getvalue().splitlines()[-1])
with contextlib.redirect_stdout(io.StringIO()) as out:
    print("captured", 42)
print(repr(out.getvalue()))
b = io.BytesIO(); pickle.dump({"x": [1, 2, (3, "four")]}, b); b.seek(0); print(pickle.load(b))
b = io.BytesIO(); p = pickle.Pickler(b, 2); p.dump([1, 2]); p.dump("s"); b.seek(0); u = pickle.Unpickler(b); print(u.load(), u.load())
c = configparser.ConfigParser(); c.read_file(io.StringIO("[sec]\nkey = value\nother: 3\n")); print(dict(c["sec"]))
s = io.StringIO(); c.write(s); print(repr(s.getvalue()))
toks = list(tokenize.tokenize(io.BytesIO(b"x = 1 + 2\nprint(x)\n").readline))
print([t.string for t in toks][:8])
toks = list(tokenize.generate_tokens(io.StringIO("a = 'é'\n").readline))
print([t.string for t in toks])
print(sys.stdout.write is not None, isinstance(io.StringIO(), io.TextIOBase))
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
print("hello", file=t); print(t.buffer.getvalue())
