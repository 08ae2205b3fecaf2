# count and replace are non-overlapping, find/index on non-ASCII text
s = "aaaa"
print(s.count("aa"), s.replace("aa", "b"), s.find("aa", 1), s.rfind("aa"), "ababab".count("aba"), "ababab".replace("aba", "X"))
t = "日本語のテキスト、日本"
print(t.find("日本"), t.rfind("日本"), t.count("日本"), t.index("テ"), t[3:6], t.split("、"), t.partition("の"), len(t))
print("abcabc".replace("abc", "", 1), "x".replace("x", "yy", -1), "".replace("", "z"), "abc".replace("", ""))
print("mississippi".split("ss"), "mississippi".rsplit("i", 2), "mississippi".rpartition("ss"), "mississippi".count("i", 2, -2))
