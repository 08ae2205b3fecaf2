# _thread's locks as a single-threaded program sees them, and _warnings
# deciding by its filter list (warnings.warn with the default filters).
import _thread, _warnings, sys

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)
with lock:
    print('inside', lock.locked())
print(lock.locked(), _thread.get_ident() == _thread.get_ident(), _thread.error is RuntimeError)
r = _thread.RLock()
with r:
    with r:
        print('reentrant')
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)
print(type(_thread.TIMEOUT_MAX).__name__, _thread._count())

print([f[0] for f in _warnings.filters], _warnings._defaultaction)

def old():
    _warnings.warn('old is deprecated', DeprecationWarning, stacklevel=2)

sys.stderr = sys.stdout
import warnings
# The default format shows the source line through linecache (which needs
# tokenize and re); this one shows where the warning points.
warnings.formatwarning = lambda m, c, f, l, line=None: f'{f.rsplit("/", 1)[-1]}:{l}: {c.__name__}: {m}\n'
_warnings.warn('plain user warning')
for i in range(3):
    _warnings.warn('in a loop')
old()
_warnings.warn('pending', PendingDeprecationWarning)
try:
    _warnings.warn('bad', 'not a category')
except TypeError as e:
    print('TypeError:', e)
warnings.simplefilter('error', RuntimeWarning)
try:
    warnings.warn('now an error', RuntimeWarning)
except RuntimeWarning as e:
    print('raised', repr(e))
print(warnings.filters[0][:1], len(warnings.filters))
