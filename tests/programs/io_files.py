# _io.open in its modes: text with universal newlines, binary, buffered
# random access, append, and the errors open() raises.
import _io, posix

path = '/tmp/pyrs_io_%d.txt' % posix.getpid()
try:
    with _io.open(path, 'w') as f:
        print(type(f).__name__, f.mode, f.encoding, f.writable(), f.readable())
        print(f.write("héllo\n"), f.write("crlf\r\nlast line"))
    with _io.open(path) as f:
        print(repr(f.readline()), f.tell())
        print(repr(f.read()))
    with _io.open(path) as f:
        print(repr(f.read()), f.newlines)
    with _io.open(path, newline='') as f:
        print(list(f))
    with _io.open(path, encoding='latin-1') as f:
        print(repr(f.read(3)))
    with _io.open(path, 'rb') as f:
        print(type(f).__name__, f.mode, f.read(3), f.peek(1)[:1], f.read1(2), f.tell())
        print(f.readline(), f.readlines())
        print(f.seek(1), f.read(2), f.raw.closefd, type(f.raw).__name__)
    with _io.open(path, 'a') as f:
        f.write("\nappended")
    with _io.open(path, 'r+b') as f:
        print(type(f).__name__, f.read(5))
        f.write(b'XX')
        f.seek(0)
        print(f.read())
    with _io.open(path, 'rb', buffering=0) as f:
        print(type(f).__name__, f.read(4), f.readall()[-8:])
    f = _io.open(path)
    it = iter(f)
    print(next(it), end='')
    f.close()
    print(f.closed)
    try:
        f.read()
    except ValueError as e:
        print('ValueError:', e)
    with _io.open(path, 'w', newline='\r\n') as f:
        f.write("a\nb\n")
    with _io.open(path, 'rb') as f:
        print(f.read())
    fd = posix.open(path, posix.O_RDONLY)
    with _io.open(fd, 'rb', closefd=False) as f:
        print(f.read(3))
    print(posix.read(fd, 2))
    posix.close(fd)
    try:
        _io.open(path, 'r').write('x')
    except _io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
finally:
    posix.unlink(path)

for args in [('/nonexistent/dir/f',), (path, 'rw'), (path, 'rbt'), (path, 'q'), (path, 'rb', -1, 'utf-8'), (path, 'x+w')]:
    try:
        _io.open(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
try:
    _io.open('/dev/null', 'w', 0)
except ValueError as e:
    print('ValueError', e)
print(_io.text_encoding('utf-8'), _io.text_encoding(None))
d = _io.IncrementalNewlineDecoder(None, True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r', final=True)), d.newlines)
