# Async generators driven by hand: a tiny event loop over send(None).


def run(coro):
    """Drive a coroutine to completion; values it yields are 'sleeps'."""
    trace = []
    try:
        while True:
            v = coro.send(None)
            trace.append(v)
    except StopIteration as e:
        return e.value, trace


class Sleep:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield ("sleep", self.tag)
        return self.tag


async def ticker(n):
    for i in range(n):
        got = await Sleep(i)
        yield got * 10


async def main():
    out = []
    async for v in ticker(3):
        out.append(v)
    return out


print(run(main()))


async def agen():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)


g = agen()
print(type(g).__name__, g.__name__, g.__qualname__)
print(g.ag_running, g.ag_await, g.ag_code.co_name, type(g.ag_frame).__name__)
a = g.asend(None)
print(type(a).__name__)
try:
    a.send(None)
except StopIteration as e:
    print("yielded", e.value)
try:
    a.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    g.asend("hello").send(None)
except StopIteration as e:
    print("yielded", e.value)
try:
    g.asend("bye").send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
print(g.ag_frame)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("exhausted again")


# yield None is a value: StopIteration(None) with args (None,)
async def nones():
    yield None

try:
    nones().__anext__().send(None)
except StopIteration as e:
    print("args", e.args)


# athrow / aclose
async def guarded():
    try:
        yield "a"
        yield "b"
    except ValueError as e:
        print("caught", repr(e))
        yield "recovered"
    finally:
        print("finally runs")


g = guarded()
print(run(g.__anext__()))
print(run(g.athrow(ValueError("boom"))))
print(run(g.aclose()))
print(run(g.aclose()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("closed: StopAsyncIteration")

g = guarded()
print(run(g.aclose()))  # never started: nothing to unwind


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = stubborn()
run(g.__anext__())
try:
    run(g.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)

aw = stubborn().aclose()
run(aw)
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def raiser():
    yield 1
    raise StopAsyncIteration


g = raiser()
run(g.__anext__())
try:
    run(g.__anext__())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


# already running
async def slow():
    await Sleep("s")
    yield 1


g = slow()
first = g.__anext__()
print(first.send(None))
print(g.ag_running)
try:
    g.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    g.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    first.send(None)
except StopIteration as e:
    print("yielded", e.value)
print(g.ag_running)

# await inside shows in ag_await
g = slow()
a = g.__anext__()
a.send(None)
print(type(g.ag_await).__name__)
a.close()
try:
    a.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# throw() into an asend awaitable
g = slow()
a = g.__anext__()
a.send(None)
try:
    a.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
print(run(g.__anext__()) if False else "done")

# sending a non-None value to a just-started athrow
g = guarded()
run(g.__anext__())
try:
    g.athrow(ValueError).send(5)
except RuntimeError as e:
    print("RuntimeError:", e)

print(run(g.aclose()))
print(hasattr(agen(), "__anext__"), hasattr(agen(), "__next__"))
