# The class tree of pyrs's _io (Modules/_io/): the ABC bases, FileIO over
# posix's fd calls, the buffered classes, TextIOWrapper,
# IncrementalNewlineDecoder and open(). Runs once, in _io's namespace, when
# _io is first imported; DEFAULT_BUFFER_SIZE is set by the Rust side, which
# adds StringIO and BytesIO (stringio.rs, bytesio.rs) under this file's
# _TextIOBase and _BufferedIOBase afterwards.

import posix as _posix

SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2


class UnsupportedOperation(OSError, ValueError):
    __module__ = 'io'


def _unsupported(name):
    raise UnsupportedOperation(name)


class _IOBase:
    __module__ = '_io'

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        object.__setattr__(self, '_IOBase__closed', False)
        return self

    def seek(self, offset, whence=0, /):
        _unsupported('seek')

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None, /):
        _unsupported('truncate')

    def flush(self):
        # iobase_is_closed: IOBase's own flag, which classes with their own
        # close() (the native StringIO) never set.
        if getattr(self, '_IOBase__closed', False):
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self.__closed

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    # __del__ is native (iobase.rs), as CPython's iobase_finalize is C.

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable." if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable." if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable." if msg is None else msg)

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        _unsupported('fileno')

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1, /):
        if size is None:
            size = -1
        res = bytearray()
        peek = getattr(self, 'peek', None)
        while size < 0 or len(res) < size:
            n = 1
            if peek is not None:
                ahead = peek(1)
                if ahead:
                    i = ahead.find(b'\n') + 1
                    n = i if i > 0 else len(ahead)
                    if size >= 0:
                        n = min(n, size - len(res))
            b = self.read(n)
            if not b:
                break
            res += b
            if res.endswith(b'\n'):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None, /):
        if hint is None or hint <= 0:
            return list(self)
        lines, n = [], 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines, /):
        self._checkClosed()
        for line in lines:
            self.write(line)


class _RawIOBase(_IOBase):
    __module__ = '_io'

    def read(self, size=-1, /):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        b[n:] = b''
        return bytes(b)

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        if res:
            return bytes(res)
        return data

    def readinto(self, b, /):
        raise NotImplementedError

    def write(self, b, /):
        raise NotImplementedError


class _BufferedIOBase(_IOBase):
    __module__ = '_io'

    def read(self, size=-1, /):
        _unsupported('read')

    def read1(self, size=-1, /):
        _unsupported('read1')

    def write(self, b, /):
        _unsupported('write')

    def detach(self):
        _unsupported('detach')

    def readinto(self, b, /):
        return self._readinto(b, self.read)

    def readinto1(self, b, /):
        return self._readinto(b, self.read1)

    def _readinto(self, b, read):
        m = _byte_view(b)
        data = read(len(m))
        n = len(data)
        m[:n] = data
        return n


class _TextIOBase(_IOBase):
    __module__ = '_io'

    def read(self, size=-1, /):
        _unsupported('read')

    def write(self, s, /):
        _unsupported('write')

    def truncate(self, pos=None, /):
        _unsupported('truncate')

    def readline(self, size=-1, /):
        _unsupported('readline')

    def detach(self):
        _unsupported('detach')

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


def _byte_view(b):
    # A writable view of b's bytes (memoryview.cast where the VM has it).
    m = memoryview(b)
    cast = getattr(m, 'cast', None)
    return m if cast is None or m.format == 'B' else cast('B')


def _bytes_of(b):
    if isinstance(b, str):
        raise TypeError(f"a bytes-like object is required, not 'str'")
    return bytes(b)


def _index(v, what='an integer'):
    if v is None:
        return -1
    try:
        return v.__index__()
    except AttributeError:
        raise TypeError(f"argument should be integer or None, not '{type(v).__name__}'") from None


class FileIO(_RawIOBase):
    __module__ = '_io'

    def __init__(self, file, mode='r', closefd=True, opener=None):
        self._fd = -1
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        if isinstance(file, int):
            fd = file
            if fd < 0:
                raise ValueError('negative file descriptor')
        else:
            fd = -1
        if not set(mode) <= set('xrwab+') or len(set(mode)) != len(mode) \
                or sum(c in 'rwax' for c in mode) != 1 or mode.count('+') > 1:
            raise ValueError(f'invalid mode: {mode}')
        self._created = 'x' in mode
        self._readable = 'r' in mode or '+' in mode
        self._writable = 'r' not in mode or '+' in mode
        self._appending = 'a' in mode
        if 'x' in mode:
            flags = _posix.O_EXCL | _posix.O_CREAT
        elif 'r' in mode:
            flags = 0
        elif 'w' in mode:
            flags = _posix.O_CREAT | _posix.O_TRUNC
        else:
            flags = _posix.O_APPEND | _posix.O_CREAT
        if '+' in mode:
            flags |= _posix.O_RDWR
        elif self._readable:
            flags |= _posix.O_RDONLY
        else:
            flags |= _posix.O_WRONLY
        flags |= _posix.O_CLOEXEC
        self._closefd = closefd
        if fd < 0:
            if not closefd:
                raise ValueError('Cannot use closefd=False with file name')
            if opener is None:
                fd = _posix.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError('expected integer from opener')
                if fd < 0:
                    raise ValueError(f'opener returned {fd}')
        self._fd = fd
        try:
            st = _posix.fstat(fd)
            if (st.st_mode & 0o170000) == 0o040000:
                raise IsADirectoryError(21, _posix.strerror(21), file)
            self._blksize = st.st_blksize if st.st_blksize > 1 else DEFAULT_BUFFER_SIZE
        except BaseException:
            if closefd:
                _posix.close(fd)
            self._fd = -1
            raise
        self.name = file
        if self._appending:
            try:
                _posix.lseek(fd, 0, SEEK_END)
            except OSError:
                pass
        self._seekable = None

    def __repr__(self):
        cls = 'FileIO'
        if self.closed:
            return f'<_io.{cls} [closed]>'
        try:
            name = self.name
        except AttributeError:
            return f'<_io.{cls} fd={self._fd} mode={self.mode!r} closefd={self._closefd!r}>'
        return f'<_io.{cls} name={name!r} mode={self.mode!r} closefd={self._closefd!r}>'

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        if self._created:
            return 'xb+' if self._readable else 'xb'
        if self._appending:
            return 'ab+' if self._readable else 'ab'
        if self._readable:
            return 'rb+' if self._writable else 'rb'
        return 'wb'

    def fileno(self):
        self._checkClosed()
        return self._fd

    def readable(self):
        self._checkClosed()
        return self._readable

    def writable(self):
        self._checkClosed()
        return self._writable

    def seekable(self):
        self._checkClosed()
        if self._seekable is None:
            try:
                _posix.lseek(self._fd, 0, SEEK_CUR)
                self._seekable = True
            except OSError:
                self._seekable = False
        return self._seekable

    def isatty(self):
        self._checkClosed()
        return _posix.isatty(self._fd)

    def _check_mode(self, ok, what):
        self._checkClosed()
        if not ok:
            raise UnsupportedOperation(f'File not open for {what}')

    def read(self, size=-1, /):
        self._check_mode(self._readable, 'reading')
        size = _index(size)
        if size < 0:
            return self.readall()
        return _posix.read(self._fd, size)

    def readall(self):
        self._check_mode(self._readable, 'reading')
        chunks = []
        while True:
            b = _posix.read(self._fd, 65536)
            if not b:
                break
            chunks.append(b)
        return b''.join(chunks)

    def readinto(self, b, /):
        self._check_mode(self._readable, 'reading')
        m = _byte_view(b)
        data = _posix.read(self._fd, len(m))
        m[:len(data)] = data
        return len(data)

    def write(self, b, /):
        self._check_mode(self._writable, 'writing')
        return _posix.write(self._fd, b)

    def seek(self, pos, whence=0, /):
        self._checkClosed()
        if isinstance(pos, float):
            raise TypeError('an integer is required')
        return _posix.lseek(self._fd, pos, whence)

    def tell(self):
        self._checkClosed()
        return _posix.lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None, /):
        self._check_mode(self._writable, 'writing')
        if size is None:
            size = self.tell()
        _posix.ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            try:
                _RawIOBase.close(self)
            finally:
                fd, self._fd = self._fd, -1
                if self._closefd:
                    _posix.close(fd)

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' instances")


class _Buffered(_BufferedIOBase):
    # One implementation for the four buffered classes: a read-ahead buffer
    # (_rbuf from _rpos) and a write buffer (_wbuf); at most one of them is
    # non-empty, and the raw stream's position is where _rbuf ends or where
    # _wbuf starts.
    _reader = _writer = False

    def __init__(self, raw, buffer_size=None):
        if buffer_size is None:
            buffer_size = DEFAULT_BUFFER_SIZE
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        if self._reader:
            raw._checkReadable()
        if self._writer:
            raw._checkWritable()
        self.raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b''
        self._rpos = 0
        self._wbuf = bytearray()

    def __repr__(self):
        name = type(self).__qualname__
        mod = '_io' if type(self).__module__ == '_io' else type(self).__module__
        try:
            n = self.name
        except (AttributeError, ValueError):
            return f'<{mod}.{name}>'
        return f'<{mod}.{name} name={n!r}>'

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    @property
    def closed(self):
        return self.raw.closed

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def readable(self):
        return self._reader and self.raw.readable()

    def writable(self):
        return self._writer and self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def close(self):
        if self.raw is None or self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def _flush_writes(self):
        while self._wbuf:
            n = self.raw.write(self._wbuf)
            if n is None:
                raise BlockingIOError(11, 'write could not complete without blocking', 0)
            self._wbuf[:n] = b''

    def _drop_readahead(self):
        # Give back what was read ahead, so the raw position is the logical one.
        left = len(self._rbuf) - self._rpos
        self._rbuf, self._rpos = b'', 0
        if left:
            self.raw.seek(-left, SEEK_CUR)

    def flush(self):
        if self.raw is None:
            raise ValueError('raw stream has been detached')
        if self.raw.closed:
            raise ValueError('flush of closed file')
        if self._writer:
            self._flush_writes()
            if hasattr(self.raw, 'flush') and type(self.raw) is not FileIO:
                self.raw.flush()

    def _check_read(self):
        if self.raw is None:
            raise ValueError('raw stream has been detached')
        if self.raw.closed:
            raise ValueError('read of closed file')
        if not self._reader:
            raise UnsupportedOperation('read')
        if self._wbuf:
            self._flush_writes()

    def _fill(self):
        # Refill the read-ahead buffer; False at end of file.
        data = self.raw.read(self.buffer_size)
        if not data:
            return False
        self._rbuf = self._rbuf[self._rpos:] + data
        self._rpos = 0
        return True

    def read(self, size=-1, /):
        self._check_read()
        size = _index(size)
        if size < -1:
            raise ValueError('read length must be non-negative or -1')
        if size < 0:
            chunks = [self._rbuf[self._rpos:]]
            self._rbuf, self._rpos = b'', 0
            rest = self.raw.readall() if hasattr(self.raw, 'readall') else self.raw.read()
            if rest:
                chunks.append(rest)
            elif rest is None and not chunks[0]:
                return None
            return b''.join(chunks)
        while len(self._rbuf) - self._rpos < size:
            if not self._fill():
                break
        b = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(b)
        return b

    def read1(self, size=-1, /):
        self._check_read()
        size = _index(size)
        if size < 0:
            size = self.buffer_size
        if size == 0:
            return b''
        if self._rpos >= len(self._rbuf):
            self._rbuf, self._rpos = b'', 0
            self._fill()
        b = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(b)
        return b

    def peek(self, size=0, /):
        self._check_read()
        if self._rpos >= len(self._rbuf):
            self._rbuf, self._rpos = b'', 0
            self._fill()
        return self._rbuf[self._rpos:]

    def readline(self, size=-1, /):
        self._check_read()
        size = _index(size)
        while True:
            i = self._rbuf.find(b'\n', self._rpos)
            if i >= 0:
                end = i + 1
                break
            if 0 <= size <= len(self._rbuf) - self._rpos or not self._fill():
                end = len(self._rbuf)
                break
        if size >= 0:
            end = min(end, self._rpos + size)
        b = self._rbuf[self._rpos:end]
        self._rpos = end
        return b

    def write(self, b, /):
        if self.raw is None:
            raise ValueError('raw stream has been detached')
        if self.raw.closed:
            raise ValueError('write to closed file')
        if not self._writer:
            raise UnsupportedOperation('write')
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if self._rbuf:
            self._drop_readahead()
        data = bytes(b)
        self._wbuf += data
        if len(self._wbuf) >= self.buffer_size:
            self._flush_writes()
        return len(data)

    def tell(self):
        pos = self.raw.tell()
        return pos - (len(self._rbuf) - self._rpos) + len(self._wbuf)

    def seek(self, pos, whence=0, /):
        if whence not in (0, 1, 2):
            raise ValueError(f'whence value {whence} unsupported')
        if self.raw.closed:
            raise ValueError('seek of closed file')
        pos = _index(pos)
        if self._wbuf:
            self._flush_writes()
        if whence == 1:
            pos -= len(self._rbuf) - self._rpos
        self._rbuf, self._rpos = b'', 0
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None, /):
        self.flush()
        if pos is None:
            pos = self.tell()
        self._drop_readahead()
        return self.raw.truncate(pos)

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' instances")


class BufferedReader(_Buffered):
    __module__ = '_io'
    _reader = True


class BufferedWriter(_Buffered):
    __module__ = '_io'
    _writer = True


class BufferedRandom(_Buffered):
    __module__ = '_io'
    _reader = _writer = True


class BufferedRWPair(_BufferedIOBase):
    __module__ = '_io'

    def __init__(self, reader, writer, buffer_size=None, /):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1, /):
        return self.reader.read(size)

    def readinto(self, b, /):
        return self.reader.readinto(b)

    def write(self, b, /):
        return self.writer.write(b)

    def peek(self, size=0, /):
        return self.reader.peek(size)

    def read1(self, size=-1, /):
        return self.reader.read1(size)

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def flush(self):
        return self.writer.flush()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    @property
    def closed(self):
        return self.writer.closed


class IncrementalNewlineDecoder:
    # Translates '\r\n' and '\r' to '\n' (if translate) over a wrapped
    # decoder, holding back a final '\r' until the next chunk shows whether
    # a '\n' follows; records the kinds of newline seen.
    __module__ = '_io'

    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.pendingcr = False
        self.seennl = 0

    def decode(self, input, final=False):
        output = input if self.decoder is None else self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = '\r' + output
            self.pendingcr = False
        if output.endswith('\r') and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count('\r\n')
        cr = output.count('\r') - crlf
        lf = output.count('\n') - crlf
        self.seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace('\r\n', '\n')
            if cr:
                output = output.replace('\r', '\n')
        return output

    def getstate(self):
        if self.decoder is None:
            buf, flag = b'', 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self.pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self.pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self.seennl = 0
        self.pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, '\n', '\r', ('\r', '\n'), '\r\n', ('\n', '\r\n'), ('\r', '\r\n'),
                ('\r', '\n', '\r\n'))[self.seennl]


def _norm_encoding(encoding):
    return encoding.lower().replace('_', '-')


class _Utf8Decoder:
    # An incremental UTF-8 decoder that needs no codecs module: an
    # incomplete sequence at the end of a chunk waits for the next one.
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buf = b''

    def decode(self, data, final=False):
        data = self.buf + bytes(data)
        self.buf = b''
        if not final:
            # Keep back at most 3 bytes of a sequence that may be incomplete.
            i = len(data)
            for k in range(1, min(4, len(data)) + 1):
                c = data[-k]
                if c & 0xC0 != 0x80:
                    need = 2 if c >= 0xC0 else 1
                    if c >= 0xE0:
                        need = 3
                    if c >= 0xF0:
                        need = 4
                    if c >= 0xC0 and need > k:
                        i = len(data) - k
                    break
            data, self.buf = data[:i], data[i:]
        return data.decode('utf-8', self.errors)

    def getstate(self):
        return (self.buf, 0)

    def setstate(self, state):
        self.buf = state[0]

    def reset(self):
        self.buf = b''


class _SimpleDecoder:
    # Single-byte encodings decode chunk by chunk without state.
    def __init__(self, encoding, errors='strict'):
        self.encoding = encoding
        self.errors = errors

    def decode(self, data, final=False):
        return bytes(data).decode(self.encoding, self.errors)

    def getstate(self):
        return (b'', 0)

    def setstate(self, state):
        pass

    def reset(self):
        pass


def _incremental_decoder(encoding, errors):
    e = _norm_encoding(encoding)
    if e in ('utf-8', 'utf8', 'u8'):
        return _Utf8Decoder(errors)
    if e in ('latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'ascii', 'us-ascii'):
        return _SimpleDecoder(encoding, errors)
    import codecs
    return codecs.getincrementaldecoder(encoding)(errors)


def _utf8_mode():
    # sys.flags.utf8_mode where the VM has it, else the -X utf8 switch's
    # environment variable.
    import sys
    flags = getattr(sys, 'flags', None)
    if flags is not None:
        return bool(flags.utf8_mode)
    return _posix.environ.get(b'PYTHONUTF8') == b'1'


def text_encoding(encoding, stacklevel=2, /):
    if encoding is None:
        return 'utf-8' if _utf8_mode() else 'locale'
    return encoding


class TextIOWrapper(_TextIOBase):
    __module__ = '_io'
    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"TextIOWrapper() argument 'newline' must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline}')
        if encoding is None:
            encoding = text_encoding(None)
        if encoding == 'locale':
            # The locale's codeset (nl_langinfo(CODESET)); pyrs assumes UTF-8.
            encoding = 'UTF-8'
        elif not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        elif _norm_encoding(encoding) not in ('utf-8', 'utf8', 'latin-1', 'latin1', 'ascii',
                                              'iso-8859-1'):
            import codecs
            codecs.lookup(encoding)
        if errors is None:
            errors = 'strict'
        elif not isinstance(errors, str):
            raise TypeError(f"TextIOWrapper() argument 'errors' must be str or None, not {type(errors).__name__}")
        self.buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or None
        if self._writetranslate and self._writenl is None:
            self._writenl = '\n'
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._decoder = None
        self._decoded = ''
        self._decoded_pos = 0
        self._detached = False
        self._seekable = buffer.seekable()

    def __repr__(self):
        mod = '_io' if type(self).__module__ == '_io' else type(self).__module__
        r = f'<{mod}.{type(self).__qualname__}'
        try:
            r += f' name={self.name!r}'
        except (AttributeError, ValueError):
            pass
        try:
            r += f' mode={self.mode!r}'
        except (AttributeError, ValueError):
            pass
        return r + f' encoding={self._encoding!r}>'

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def newlines(self):
        d = self._decoder
        return d.newlines if isinstance(d, IncrementalNewlineDecoder) else None

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        self._checkClosed()
        return self._seekable

    def flush(self):
        self.buffer.flush()

    def close(self):
        if self.buffer is not None and not self.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    def detach(self):
        self.flush()
        b = self.buffer
        self.buffer = None
        self._detached = True
        return b

    def _check_attached(self):
        if self.buffer is None:
            raise ValueError('underlying buffer has been detached')

    def write(self, s, /):
        self._check_attached()
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        if not self.buffer.writable():
            raise UnsupportedOperation('not writable')
        n = len(s)
        haslf = (self._writetranslate or self._line_buffering) and '\n' in s
        if haslf and self._writetranslate and self._writenl != '\n':
            s = s.replace('\n', self._writenl)
        if self._decoded_pos < len(self._decoded) or self._decoder is not None:
            self._rewind_decoded()
        self.buffer.write(s.encode(self._encoding, self._errors))
        if self._line_buffering and (haslf or '\r' in s):
            self.flush()
        return n

    def _rewind_decoded(self):
        # Before writing after reading: put the buffer back where the reader is.
        if self._seekable:
            pos = self.tell()
            self.buffer.seek(pos)
        self._decoded, self._decoded_pos = '', 0
        self._decoder = None

    def _get_decoder(self):
        if self._decoder is None:
            d = _incremental_decoder(self._encoding, self._errors)
            if self._readuniversal:
                # Untranslated: _decoded keeps the file's own line endings,
                # so that tell() can count the bytes not yet returned.
                d = IncrementalNewlineDecoder(d, False)
            self._decoder = d
        return self._decoder

    def _read_chunk(self):
        # Decode the next chunk onto _decoded; False at end of file.
        d = self._get_decoder()
        read1 = getattr(self.buffer, 'read1', self.buffer.read)
        data = read1(self._CHUNK_SIZE)
        eof = not data
        text = d.decode(data or b'', final=eof)
        if self._decoded_pos:
            self._decoded = self._decoded[self._decoded_pos:]
            self._decoded_pos = 0
        self._decoded += text
        return not eof

    def read(self, size=-1, /):
        self._check_attached()
        self._checkClosed()
        if not self.buffer.readable():
            raise UnsupportedOperation('not readable')
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        if size < 0:
            d = self._get_decoder()
            rest = self.buffer.read()
            text = self._decoded[self._decoded_pos:] + d.decode(rest or b'', final=True)
            self._decoded, self._decoded_pos = '', 0
            return self._translate(text)
        out = []
        n = 0
        while n < size:
            if self._decoded_pos >= len(self._decoded) and not self._read_chunk():
                break
            end = min(len(self._decoded), self._decoded_pos + size - n)
            s = self._take(end)
            out.append(s)
            n += len(s)
        return ''.join(out)

    def _translate(self, text):
        if self._readtranslate and '\r' in text:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def _take(self, end):
        # The text up to end, translated; a '\r\n' is never split.
        text = self._decoded
        if self._readtranslate and end < len(text) and text[end - 1] == '\r' \
                and text[end] == '\n':
            end += 1
        s = text[self._decoded_pos:end]
        self._decoded_pos = end
        return self._translate(s)

    def _find_line_end(self, start):
        text = self._decoded
        if self._readuniversal:
            i = text.find('\n', start)
            # A '\r' matters only before that '\n': searching the rest of
            # the chunk for one made each line cost the whole chunk.
            j = text.find('\r', start, len(text) if i < 0 else i)
            if j < 0 or 0 <= i < j:
                return -1 if i < 0 else i + 1
            if j + 1 < len(text):
                return j + 2 if text[j + 1] == '\n' else j + 1
            return -2
        i = text.find(self._readnl, start)
        return -1 if i < 0 else i + len(self._readnl)

    def readline(self, size=-1, /):
        self._check_attached()
        self._checkClosed()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        start = self._decoded_pos
        while True:
            end = self._find_line_end(self._decoded_pos)
            if end >= 0:
                break
            if 0 <= size <= len(self._decoded) - self._decoded_pos:
                end = len(self._decoded)
                break
            if not self._read_chunk():
                end = len(self._decoded)
                break
        if size >= 0:
            end = min(end, self._decoded_pos + size)
        return self._take(end)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_attached()
        self._checkClosed()
        if not self._seekable:
            raise UnsupportedOperation('underlying stream is not seekable')
        self.flush()
        pos = self.buffer.tell()
        if self._decoder is None:
            return pos
        # Bytes decoded but not yet returned, and bytes not yet decoded.
        pending = self._decoded[self._decoded_pos:]
        d = self._decoder
        raw_pending = d.getstate()[0]
        if isinstance(d, IncrementalNewlineDecoder) and d.pendingcr:
            pending = '\r' + pending
        return pos - len(pending.encode(self._encoding, self._errors)) - len(raw_pending)

    def seek(self, cookie, whence=0, /):
        self._check_attached()
        self._checkClosed()
        if not self._seekable:
            raise UnsupportedOperation('underlying stream is not seekable')
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._decoded, self._decoded_pos, self._decoder = '', 0, None
            return self.buffer.seek(0, 2)
        elif whence != 0:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        if cookie < 0:
            raise ValueError(f'negative seek position {cookie!r}')
        self.flush()
        self._decoded, self._decoded_pos, self._decoder = '', 0, None
        self.buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None, /):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        self.flush()
        if encoding is not None:
            self._encoding = encoding
            if errors is None:
                errors = 'strict'
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._readuniversal = not newline
            self._readtranslate = newline is None
            self._readnl = newline
            self._writetranslate = newline != ''
            self._writenl = newline or ('\n' if newline is None else None)
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through
        self._decoder = None

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' instances")


def open(file, mode='r', buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    if not isinstance(file, int):
        file = _posix.fspath(file)
    if not isinstance(file, (str, bytes, int)):
        raise TypeError(f'invalid file: {file!r}')
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if not isinstance(buffering, int):
        raise TypeError(f"'{type(buffering).__name__}' object cannot be interpreted as an integer")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    modes = set(mode)
    if modes - set('axrwb+t') or len(mode) > len(modes):
        raise ValueError(f'invalid mode: {mode!r}')
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, "
                      "the default buffer size will be used", RuntimeWarning, 2)
    raw = FileIO(file,
                 (creating and 'x' or '') + (reading and 'r' or '') + (writing and 'w' or '')
                 + (appending and 'a' or '') + (updating and '+' or ''),
                 closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = raw._blksize
        if buffering < 0:
            raise ValueError('invalid buffering size')
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        text = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except BaseException:
        result.close()
        raise


def open_code(path):
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, not {type(path).__name__}")
    return open(path, 'rb')


for _c in (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase):
    _c.__module__ = '_io'
del _c


def _vm_file_kinds():
    # builtins.open's files are the VM's own types (fast, native); io.py's
    # ABCs (IOBase, TextIOBase, BufferedIOBase) should still claim them, as
    # they claim CPython's _io classes.
    kinds = {}
    for mode, abc_name in (('r', 'TextIOBase'), ('rb', 'BufferedIOBase'),
                           ('wb', 'BufferedIOBase')):
        try:
            with __builtins__['open'](
                    '/dev/null', mode) if isinstance(__builtins__, dict) else \
                    __builtins__.open('/dev/null', mode) as f:
                kinds[type(f)] = ('IOBase', abc_name)
        except OSError:
            pass
    return kinds


_VM_FILE_KINDS = _vm_file_kinds()
del _vm_file_kinds


def _io_subclasshook(cls, C):
    kinds = _VM_FILE_KINDS.get(C)
    if kinds is not None and cls.__module__ == 'io' and cls.__name__ in kinds:
        return True
    return NotImplemented


_IOBase.__subclasshook__ = classmethod(_io_subclasshook)
del _io_subclasshook
