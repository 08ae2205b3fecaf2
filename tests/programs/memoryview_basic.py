# memoryview over bytes and bytearray
m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m.tolist(), m.hex(), bytes(m[2:]), list(m[:2]))
print(m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.obj, m == b"abcdef", m[1:3] == b"bc", m != b"x")
ba = bytearray(b"hello")
v = memoryview(ba)
v[0] = 72
v[1:3] = b"EL"
print(ba, v.readonly, v.tobytes(), bytes(v[::-1]))
sub = v[1:4]
ba[2] = ord("Z")
print(sub.tobytes(), len(sub))
with memoryview(b"xyz") as w:
    print(w.tobytes())
try:
    w.tobytes()
except ValueError as e:
    print("ValueError:", e)
def store():
    m[0] = 1
for bad in (lambda: memoryview("str"), store, lambda: m[10], lambda: hash(v)):
    try:
        bad()
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(hash(m) == hash(b"abcdef"), b"".join([m[:1], b"!"]), bytearray(m[:2]))
