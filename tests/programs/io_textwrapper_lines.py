# TextIOWrapper line reading over BytesIO in every newline mode, with line
# endings of each kind, '\r\n' split across reads, small chunk sizes and
# size-limited readline.
import io

samples = [
    b"a\nb\r\nc\rd\n",
    b"one\r\r\ntwo\r",
    b"\r\n\r\n\n\r",
    b"no newline at all",
    "h\xe9llo\r\nw\xf6rld\r\xe9\n".encode("utf-8"),
    b"x" * 9000 + b"\r\n" + b"y" * 10 + b"\r",
]
for data in samples:
    for nl in [None, "", "\n", "\r", "\r\n"]:
        t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=nl)
        lines = list(t)
        print(repr(nl), len(lines), [l[-3:] for l in lines][:6], repr(t.newlines))
        t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=nl)
        t._CHUNK_SIZE = 3
        print("   small chunks", [l[-3:] for l in t][:6])
        t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=nl)
        print("   limited", [t.readline(2) for _ in range(5)])

t = io.TextIOWrapper(io.BytesIO(b"ab\r\ncd\rEF\n"), encoding="ascii")
print(repr(t.readline()), t.tell(), repr(t.read(1)), repr(t.readline()), repr(t.readline()))
