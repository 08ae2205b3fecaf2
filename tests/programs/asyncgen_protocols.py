# async for / async with / aiter / anext and their error messages, driven by hand.
import sys


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow


async def main():
    total = 0
    async for i in Counter(4):
        total += i
    else:
        print("else clause")
    print("total", total)
    async with CM("a") as x:
        print("inside", x)
    async with CM("b", swallow=True):
        raise ValueError("swallowed")
    try:
        async with CM("c"):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", e)
    async for v in agen():
        print("agen gave", v)
        if v == 2:
            break
    print([v async for v in agen()])
    print([v * 2 async for v in Counter(3) if v != 2])
    return "done"


async def agen():
    for i in range(3):
        yield i


print(run(main()))


async def errors():
    for obj, what in [(1, "int"), (Counter, "class")]:
        try:
            async for _ in obj:
                pass
        except TypeError as e:
            print("TypeError:", e)

    class BadAiter:
        def __aiter__(self):
            return 5

    try:
        async for _ in BadAiter():
            pass
    except TypeError as e:
        print("TypeError:", e)

    class BadAnext:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 7

    try:
        async for _ in BadAnext():
            pass
    except TypeError as e:
        print("TypeError:", e)

    try:
        async with 3:
            pass
    except TypeError as e:
        print("TypeError:", e)

    class OnlyEnter:
        async def __aenter__(self):
            return 1

    try:
        async with OnlyEnter():
            pass
    except TypeError as e:
        print("TypeError:", e)

    class SyncEnter:
        def __aenter__(self):
            return 1

        def __aexit__(self, *a):
            return 1

    try:
        async with SyncEnter():
            pass
    except TypeError as e:
        print("TypeError:", e)


run(errors())


# aiter / anext builtins
async def use_builtins():
    it = aiter(agen())
    print(await anext(it), await anext(it), await anext(it))
    print(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    c = aiter(Counter(1))
    print(await anext(c, None), await anext(c, "dflt"))


run(use_builtins())
for bad in (1, [1]):
    try:
        aiter(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        anext(bad)
    except TypeError as e:
        print("TypeError:", e)


class NotAsyncIter:
    def __aiter__(self):
        return 1


try:
    aiter(NotAsyncIter())
except TypeError as e:
    print("TypeError:", e)

aw = anext(agen(), 9)
print(type(aw).__name__)
try:
    aw.send(None)
except StopIteration as e:
    print("value", e.value)


# hooks
calls = []
print(tuple(sys.get_asyncgen_hooks()))
sys.set_asyncgen_hooks(firstiter=lambda g: calls.append(("first", g.__name__)))
g = agen()
run(g.__anext__())
run(g.__anext__())
print(calls)
try:
    sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e:
    print("TypeError:", e)
sys.set_asyncgen_hooks(None, None)
print(tuple(sys.get_asyncgen_hooks()))


# an exception escaping an async for body, and one from __anext__
async def escape():
    try:
        async for v in agen():
            raise IndexError(v)
    except IndexError as e:
        print("IndexError", e)

    class Boom:
        def __aiter__(self):
            return self

        async def __anext__(self):
            raise OSError("from anext")

    try:
        async for v in Boom():
            pass
    except OSError as e:
        print("OSError", e)


run(escape())
