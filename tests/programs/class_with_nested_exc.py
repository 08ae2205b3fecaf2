class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)

with Suppress(ZeroDivisionError):
    1 / 0
print("after zero")
with Suppress(KeyError, IndexError):
    [][1]
print("after index")
try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)

class Log:
    depth = 0
    def __enter__(self):
        Log.depth += 1
        print("  " * Log.depth + "in")
    def __exit__(self, *exc):
        print("  " * Log.depth + "out", exc[0].__name__ if exc[0] else "-")
        Log.depth -= 1

with Log():
    with Log():
        try:
            with Log():
                raise ValueError
        except ValueError:
            print("handled")

def gen_like():
    results = []
    for i in range(3):
        with Suppress(ValueError):
            if i == 1:
                raise ValueError
            results.append(i)
    return results
print(gen_like())
