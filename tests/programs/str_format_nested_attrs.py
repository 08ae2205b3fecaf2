# str.format field lookups: indexes, attributes, nested specs
data = {"user": {"name": "ann", "tags": ["x", "y"]}, "n": 3.14159}
print("{0[user][name]} has {0[user][tags][1]}".format(data))
print("{d[n]:.{p}f}".format(d=data, p=2), "{:{fill}{align}{width}}".format("c", fill="*", align="^", width=7))
print("{0.real:g}+{0.imag:g}j".format(2 + 3j), "{x.bit_length}".format(x=5)[:5] if False else "{0}".format(5 .bit_length()))
print("{[0]}{[1]}".format("ab", "cd"), "{0[-1]}".format({"-1": "neg"}) if True else "")
for bad in ["{0[}", "{0.}", "{0[0]x}", "{:{:{}}}"]:
    try:
        print(bad.format([1], 2, 3))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
