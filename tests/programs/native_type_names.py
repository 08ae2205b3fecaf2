# Native modules' classes are named with their module in messages (CPython's
# tp_name of C types) but without it in reprs (_PyType_Name).
import collections, itertools, io
for f in [lambda: collections.deque().foo, lambda: len(itertools.count()), lambda: io.StringIO.write(3, 'x'), lambda: collections.deque.append(1, 2), lambda: itertools.chain(1), lambda: hash(collections.deque())]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(repr(itertools.count(3)), collections.deque([1]), collections.defaultdict(int))
