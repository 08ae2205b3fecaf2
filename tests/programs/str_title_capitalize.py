# title, capitalize, swapcase edge cases
for s in ["hello world", "HELLO WORLD", "o'neil mc-donald", "3rd place", "ŉ test", "ǆ ǉ", "élan vital", "hello\tworld\nnext", "a.b,c", "αβγ δεζ", "ﬁne"]:
    print(repr(s), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), s.istitle(), s.title().istitle())
