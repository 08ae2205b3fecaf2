import struct
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
for o in '@<>=!':
    for c in 'bBhHiIlLqQnNP':
        row = []
        for v in (0, 1, -1, 127, 128, 255, 256, -129, 32767, 32768, 65535, 65536, 2**31, -2**31-1, 2**32, 2**63, -2**63-1, 2**64):
            try:
                b = struct.pack(o + c, v)
                row.append(b.hex() + '=' + str(struct.unpack(o + c, b)[0]))
            except Exception as e:
                row.append(type(e).__name__ + ':' + str(e))
        print(o, c, row)
for f in ['<f', '>f', '=f', 'f', '<d', '>d', 'e', '<e', '>e']:
    for v in (1.5, -0.0, 1e300, float('inf'), float('nan'), 65519.99, 65520.0, 1e-8, 6e-5, 3.14159, 2**-24):
        t(lambda: (struct.pack(f, v).hex(), struct.unpack(f, struct.pack(f, v))))
for fmt in ['@bhiq', 'bq0q', '<bhiq', 'ci?', '3s2p', '5x', 'iii', 'hi', 'ih', '@iq', '@qi', '@e?', '0s', 'P', 'nN']:
    print(fmt, struct.calcsize(fmt))
print(struct.pack('>?', 5), struct.unpack('>?', b'\x02'), struct.pack('<5s', b'ab'), struct.pack('3p', b'abcdef'), struct.unpack('3p', b'\x05ab'), struct.pack('0s', b''))
print(struct.pack('i', True), struct.unpack('2c', b'ab'), struct.pack('x'), struct.pack('3xi2x', 7))
print(struct.pack('5s', bytearray(b'ab')), struct.unpack('<h', memoryview(b'ab')), struct.pack('300p', b'x' * 300)[:3])
class I:
    def __index__(self): return 7
class F:
    def __float__(self): return 2.5
print(struct.pack('<i', I()), struct.pack('<?', I()), struct.pack('<d', I()), struct.pack('<d', F()))
t(lambda: struct.pack('<i', F()))
t(lambda: struct.pack('i', 1.5)); t(lambda: struct.pack('i', '1')); t(lambda: struct.pack('f', 'x')); t(lambda: struct.pack('c', b'ab')); t(lambda: struct.pack('s', 'ab')); t(lambda: struct.pack('ii', 1)); t(lambda: struct.pack('i', 1, 2))
t(lambda: struct.pack('z', 1)); t(lambda: struct.pack('<n', 1)); t(lambda: struct.pack('3', 1)); t(lambda: struct.unpack('i', b'abc')); t(lambda: struct.unpack_from('i', b'abcdefgh', 6)); t(lambda: struct.unpack_from('i', b'abcdefgh', -20)); t(lambda: struct.pack_into('i', bytearray(5), 2, 1)); t(lambda: struct.pack_into('i', bytearray(5), -20, 1)); t(lambda: struct.iter_unpack('i', b'abcde')); t(lambda: struct.iter_unpack('', b'abcde'))
t(lambda: struct.pack('2 i', 1, 2)); t(lambda: struct.pack('i i', 1, 2)); t(lambda: struct.calcsize(b'i')); t(lambda: struct.calcsize(5)); t(lambda: struct.pack('?', [])); t(lambda: struct.pack_into('i', b'xxxx', 0, 1)); t(lambda: struct.unpack('i', 'abcd')); t(lambda: struct.pack('c', 5))
t(lambda: struct.pack('99999999999999999999i')); t(lambda: struct.pack('i', None)); t(lambda: struct.pack_into('i', bytearray(8), -2, 1)); t(lambda: struct.pack_into('i', bytearray(8), 1)); t(lambda: struct.unpack_from('<h', b'abcd', -2)); t(lambda: struct.unpack_from('<h', buffer=b'abcd', offset=1))
s = struct.Struct('<hI2s')
print(s.format, s.size, s.pack(1, 2, b'xy'), s.unpack(b'\x01\x00\x02\x00\x00\x00xy'), type(s).__name__)
ba = bytearray(12)
s.pack_into(ba, 2, -1, 7, b'q')
print(ba, s.unpack_from(ba, 2), s.unpack_from(buffer=ba, offset=2))
print(list(struct.iter_unpack('<hh', b'\x01\x00\x02\x00\x03\x00\x04\x00')), list(s.iter_unpack(bytes(16))))
print(struct.Struct(b'>q').format, struct.Struct(format='i').size)
t(lambda: struct.Struct('i') == struct.Struct('i'))
# A binary record format, as a file parser would use it.
header = struct.Struct('<4sHHI')
blob = header.pack(b'PYRS', 3, 11, 123456) + struct.pack('<3d', 1.0, -2.5, 1e100)
magic, major, minor, n = header.unpack_from(blob)
print(magic, major, minor, n, struct.unpack_from('<3d', blob, header.size))
