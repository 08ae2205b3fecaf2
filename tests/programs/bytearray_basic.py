# bytearray: a mutable bytes
ba = bytearray(b"hello")
ba.append(33); print(ba)
ba.extend(b" you"); ba.extend([33, 33]); print(ba, len(ba))
ba[0] = 72; print(ba)
ba[1:3] = b"EY"; print(ba)
del_ok = ba.pop(); print(del_ok, ba.pop(0), ba)
ba.insert(0, 74); ba.remove(33); print(ba)
ba.reverse(); print(ba)
c = ba.copy(); ba.clear(); print(ba, c, bytearray(), bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"))
x = bytearray(b"abc")
x += b"def"; print(x, x * 2, x + b"!", x.upper(), x.find(b"c"), x.split(b"c"), x.decode(), bytes(x), x == b"abcdef", x[1], x[1:3])
print(bytearray(b"a b").split(), type(bytearray(b"ab").upper()).__name__, bytearray.fromhex("ff00"), list(bytearray(b"xy")))
for f in (lambda: bytearray().pop(), lambda: x.append(256), lambda: x.remove(120), lambda: hash(x)):
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
