# find/rfind/index/rindex/count with start and end
s = "abracadabra"
print(s.find("bra"), s.rfind("bra"), s.find("bra", 2), s.find("bra", 2, 8), s.rfind("bra", 0, 5))
print(s.find("zz"), s.find(""), s.find("", 11), s.find("", 12), s.rfind(""))
print(s.index("cad"), s.rindex("a"), s.count("a"), s.count("a", 1), s.count("a", 1, -1), s.count(""))
print(s.count("", 3, 5), s.find("a", -3), s.find("a", -100, -8))
print(s.startswith("abr"), s.startswith("bra", 1), s.startswith(("x", "ab")), s.endswith("bra"), s.endswith("cad", 0, 7))
print("héllo wörld".find("w"), "héllo wörld".rfind("l"), "héllo".index("l", 3))
for f in (lambda: s.index("zz"), lambda: s.rindex("zz", 3)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
try:
    s.startswith(1)
except TypeError as e:
    print("TypeError:", e)
try:
    s.find()
except TypeError as e:
    print("TypeError:", e)
print("ab" in s, "" in s, "xyz" not in s)
