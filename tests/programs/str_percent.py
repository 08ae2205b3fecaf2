# printf-style formatting
print("%s|%r|%a" % ("é", "é", "é"))
print("%d %i %u" % (42, -7, 3.9))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
print("%.3f %10.2f %-10.1f| %e %E %g %G" % (3.14159, 2.5, 1.25, 12345.678, 0.00012, 1e-5, 1e20))
print("%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
print("%c%c" % (65, "z"), "%%", "%s" % [1, 2], "%s" % (1,))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%s" % None, "%r" % (None,), "%d%%" % 50)
print("%08.3f" % -3.5, "%+.2e" % 12.5, "%#g" % 1.0, "%g" % 100000.0, "%g" % 1000000.0)
print("%f" % float("inf"), "%5.1f" % float("nan"), "%d" % True)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", 1), ("%z", 1), ("%x", 1.5), ("%c", "ab"), ("%", ())]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
