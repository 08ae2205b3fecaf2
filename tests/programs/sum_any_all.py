# sum, any, all details
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum(range(10 ** 5)), sum([2 ** 64, 2 ** 64]), sum([True, True]), sum([1.5, 2]))
print(sum([(1,), (2,)], ()), sum([[1], [2, 3]], [4]), sum([], 7), sum(iter([1, 2])))
print(any(x > 3 for x in []) if False else any([]), all(iter([])), any("abc"), all(["a", ""]), any([0.0, 0j, None]), all({1, 2}))
for bad in [lambda: sum(["a", "b"]), lambda: sum([b"a"], b""), lambda: sum([[1]], ""), lambda: any(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
