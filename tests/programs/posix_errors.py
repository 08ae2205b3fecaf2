# OSError subclasses with errno, strerror and filename, as posix raises them.
import posix, errno

def attempt(f, *args):
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, errno.errorcode[e.errno], repr(e.strerror), e.filename, e.filename2)
        print('  ', e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

attempt(posix.stat, '/nonexistent/file')
attempt(posix.lstat, b'/nonexistent')
attempt(posix.listdir, '/nonexistent-dir')
attempt(posix.mkdir, '/')
attempt(posix.rmdir, '/nonexistent-dir')
attempt(posix.rename, '/nonexistent-a', '/nonexistent-b')
attempt(posix.open, '/nonexistent/x', posix.O_RDONLY)
attempt(posix.close, 9999)
attempt(posix.read, 9999, 10)
attempt(posix.listdir, '/etc/passwd')
attempt(posix.stat, 12.5)
attempt(posix.stat, 'a\0b')
attempt(posix.fspath, 3)
print(posix.strerror(errno.ENOENT), '|', posix.strerror(errno.EACCES))
print(errno.ENOENT, errno.EEXIST, errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EAGAIN])
print(len(errno.errorcode) > 100, posix.error is OSError)

class P:
    def __fspath__(self):
        return '/nonexistent-pathlike'

print(posix.fspath(P()), posix.fspath(b'x'), posix.fspath('y'))
attempt(posix.stat, P())
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.O_RDONLY, posix.O_CREAT)
print(posix.waitstatus_to_exitcode(256), posix.waitstatus_to_exitcode(9))
print(type(posix.environ), all(isinstance(k, bytes) for k in posix.environ))
print(len(posix.urandom(16)), posix.cpu_count() >= 1, posix.umask(0o22) >= 0)
print(sorted(posix.uname()._fields if hasattr(posix.uname(), '_fields') else []), posix.uname().sysname)
print(list(errno.errorcode.items())[:8])
print(list(errno.errorcode)[-5:])
