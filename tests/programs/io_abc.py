# io's ABCs claim builtins.open's files, _io's classes and their subclasses.
import io
f = open('io_abc.py'); b = open('io_abc.py', 'rb')
print(isinstance(f, io.IOBase), isinstance(f, io.TextIOBase), isinstance(f, io.BufferedIOBase))
print(isinstance(b, io.IOBase), isinstance(b, io.BufferedIOBase), isinstance(b, io.TextIOBase), isinstance(b, io.RawIOBase))
print(isinstance(io.StringIO(), io.IOBase), isinstance(3, io.IOBase), issubclass(io.StringIO, io.TextIOBase), issubclass(io.BytesIO, io.TextIOBase))
class My(io.IOBase): pass
print(isinstance(f, My), isinstance(My(), io.IOBase))
f.close(); b.close()
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase), issubclass(io.TextIOWrapper, io.TextIOBase))
with io.open('io_abc.py', 'rb', buffering=0) as raw:
    print(isinstance(raw, io.RawIOBase), isinstance(raw, io.FileIO), raw.read(4))
print(type(io.StringIO()).__module__, io.StringIO.__name__)
