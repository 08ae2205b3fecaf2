# binascii as base64/quopri/uu/zipfile call it: every encoder and decoder, the
# strict and lenient base64 rules, checksums, and CPython's error messages.
import binascii as b
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(lambda: b.a2b_base64(b'abc')); t(lambda: b.a2b_base64(b'a')); t(lambda: b.a2b_base64(b'ab==cd')); t(lambda: b.a2b_base64(b'ab=c', strict_mode=True)); t(lambda: b.a2b_base64(b'=abc', strict_mode=True)); t(lambda: b.a2b_base64(b'ab==cd', strict_mode=True)); t(lambda: b.a2b_base64(b'a!bc', strict_mode=True)); t(lambda: b.a2b_base64(b'abc', strict_mode=True)); t(lambda: b.a2b_base64(b'ab=', strict_mode=True))
t(lambda: b.a2b_base64('é')); t(lambda: b.a2b_base64(5)); t(lambda: b.b2a_base64('x')); t(lambda: b.a2b_hex(b'abc')); t(lambda: b.a2b_hex(b'zz')); t(lambda: b.b2a_hex(b'abc', '::')); t(lambda: b.b2a_hex(b'abcde', ':', 2)); t(lambda: b.b2a_hex(b'abcde', b'-', -2)); t(lambda: b.hexlify(b'abc', 5)); t(lambda: b.b2a_hex(b'', ':'))
t(lambda: b.a2b_uu(b'')); t(lambda: b.a2b_uu(b'\n')); t(lambda: b.a2b_uu(b'#86)C\n')); t(lambda: b.a2b_uu(b'#86)C xx')); t(lambda: b.a2b_uu(b'#8\x016)C')); t(lambda: b.b2a_uu(b'x'*46)); t(lambda: b.b2a_uu(b'', backtick=True)); t(lambda: b.b2a_uu(b'\x00\x00', backtick=True))
t(lambda: b.crc32(b'hello')); t(lambda: b.crc32(b'hello', -1)); t(lambda: b.crc32(b'hello', 2**40)); t(lambda: b.crc_hqx(b'hello', 0)); t(lambda: b.crc_hqx(b'hello', 2**20+5)); t(lambda: b.crc_hqx(b'hello'))
t(lambda: b.Error.__mro__); t(lambda: b.Incomplete.__mro__); t(lambda: b.a2b_qp(b'a=3D=\nb=xy=', header=True)); t(lambda: b.b2a_qp(b'a b\t\n.\nx=y_ \xff' + b'q'*80, header=True))
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))]:
    e = b.b2a_base64(data)
    print(e, b.a2b_base64(e) == data, b.b2a_base64(data, newline=False), b.hexlify(data)[:40], b.unhexlify(b.hexlify(data)) == data)
    u = b.b2a_uu(data[:45]); print(u, b.a2b_uu(u) == data[:45], b.b2a_uu(data[:45], backtick=True))
    q = b.b2a_qp(data); print(q[:120], b.a2b_qp(q) == data, b.b2a_qp(data, quotetabs=True, istext=False)[:60])
    print(b.crc32(data), b.crc_hqx(data, 0xffff), b.crc32(data, b.crc32(data)))
print(b.b2a_qp(b'line one  \r\nline two\t\r\n' + b'x' * 200 + b'\r\n.\r\n'))
print(b.b2a_qp(b'trailing space \nand tab\t\nend '), b.a2b_qp('=41=42=\r\nC_D', header=True))
print(b.a2b_base64(' Zm9v\nYmFy \n'), b.a2b_hex('DEADbeef'), b.b2a_hex(b'\x01\x02\x03\x04\x05', sep='-', bytes_per_sep=-4))
print(b.hexlify(bytearray(b'xyz'), b' '), b.crc32(memoryview(b'abc')), b.b2a_base64(bytearray(b'\xff\xfe')))
