# sys.set_asyncgen_hooks: firstiter at the first iteration, finalizer when an
# iterated async generator is dropped unfinished.
import sys


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen(tag):
    try:
        yield tag + "-1"
        yield tag + "-2"
    finally:
        print("agen finally", tag)


finalized = []


def firstiter(g):
    print("firstiter", g.__name__)


def finalizer(g):
    print("finalizer called for", g.__name__, g.ag_running)
    finalized.append(g)


print(sys.get_asyncgen_hooks())
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
print(sys.get_asyncgen_hooks().finalizer is finalizer)

g = agen("a")
print(run(g.__anext__()))
del g
print("after del; finalized:", len(finalized))
# The finalizer usually schedules aclose(); here we run it by hand.
run(finalized.pop().aclose())

g = agen("b")
del g
print("never iterated: no hooks")

sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())

g = agen("c")
print(run(g.__anext__()))
del g
print("no finalizer: closed directly")

print(type(agen("d")).__name__)
try:
    sys.set_asyncgen_hooks(firstiter=42)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.set_asyncgen_hooks(bogus=1)
except TypeError as e:
    print("TypeError:", e)
