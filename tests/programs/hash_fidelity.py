# hashes that equal CPython's under PYTHONHASHSEED=0
for s in ["", "a", "abc", "hello world", "é", "日本語", "😀", "x" * 100, "tab\t"]:
    print(repr(s), hash(s))
for b in [b"", b"a", b"abc", bytes(range(20))]:
    print(b, hash(b))
print(hash("abc") == hash(b"abc"), hash("é") == hash("é".encode("latin-1")))
for n in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**64, -(2**64), 10**30]:
    print(n, hash(n))
for x in [0.0, -0.0, 0.5, 1.5, -2.25, 1e100, float("inf"), float("-inf"), 1e-300]:
    print(x, hash(x))
print(hash((1, 2, 3)), hash(("a", (1, 2.5))), hash(frozenset("abc")), hash(3 + 4j), hash(range(5)))
print(hash(True), hash(False), hash(1.0) == hash(1) == hash(1 + 0j))
