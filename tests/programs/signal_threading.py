# signal (over _signal) and threading on one thread: numbers, Signals enum, signal/getsignal with CPython's checks, SIG_IGN, strsignal
import signal
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(2).name, signal.NSIG, signal.SIG_DFL, signal.SIG_IGN)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGTERM))
for a in [(99, signal.SIG_DFL), (2, 5), (9, signal.SIG_IGN)]:
    try:
        signal.signal(*a)
    except Exception as e:
        print(type(e).__name__, e)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN), signal.getsignal(signal.SIGUSR1))
signal.raise_signal(signal.SIGUSR1)
print("still alive", signal.strsignal(2), len(signal.valid_signals()))
def h(n, f): pass
print(signal.signal(signal.SIGUSR2, h), signal.getsignal(signal.SIGUSR2) is h)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
import threading
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
lock = threading.Lock()
with lock:
    print(lock.locked())
