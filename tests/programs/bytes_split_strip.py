# bytes whitespace is ASCII only; split/strip variants
data = b"  one\ttwo\nthree\x0bfour\x0cfive\r  "
print(data.split(), data.split(None, 2), data.rsplit(None, 2), data.strip(), data.lstrip(), data.rstrip())
odd = b"\x1cx\x1c \x85y\xa0"
print(odd.split(), odd.strip(), "\x1cx\x1c \x85y\xa0".split())
print(b"a,b,,c".split(b","), b"a,b,,c".split(b",", 1), b"abc".split(b"b"), b"".split(), b"".split(b","))
print(b"xyxhixyx".strip(b"xy"), b"xyxhixyx".lstrip(b"x"), b"xyxhixyx".rstrip(b"yx"))
print(b"a\r\nb\rc\nd".splitlines(), bytearray(b" a b ").split(), bytearray(b"--a--").strip(b"-"))
