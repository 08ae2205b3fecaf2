# UnicodeDecodeError / UnicodeEncodeError: args, attributes and messages
cases = [lambda: b"ab\xffcd".decode("utf-8"), lambda: b"\xe2\x82".decode("utf-8"), lambda: b"a\x80".decode("ascii"),
         lambda: "aé€".encode("ascii"), lambda: "x€€y".encode("latin-1"), lambda: "😀".encode("ascii"), lambda: b"a\x00b".decode("utf-16-le")]
for f in cases:
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, e.encoding, repr(e.object), e.start, e.end, e.reason)
        print("  ", e)
        print("  ", e.args)
        print("  ", isinstance(e, ValueError), isinstance(e, UnicodeError))
