# bytearray indexing and slice assignment
b = bytearray(range(10))
print(b[2], b[-1], b[2:5], b[::3], b[::-1][:3])
b[0] = 255
b[1:3] = b"\x01\x02\x03\x04"
print(b, len(b))
b[::2] = bytes(len(b[::2]))
print(b)
b[2:4] = []
b[0:0] = [7, 8]
print(list(b), b.find(b"\x07"), b.count(0), b.index(8))
def big():
    b[0] = 256
def short():
    b[::2] = b"x"
for bad in [big, short]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
