# join over many iterable kinds and str building
print(",".join(("a", "b")), ",".join({"x": 1, "y": 2}), "".join(map(str, range(5))), "-".join(sorted({"q", "p"})), "+".join(iter(["1", "2"])))
print(" ".join("abc"), "".join([]), "ab".join("12"), "\n".join(["l1", "l2"]).splitlines())
parts = []
for i in range(3):
    parts.append(f"<{i}>")
print("".join(parts), "|".join(reversed(parts)))
try:
    ",".join(5)
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(["a", b"b"])
except TypeError as e:
    print("TypeError:", e)
