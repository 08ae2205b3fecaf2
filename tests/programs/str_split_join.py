# str.split / rsplit / splitlines / partition / join
s = "  the quick\tbrown\n fox  "
print(s.split())
print(s.split(None, 1))
print(s.rsplit(None, 1))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 2))
print("a,b,,c,".rsplit(",", 2))
print("a::b::c".split("::"))
print("".split(), "".split(","))
print("x".split(sep="x", maxsplit=-1))
print("line1\nline2\r\nline3\rline4\x0bline5\x1c6\u2028end".splitlines())
print("a\nb\n".splitlines(True))
print("a\nb\n".splitlines(keepends=True))
print("key=value=x".partition("="))
print("key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".partition("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".split(1)
except TypeError as e:
    print("TypeError:", e)
