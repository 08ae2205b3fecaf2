# tokenize: tokens of a small program, untokenize round trip, generate_tokens over a readline
import tokenize, io, token
src = "def f(a, b=1):\n    return a + b  # add\nx = f(2, b=3)\n"
toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
for t in toks:
    print(token.tok_name[t.type], repr(t.string), t.start, t.end)
print(tokenize.untokenize(toks) == src)
btoks = list(tokenize.tokenize(io.BytesIO(src.encode()).readline))
print(btoks[0].type == tokenize.ENCODING, btoks[0].string, len(btoks))
