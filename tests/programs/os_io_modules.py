import io, os
s = io.StringIO()
print('x', 1, file=s)
print(repr(s.getvalue()), isinstance(s, io.IOBase), isinstance(s, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
with io.open('/tmp/pyrs_os_io_q.txt', 'w', encoding='utf-8') as f:
    f.write('a\nb\n')
with open('/tmp/pyrs_os_io_q.txt', 'rb') as f:
    print(f.read())
with io.open('/tmp/pyrs_os_io_q.txt') as f:
    print(f.readlines(), isinstance(f, io.TextIOWrapper), isinstance(f, io.IOBase))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_END, issubclass(io.UnsupportedOperation, OSError))
w = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
w.write('héllo'); w.flush(); print(w.buffer.getvalue())
os.remove('/tmp/pyrs_os_io_q.txt')
print(os.path.exists('/tmp/pyrs_os_io_q.txt'), os.fspath('a'), os.getpid() > 0)
fd, = [os.open('os_io_modules.py', os.O_RDONLY)]
print(os.read(fd, 6)); os.close(fd)
print(os.stat('os_io_modules.py').st_size > 0, repr(os.stat_result)[:25], os.get_terminal_size.__name__)
print(os.fsencode('abc'), os.fsdecode(b'abc'), os.environ.get('HOME') is not None)
os.environ['PYRS_X'] = '1'; print(os.getenv('PYRS_X'), os.environb[b'PYRS_X'])
