# float formatting through format() and f-strings
vals = [0.0, -0.0, 1.0, 0.1, 1.5, 2.5, -1234.5678, 1e16, 1.23e-5, 123456789.0, float("inf"), float("-inf"), float("nan"), 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), format(v, ""), format(v, "f"), format(v, ".2f"), format(v, "e"), format(v, ".3e"), format(v, "g"), format(v, ".10g"), format(v, "%"))
for spec in ["10.3f", "<10.2f", "^12.1e", "+.2f", " .2f", "010.2f", ",.2f", "_.1f", "#.0f", "#g", ".0e", "G", "E", "F", ".3", "015,.2f", "=+10.1f", "*>12g"]:
    print(spec, repr(format(1234.5678, spec)), repr(format(-0.000123, spec)))
x = 3.14159
print(f"{x}|{x:.1f}|{x:8.3f}|{x!r}|{x:e}|{x * 100:.0f}%|{-x:+.2f}|{x:_>10.2f}")
print(format(1e22), format(1e-7), str(1e16), str(1e-5), str(0.0001), str(123456789012345678.0))
for bad in ["d", "x", ".f", "10.2z"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print("ValueError:", e)
