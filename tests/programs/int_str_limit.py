# CPython 3.11's limit on int <-> decimal string conversion
big = 10 ** 4299
print(len(str(big)), len(repr(-big)))
try:
    str(10 ** 4300)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(int("1" * 4300) % 1000, len(hex(10 ** 5000)), int("0x" + "f" * 5000, 16) % 7, (10 ** 5000).bit_length())
