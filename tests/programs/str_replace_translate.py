# replace, translate, maketrans, encode
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("", "-"), "ab".replace("", "-", 2))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()))
print("aabbcc".translate(t))
t2 = str.maketrans("ab", "AB", "c")
print("abcabc".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): 99})
print(sorted(t3.items()), "abcd".translate(t3))
print("hello".translate({ord("l"): "L" * 2}))
print("héllo".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "é€".encode("utf-8"))
print("aé€".encode("ascii", "replace"), "aé€".encode("ascii", "ignore"), "aé€".encode("ascii", "backslashreplace"), "aé€".encode("ascii", "xmlcharrefreplace"))
try:
    "aé".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    "x".encode("nope")
except LookupError as e:
    print("LookupError:", e)
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
