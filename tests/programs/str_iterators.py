# str iteration: ASCII and non-ASCII iterator types, __iter__, indexing by code point
for s in ["", "abc", "héllo", "日本", "a😀b"]:
    it = iter(s)
    print(repr(s), type(it).__name__, list(it), [s[i] for i in range(len(s))], list(s.__iter__()), list(reversed(s)))
it = iter("xyz")
print(next(it), it.__next__(), list(it), next(it, None))
