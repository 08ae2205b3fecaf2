# format() and str.format with non-numeric builtin types
print(format([1, 2]), format((1,)), format({1}), format(None), format(range(3)), format(b"x"), format(1j))
print("{} {} {}".format([1], {"a": 1}, (2,)), "{:>10}".format("right"), "{!r:>10}".format("r"))
for v, spec in [([1], "10"), (None, "x"), (object(), ">5")]:
    try:
        print(format(v, spec))
    except TypeError as e:
        print("TypeError:", e)
print(format(3, ""), format("s", ""), format(2.0, ""), format(True, ""), format(True, "^6"), format(-0.0, "z.1f"))
