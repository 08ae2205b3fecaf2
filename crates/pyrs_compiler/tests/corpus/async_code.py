# async def, await, async for / async with, async comprehensions and async
# generators, driven by a tiny event loop so CPython can run it.
import types

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

class Lock:
    async def __aenter__(self):
        print('enter')
        return self
    async def __aexit__(self, *exc):
        print('exit', exc[0])
        return False

@types.coroutine
def nap():
    yield 'nap'

async def gen(n):
    for i in range(n):
        await nap()
        yield i * i

async def main():
    async with Lock() as l:
        print('locked', type(l).__name__)
    async for t in Ticker(3):
        print('tick', t)
    else:
        print('done ticking')
    squares = [x async for x in gen(4)]
    evens = {x async for x in gen(5) if x % 2 == 0}
    total = sum([await twice(x) for x in range(3)])
    try:
        async with Lock():
            raise ValueError('inside')
    except ValueError as e:
        print('caught', e)
    return squares, sorted(evens), total

async def twice(x):
    await nap()
    return 2 * x

coro = main()
try:
    while True:
        coro.send(None)
except StopIteration as stop:
    print(stop.value)
