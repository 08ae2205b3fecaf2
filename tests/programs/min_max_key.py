# min/max with key, default and iterables
words = ["pear", "fig", "banana", "kiwi"]
print(min(words), max(words), min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(min([], default=None), max((), default=0), min("b", "a", "c"), max([3, 1], [2, 9]), max({1: "a", 5: "b"}))
print(min(range(5), key=lambda x: (x - 2) ** 2), max(enumerate("abc"), key=lambda t: t[1]))
print(min([1, 1.0]), max([1.0, 1]), min([2, 1, 1.0], key=abs))
for f in (lambda: min(), lambda: max([]), lambda: min(1), lambda: max([1, "a"]), lambda: min([1], key=1), lambda: max(1, 2, foo=3)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
