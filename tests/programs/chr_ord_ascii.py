# chr, ord, ascii round trips
codes = [0, 9, 10, 32, 65, 127, 128, 160, 255, 256, 0x3B1, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF]
for c in codes:
    ch = chr(c)
    print(c, repr(ch), ascii(ch), ord(ch) == c, len(ch))
print(ascii({"k": "ü"}), ascii(b"\xff"), ascii(1.5), ascii(None))
print("".join(chr(ord(c) + 1) for c in "HAL") if False else "".join([chr(ord(c) + 1) for c in "HAL"]))
