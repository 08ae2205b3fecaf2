# repr quoting and escaping rules for str and bytes
for s in ["", "a", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "cr\r", "bs\\", "\x00\x07\x1b", "\x7f\x80\x9f\xa0", "é", "\u200b", "\u2028", "\U0001f600", "\U000e0001", "\xad"]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(["a'b", 'c"d']), str(["x"]), repr(("é",)), repr({"k": "v'"}))
print(str(b"abc"), repr(b"\x00'\""), repr(bytearray(b"'")))
print(str("x"), str(5), str(2.5), str(None), str(True), str([1, "a"]), str((1,)), str({1: "b"}), str({1}), str(frozenset()))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xe9", "latin-1"), str(b"ab", encoding="ascii"), str(b"\xff", "utf-8", "replace"))
print(str(object=3), str())
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    str(1, "utf-8")
except TypeError as e:
    print("TypeError:", e)
