# case mapping and predicates
words = ["hello", "Hello World", "HELLO", "hello world's end", "123abc", "ǆemal", "straße", "ΣΑΣ", ""]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
for w in ["abc", "ABC", "Abc", "Abc Def", "abc1", "123", "", " ", "\t\n", "a b", "١٢٣", "½", "²", "x_1", "1x", "_", "é", "\x00"]:
    print(repr(w), w.isalpha(), w.isalnum(), w.isdigit(), w.isdecimal(), w.isnumeric(),
          w.isspace(), w.islower(), w.isupper(), w.istitle(), w.isidentifier(), w.isprintable(), w.isascii())
