# expandtabs columns and splitlines boundaries
for s in ["a\tb", "ab\tc", "abc\td", "\t", "x\ty\tz", "12345678\tx", "a\r\tb", "a\n\tb"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(-1)))
text = "one\ntwo\r\nthree\rfour\x0cfive\x1dsix\u2029seven\x85eight"
print(text.splitlines(), len(text.splitlines(True)), "".splitlines(), "\n".splitlines(), "x\n\n".splitlines(True))
