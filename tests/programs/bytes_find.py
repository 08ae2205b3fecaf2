# bytes/bytearray find and index: int and bytes-like needles, bounds past
# either end, empty needles, and the errors for other needles.
cases = [b"abcabc", bytearray(b"xx\nyy\n"), b"", b"\xff\xfe\n\xff"]
for h in cases:
    for needle in [b"", b"a", b"bc", b"\n", 10, 255, 0, bytearray(b"c"), memoryview(b"b")]:
        for args in [(), (1,), (-2,), (3, 100), (-100, -1), (5, 2), (None, 4), (2, None), (len(h),), (len(h)+1,)]:
            try:
                r = h.find(needle, *args)
            except Exception as e:
                r = type(e).__name__ + str(e)
            try:
                r2 = h.index(needle, *args)
            except Exception as e:
                r2 = type(e).__name__ + str(e)
            print(h, bytes(needle) if isinstance(needle, memoryview) else needle, args, r, r2)
for bad in [256, -1, "s", 1.0]:
    for f in (b"abc".find, b"abc".index):
        try: print(f(bad))
        except Exception as e: print(type(e).__name__, e)
print(b"abc".find(b"c", True), b"abc".find(b"b", 0, True), b"abc".index(b"c", start=0) if False else 0)
