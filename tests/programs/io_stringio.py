# _io.StringIO and BytesIO as programs use them: building text, reading
# lines back, seeking, newline translation.
import _io

s = _io.StringIO()
for i in range(5):
    s.write(f"line {i}\n")
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(4)), s.tell())
print(list(s))
print(repr(s.read()), s.readline() == '')
s.seek(3)
s.write("XY")
print(repr(s.getvalue()[:12]), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.close()
print(s.closed)
try:
    s.write("x")
except ValueError as e:
    print("ValueError:", e)

t = _io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(t.getvalue()), t.newlines)
t = _io.StringIO("a\r\nb\rc\n", newline='')
print(list(t))
t = _io.StringIO("one\ntwo\n", newline='\r\n')
print(repr(t.getvalue()))
with _io.StringIO("ctx") as c:
    print(c.read(), c.readable(), c.writable(), c.seekable())
try:
    _io.StringIO(b"bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    _io.StringIO().write(3)
except TypeError as e:
    print("TypeError:", e)

b = _io.BytesIO(b"hello\nworld\n")
print(b.read(3), b.readline(), b.tell(), b.read(), b.read())
b.seek(0, 2)
b.write(b"more")
b.seek(20)
b.write(b"!")
print(b.getvalue())
b.seek(0)
print(b.readlines())
buf = bytearray(4)
b.seek(6)
print(b.readinto(buf), buf)
print(b.truncate(3), b.getvalue(), b.tell())
try:
    b.write("str")
except TypeError as e:
    print("TypeError:", e)
try:
    b.seek(-1)
except ValueError as e:
    print("ValueError:", e)
print(isinstance(b, _io._BufferedIOBase), isinstance(s, _io._TextIOBase), issubclass(_io.StringIO, _io._IOBase))
print(_io.UnsupportedOperation.__mro__[1:3])
