# sys's interpreter facts and hooks: displayhook (compile 'single'), call_tracing,
# getsizeof's protocol, switch interval, dlopen flags, coroutine origin
# tracking depth, stdlib_module_names, thread_info, copyright, unraisablehook.
import sys
import builtins

exec(compile("6 * 7", "<input>", "single"))
print(builtins._)
exec(compile("None", "<input>", "single"))
print(builtins._)
sys.displayhook("text")
print(repr(builtins._))
print(sys.displayhook is sys.__displayhook__)

print(sys.call_tracing(divmod, (17, 5)))
try:
    sys.call_tracing(divmod, [17, 5])
except TypeError as e:
    print(e)


class Sized:
    def __sizeof__(self):
        return 1000


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "big"


print(sys.getsizeof(Sized()) >= 1000)
for obj in (Negative(), NotInt()):
    try:
        sys.getsizeof(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(NotInt(), "dflt"))

print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print(e)

print(sys.getdlopenflags())
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(3)
print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)
sys.set_coroutine_origin_tracking_depth(0)

print(type(sys.stdlib_module_names).__name__, len(sys.stdlib_module_names) > 250)
print(all(m in sys.stdlib_module_names for m in ("os", "sys", "json", "_io", "zipimport")))
print("pyrs_not_stdlib" in sys.stdlib_module_names)
print(sys.thread_info.name, sys.thread_info.lock, type(sys.thread_info).__name__)
print(sys.copyright.splitlines()[0])
print(sys.float_repr_style, sys.maxunicode, sys.api_version, repr(sys.abiflags))
print(sys.platlibdir, sys.is_finalizing())
print(sys.__doc__.splitlines()[0])
print(sys.__package__ == "", type(sys.orig_argv).__name__)
print(sys.getrefcount(object()) >= 1)


seen = []


def hook(unraisable):
    seen.append((unraisable.exc_type.__name__, str(unraisable.exc_value)))


class Noisy:
    def __del__(self):
        raise RuntimeError("from __del__")


sys.unraisablehook = hook
n = Noisy()
del n
print(seen)
sys.unraisablehook = sys.__unraisablehook__
