# float repr: exact ties between two shortest candidates round to even, as dtoa does
print(1230483969755199.25, 2.5e-324 * 2, 0.1 + 0.2, 9007199254740993.0, 1e23, 8.5e-323)
for x in [1230483969755198.75, 2**53 + 2.0, 1e15 + 0.125, 123456789.125 * 1e7]:
    print(repr(x), str(x), x == float(repr(x)))
