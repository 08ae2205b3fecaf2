def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)))
for x in count(3):
    print("x", x)

g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value), e.args)

def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print("closing with", received)
        raise
    finally:
        print("finally")

e = echo()
print(next(e))
print(e.send("a"))
print(e.send("b"))
e.close()
print(e.gi_running, e.gi_frame)

def inner():
    x = yield 1
    y = yield x * 10
    return x + y

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield r * 2

o = outer()
print(next(o), o.send(3), o.send(4))

def thrower():
    try:
        yield 1
    except ValueError as ex:
        print("caught inside", ex)
        yield 2
    yield 3

t = thrower()
print(next(t))
print(t.throw(ValueError("boom")))
print(next(t))

def bad():
    raise StopIteration
    yield 1
try:
    next(bad())
except RuntimeError as ex:
    print("RuntimeError:", ex, type(ex.__cause__).__name__)

gen = (i * i for i in range(5) if i % 2 == 0)
print(sum(gen), [c for c in "abc"], {k: v for k, v in zip("ab", range(2))} if False else None)

async def coro(x):
    return x + 1

async def main():
    a = await coro(1)
    b = await coro(a)
    return a, b

c = main()
try:
    c.send(None)
except StopIteration as si:
    print("coroutine result", si.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(type(f).__name__, f.__name__, f.__qualname__)
