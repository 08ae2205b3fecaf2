# The Python half of pyrs's posix module: struct sequences (stat_result,
# terminal_size, uname_result, times_result) and scandir's DirEntry, over
# the Rust primitives _stat, _scandir, _get_terminal_size, _uname, _times.
# Runs once, in the module's namespace, when posix is first imported.


def _structseq(name, module, fields, n_sequence):
    # A tuple subtype whose first n_sequence fields are items and the rest
    # attributes only, as Objects/structseq.c makes them.
    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = len(seq)
        if n < n_sequence:
            if n_sequence == len(fields):
                raise TypeError(f"{module}.{name}() takes a {n_sequence}-sequence ({n}-sequence given)")
            raise TypeError(f"{module}.{name}() takes an at least {n_sequence}-sequence ({n}-sequence given)")
        if n > len(fields):
            if n_sequence == len(fields):
                raise TypeError(f"{module}.{name}() takes a {n_sequence}-sequence ({n}-sequence given)")
            raise TypeError(f"{module}.{name}() takes an at most {len(fields)}-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:n_sequence])
        extra = seq[n_sequence:]
        for i, f in enumerate(fields[n_sequence:]):
            if i < len(extra):
                value = extra[i]
            elif dict is not None:
                value = dict.get(f)
            else:
                value = None
            object.__setattr__(self, '_f_' + f, value)
        return self

    def __repr__(self):
        parts = ', '.join(f'{f}={self[i]!r}' for i, f in enumerate(fields[:n_sequence]))
        return f'{module}.{name}({parts})'

    def __reduce__(self):
        extra = {f: getattr(self, f) for f in fields[n_sequence:]}
        return (type(self), (tuple(self), extra))

    ns = {
        '__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__,
        '__module__': module, '__slots__': (),
        'n_fields': len(fields), 'n_sequence_fields': n_sequence,
        'n_unnamed_fields': 0,
    }
    for i, f in enumerate(fields):
        if i < n_sequence:
            ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
        else:
            ns[f] = property(lambda self, k='_f_' + f: object.__getattribute__(self, k))
    del ns['__slots__']
    cls = type(name, (tuple,), ns)
    return cls


stat_result = _structseq('stat_result', 'os', (
    'st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
    '_st_atime_int', '_st_mtime_int', '_st_ctime_int',
    'st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns',
    'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev'), 10)


def _stat_repr(self):
    names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
             'st_size', 'st_atime', 'st_mtime', 'st_ctime')
    parts = ', '.join(f'{f}={tuple.__getitem__(self, i)!r}' for i, f in enumerate(names))
    return f'os.stat_result({parts})'


stat_result.__repr__ = _stat_repr
_stat_new = stat_result.__new__


def _stat_result_new(cls, sequence, dict=None):
    # Made from a tuple without the float times, st_?time take the ints'
    # values (statresult_new in posixmodule.c).
    self = _stat_new(cls, sequence, dict)
    for i, f in enumerate(('st_atime', 'st_mtime', 'st_ctime')):
        if object.__getattribute__(self, '_f_' + f) is None:
            object.__setattr__(self, '_f_' + f, tuple.__getitem__(self, 7 + i))
    return self


stat_result.__new__ = _stat_result_new
del stat_result._st_atime_int, stat_result._st_mtime_int, stat_result._st_ctime_int


def _make_stat(raw):
    # raw: the 16 fields of Rust's stat_tuple; float times as CPython
    # computes them (seconds + nanoseconds * 1e-9).
    (mode, ino, dev, nlink, uid, gid, size, at, mt, ct,
     at_ns, mt_ns, ct_ns, blksize, blocks, rdev) = raw
    return stat_result((mode, ino, dev, nlink, uid, gid, size, at, mt, ct,
                        at + (at_ns % 1000000000) * 1e-9,
                        mt + (mt_ns % 1000000000) * 1e-9,
                        ct + (ct_ns % 1000000000) * 1e-9,
                        at_ns, mt_ns, ct_ns, blksize, blocks, rdev))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return _make_stat(_stat(path, dir_fd, follow_symlinks))


def lstat(path, *, dir_fd=None):
    return _make_stat(_stat(path, dir_fd, False))


_fstat = fstat


def fstat(fd):
    return _make_stat(_fstat(fd))


terminal_size = _structseq('terminal_size', 'os', ('columns', 'lines'), 2)


def get_terminal_size(fd=1, /):
    return terminal_size(_get_terminal_size(fd))


uname_result = _structseq('uname_result', 'posix',
                          ('sysname', 'nodename', 'release', 'version', 'machine'), 5)


def uname():
    return uname_result(_uname())


times_result = _structseq('times_result', 'posix',
                          ('user', 'system', 'children_user', 'children_system', 'elapsed'), 5)


def times():
    return times_result(_times())


statvfs_result = _structseq('statvfs_result', 'os', (
    'f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files',
    'f_ffree', 'f_favail', 'f_flag', 'f_namemax', 'f_fsid'), 10)


def statvfs(path):
    return statvfs_result(_statvfs(path))


def fstatvfs(fd, /):
    return statvfs_result(_statvfs(fd))


_DT_DIR, _DT_REG, _DT_LNK, _DT_UNKNOWN = 4, 8, 10, 0
_S_IFMT, _S_IFDIR, _S_IFREG, _S_IFLNK = 0o170000, 0o040000, 0o100000, 0o120000


class DirEntry:
    __slots__ = ('name', 'path', '_d_type', '_inode', '_stat', '_lstat')
    __module__ = 'posix'

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def inode(self):
        return self._inode

    def is_symlink(self):
        if self._d_type != _DT_UNKNOWN:
            return self._d_type == _DT_LNK
        return self._test_mode(_S_IFLNK, False)

    def _test_mode(self, kind, follow_symlinks):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return (st.st_mode & _S_IFMT) == kind

    def is_dir(self, *, follow_symlinks=True):
        if self._d_type != _DT_UNKNOWN and not (follow_symlinks and self._d_type == _DT_LNK):
            return self._d_type == _DT_DIR
        return self._test_mode(_S_IFDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        if self._d_type != _DT_UNKNOWN and not (follow_symlinks and self._d_type == _DT_LNK):
            return self._d_type == _DT_REG
        return self._test_mode(_S_IFREG, follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _new_entry(top, name, d_type, inode):
    e = object.__new__(DirEntry)
    object.__setattr__(e, 'name', name)
    if isinstance(top, bytes):
        sep = b'/'
        path = top + name if top.endswith(sep) else top + sep + name
    else:
        path = top + name if top.endswith('/') else top + '/' + name
    object.__setattr__(e, 'path', path)
    object.__setattr__(e, '_d_type', d_type)
    object.__setattr__(e, '_inode', inode)
    object.__setattr__(e, '_stat', None)
    object.__setattr__(e, '_lstat', None)
    return e


class ScandirIterator:
    __module__ = 'posix'

    def __init__(self, top, entries):
        self._top = top
        self._entries = entries
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None or self._i >= len(self._entries):
            self._entries = None
            raise StopIteration
        name, d_type, inode = self._entries[self._i]
        self._i += 1
        return _new_entry(self._top, name, d_type, inode)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    if path is None:
        top = '.'
    else:
        top = fspath(path)
    return ScandirIterator(top, _scandir(top))


del _structseq


# register_at_fork: the hooks run around fork(), before-hooks in reverse
# order of registration and the after-hooks in order, as in CPython; an
# exception in a hook is reported, not raised.
_at_fork_before = []
_at_fork_parent = []
_at_fork_child = []


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):
    if before is None and after_in_child is None and after_in_parent is None:
        raise TypeError("At least one argument is required.")
    for name, func in (("before", before), ("after_in_child", after_in_child),
                       ("after_in_parent", after_in_parent)):
        if func is not None and not callable(func):
            raise TypeError(f"'{name}' must be callable, not {type(func).__name__}")
    if before is not None:
        _at_fork_before.append(before)
    if after_in_child is not None:
        _at_fork_child.append(after_in_child)
    if after_in_parent is not None:
        _at_fork_parent.append(after_in_parent)


def _run_fork_hooks(hooks):
    import sys
    for func in hooks:
        try:
            func()
        except BaseException as e:
            sys.excepthook(type(e), e, e.__traceback__)


_native_fork = fork


def fork():
    _run_fork_hooks(reversed(_at_fork_before))
    pid = _native_fork()
    _run_fork_hooks(_at_fork_child if pid == 0 else _at_fork_parent)
    return pid
