# UTF-16 and UTF-32 codecs, with and without byte order marks
s = "hi é€😀"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "UTF16", "utf_32"]:
    b = s.encode(enc)
    print(enc, b, len(b), b.decode(enc) == s)
print(b"\xfe\xff\x00a".decode("utf-16"), b"a\x00".decode("utf-16"), b"\x00\x00\xfe\xff\x00\x00\x00b".decode("utf-32"))
for data, enc in [(b"a\x00b", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\x00\x11\x00", "utf-32-le")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    print(data.decode(enc, "replace"), data.decode(enc, "ignore"))
it = iter([1, 2])
print(it.__next__(), it.__iter__() is it, enumerate("a").__next__(), map(abs, [-1]).__next__())
