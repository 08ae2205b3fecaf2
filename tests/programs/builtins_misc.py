# any, all, callable, chr/ord, ascii, format, isinstance/issubclass, hash, id
print(any([]), any([0, "", 1]), all([]), all([1, 0]), all(x > 0 for x in [1, 2]) if False else all(iter([1, 2])), any(map(bool, [0, 0])))
print(callable(len), callable(print), callable(1), callable(lambda: 0), callable(int), callable("x".upper))
print(chr(65), chr(0x1F600), chr(233), ord("A"), ord("é"), ord(b"x"), ord("😀"))
for f in (lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: chr("a")):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(ascii("héllo"), ascii(["ü", 1]), ascii("\n"), ascii("😀"))
print(format(3.14159, ".2f"), format(42, "08b"), format("x", "^5"), format(1234567, ","), format(0.5, "%"), format(12), format(1e20, "g"), format(-0.0))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("a", (int, (str,))), issubclass(bool, int), issubclass(int, (str, object)))
print(isinstance({1}, set), isinstance(frozenset(), (set, frozenset)), isinstance(b"", bytes), isinstance(bytearray(), bytes), isinstance(1j, complex))
for f in (lambda: isinstance(1, 2), lambda: issubclass(1, int)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
a = [1]
print(id(a) == id(a), hash(1) == hash(1.0), type(hash("x")).__name__)
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
print(type(1), type("a"), type(None), type(len), type(range(1)), type({}.keys()), type(iter({1})))
print(list(map(type, [1, 1.5, 1j, "s", b"b", (), [], {}, set(), frozenset()])))
