# bytes % formatting and bytes from ints
print(b"%d %5d %-3d|" % (1, 2, 3), b"%x %X %o" % (255, 255, 8), b"%s and %s" % (b"a", bytearray(b"b")))
print(b"%c%c" % (65, b"B"), b"%5.2f" % 3.14159, b"%r" % "x", b"%a" % "é", b"%%", b"%(k)s" % {b"k": b"v"})
print(b"%b" % b"raw", b"%05d" % -4, b"%e" % 1234.5)
for fmt, arg in [(b"%s", "str"), (b"%d", "x"), (b"%c", 300), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b"))]:
    try:
        print(fmt % arg)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(bytes([104, 105]), bytes(range(65, 70)), b"".join([b"x", b"y"]), bytearray(b"%d" % 5))
