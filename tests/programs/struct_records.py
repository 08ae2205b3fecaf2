# Binary records with struct, as file-format code uses it: a WAV header, a
# table of fixed-size records, and a length-prefixed message stream.
import struct


def wav_header(channels, rate, bits, nframes):
    block = channels * bits // 8
    data = nframes * block
    return struct.pack('<4sI4s4sIHHIIHH4sI', b'RIFF', 36 + data, b'WAVE', b'fmt ',
                       16, 1, channels, rate, rate * block, block, bits, b'data', data)


h = wav_header(2, 44100, 16, 1000)
print(len(h), h[:16])
fields = struct.unpack('<4sI4s4sIHHIIHH4sI', h)
print(fields)

Record = struct.Struct('>I10sdh?')
rows = [(1, b'alpha', 3.25, -7, True), (2, b'beta-gamma', -0.5, 300, False), (65536, b'', 1e-3, 0, True)]
table = b''.join(Record.pack(*r) for r in rows)
print(Record.size, len(table))
for rec in Record.iter_unpack(table):
    ident, name, value, delta, flag = rec
    print(ident, name.rstrip(b'\0').decode(), value, delta, flag)

buf = bytearray(64)
off = 0
for msg in (b'hello', b'', b'struct!'):
    struct.pack_into('!H', buf, off, len(msg))
    buf[off + 2:off + 2 + len(msg)] = msg
    off += 2 + len(msg)
pos = 0
while pos < off:
    (n,) = struct.unpack_from('!H', buf, pos)
    print(n, bytes(buf[pos + 2:pos + 2 + n]))
    pos += 2 + n

# Native alignment pads between fields but not at the end.
for fmt in ('@cid', '=cid', '@dci', '@?q', '@hhi', '<hhi'):
    print(fmt, struct.calcsize(fmt), struct.pack(fmt, *[(b'x' if c == 'c' else 1) for c in fmt[1:] if c.isalpha() or c == '?']).hex())

try:
    struct.unpack('<I', b'\x00\x01')
except struct.error as e:
    print('struct.error:', e)
print(struct.error.__module__, struct.error.__mro__[1].__name__, struct.Struct.__name__)
