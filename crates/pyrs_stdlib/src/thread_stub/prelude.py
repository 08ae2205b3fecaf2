# The Python half of pyrs's _thread: with a single thread, a lock that is
# already held can never be released by someone else, so a blocking acquire
# of it raises instead of hanging forever.

import posix as _posix

error = RuntimeError
TIMEOUT_MAX = 9223372036.0
_MAIN_IDENT = _posix.getpid()


class lock:
    __module__ = '_thread'

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if self._locked:
            if not blocking or timeout >= 0:
                return False
            raise RuntimeError("deadlock: the only thread waits for a lock it holds")
        self._locked = True
        return True

    acquire_lock = acquire

    def __enter__(self):
        return self.acquire()

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    release_lock = release

    def __exit__(self, *args):
        self.release()

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f'<{state} _thread.lock object at {id(self):#x}>'


LockType = lock


def allocate_lock():
    return lock()


allocate = allocate_lock


class RLock:
    __module__ = '_thread'

    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    __enter__ = acquire

    def release(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1

    def __exit__(self, *args):
        self.release()

    def _is_owned(self):
        return self._count > 0

    def _recursion_count(self):
        return self._count

    def _release_save(self):
        count, self._count = self._count, 0
        return (count, _MAIN_IDENT)

    def _acquire_restore(self, state):
        self._count = state[0]

    def _at_fork_reinit(self):
        self._count = 0

    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        return (f'<{state} _thread.RLock object owner={_MAIN_IDENT if self._count else 0} '
                f'count={self._count} at {id(self):#x}>')


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    return _posix.getpid()


def _count():
    return 0


def stack_size(size=0, /):
    if size != 0 and size < 32768:
        raise ValueError('size not valid: %d bytes' % size)
    return 0


def start_new_thread(function, args, kwargs=None, /):
    raise RuntimeError("can't start new thread")


start_new = start_new_thread


def interrupt_main(signum=2, /):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


exit_thread = exit


def daemon_threads_allowed():
    return True


def _set_sentinel():
    return lock()


class _local:
    # One thread: thread-local attributes are plain attributes.
    __module__ = '_thread'
