# padding, stripping, zfill, expandtabs
for w in (0, 3, 6, 7, 10):
    print(repr("abc".center(w)), repr("abc".center(w, "*")), repr("ab".center(w, "-")))
print(repr("x".ljust(5, ".")), repr("x".rjust(5, ".")), repr("long".ljust(2)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(6), "".zfill(3))
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("\t\n x \x0c".strip()))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("ab\n\tc".expandtabs(3)))
print("spam".removeprefix("sp"), "spam".removeprefix("x"), "spam".removesuffix("am"), "spam".removesuffix(""))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "a".strip(1)
except TypeError as e:
    print("TypeError:", e)
