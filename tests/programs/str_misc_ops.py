# str operators, indexing, iteration and comparison
s = "héllo wörld"
print(len(s), s[1], s[-1], s[2:7], s[::-1], s[::2], s[100:], s * 2, 2 * "ab", "a" + "b", "ab" * 0, "x" * -1)
print(s < "z", "abc" < "abd", "a" < "B", "" < "a", "é" > "e", "Z" < "a", max("zebra"), min("zebra"), sorted("cba"))
print([c for c in "añb"], list(reversed("abc")), "".join(reversed("xyz")), str.__len__("abc"), "abc".__contains__("b"))
print("a" in "abc", "ac" in "abc", "" in "", s.count("l"), s.upper(), s.title())
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
print(str.upper("x"), str.join(",", ["a", "b"]), "%s" % "x", f"{'nested'!r:>10}")
