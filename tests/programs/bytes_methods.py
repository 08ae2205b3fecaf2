# bytes methods
b = b"Hello, World"
print(b.upper(), b.lower(), b.swapcase(), b.title(), b"hello world".capitalize())
print(b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.count(b"l", 5), b.startswith(b"He"), b.endswith((b"x", b"ld")))
print(b.split(b", "), b"a b  c".split(), b"a b  c".split(None, 1), b"a,b,c".rsplit(b",", 1), b"  x\t".strip(), b"xxhixx".strip(b"x"))
print(b.replace(b"l", b"L"), b.replace(b"l", b"L", 1), b"-".join([b"a", b"b", bytearray(b"c")]), b.partition(b", "), b.rpartition(b"o"))
print(b.center(16, b"*"), b.ljust(14, b"."), b.rjust(14), b"42".zfill(5), b"a\tb".expandtabs(4))
print(b.isalpha(), b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\xff".isascii())
print(b.hex(), b.hex(":"), b.hex("-", 4), b"\x00\xff".hex(), bytes.fromhex("48 65 6c"), bytes.fromhex(""))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"), b"abc".decode("ascii"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print(b.removeprefix(b"Hello"), b.removesuffix(b"World"), b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"hello".translate(None, b"l"))
print(b[0], b[-1], b[1:5], b[::-1], list(b"ab"), b"ab" * 2, b"a" + b"b", b"ll" in b, 72 in b, len(b))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(b"x"), bytes(range(3)), b"%s=%d" % (b"k", 5), b"%x" % 255)
print(b"a" < b"b", b"ab" == b"ab", b"" == bytes(), repr(b"'\""), repr(b"it's"), repr(b'\t\n\x7f'))
for f in (lambda: b"\xff".decode(), lambda: b"\xc3".decode(), lambda: b"a\x80".decode("ascii"), lambda: bytes("x"), lambda: bytes([256]), lambda: b"a" + "b", lambda: bytes.fromhex("zz")):
    try:
        f()
    except (UnicodeDecodeError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
