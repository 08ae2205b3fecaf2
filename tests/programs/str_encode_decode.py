# encodings round trips and error handlers
text = "Grüße, 世界! 😀"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "ascii"]:
    try:
        b = text.encode(enc)
        print(enc, b, b.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    print(errors, text.encode("ascii", errors), text.encode("latin-1", errors))
raw = "naïve".encode("utf-8")
print(raw, raw.decode(), raw.decode("latin-1"), raw.decode("ascii", "replace"), raw.decode("ascii", "ignore"))
for bad in [b"\x80abc", b"abc\xe2\x82", b"\xf0\x28\x8c\x28", b"\xc0\xaf"]:
    try:
        bad.decode("utf-8")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    print(bad.decode("utf-8", "replace"), bad.decode("utf-8", "backslashreplace"))
try:
    b"x".decode("utf-8", "bogus-handler")
except LookupError as e:
    print("LookupError:", e)
print(bytes(text, "utf-8") == text.encode(), str(text.encode(), "utf-8") == text, len(text), len(text.encode()))
