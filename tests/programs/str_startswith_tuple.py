# startswith/endswith with tuples and ranges
url = "https://example.com/index.html"
print(url.startswith(("http://", "https://")), url.endswith((".htm", ".html")), url.startswith("example", 8), url.endswith("index", 0, -5))
print("".startswith(""), "a".startswith("", 1), "a".startswith("", 2), "abc".endswith("", 3), "abc".endswith(("",)), "abc".startswith(()))
try:
    url.startswith(["http"])
except TypeError as e:
    print("TypeError:", e)
try:
    url.endswith(("a", 1))
except TypeError as e:
    print("TypeError:", e)
files = ["a.py", "b.txt", "c.PY", "d.pyc"]
print([f for f in files if f.lower().endswith(".py")], [f.removesuffix(".py") for f in files])
