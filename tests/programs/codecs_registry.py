# codecs over _codecs: the registry and Lib/encodings, incremental codecs,
# charmap codecs (cp1252, cp437), escape codecs and error handlers.
import codecs
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
ci = codecs.lookup('UTF-8')
print(ci.name, type(ci).__name__, codecs.lookup('latin1').name, codecs.lookup('utf_16').name)
t(lambda: codecs.lookup('nope'))
print(codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\xc3\xa9llo', 'utf-8'), codecs.encode('abc', 'rot13'), codecs.decode(b'6869', 'hex'))
print(codecs.encode(b'hello', 'base64'), codecs.decode(b'aGVsbG8=\n', 'base64'))
print(codecs.utf_8_decode(b'a\xc3', None, False), codecs.utf_8_decode(b'a\xc3\xa9', 'strict', True))
t(lambda: codecs.utf_8_decode(b'a\xc3', 'strict', True))
print(codecs.utf_16_encode('hi'), codecs.utf_16_le_encode('hi'), codecs.utf_16_ex_decode(b'\xff\xfeh\x00i\x00', None, 0, True))
print(codecs.latin_1_encode('é'), codecs.ascii_decode(b'abc'), codecs.charmap_decode(b'abc'))
print('x€y'.encode('cp1252'), b'\x80\x81'.decode('cp1252', 'replace'), 'ab'.encode('cp437'))
t(lambda: 'x\u1234'.encode('cp1252'))
print(codecs.escape_decode(b'a\\n\\x41\\101\\\\q'), codecs.escape_encode(b"a'\n\x00"))
print(codecs.unicode_escape_decode(b'\\u00e9\\t\\U0001F600x'), codecs.unicode_escape_encode('é\t\U0001F600\\'))
print(codecs.raw_unicode_escape_decode(b'\\u00e9\\\\u00e9'), codecs.raw_unicode_escape_encode('é\u1234'))
print('x\u1234'.encode('ascii', 'backslashreplace'), 'x\u1234'.encode('latin-1', 'xmlcharrefreplace'))
print(codecs.lookup_error('strict'), codecs.lookup_error('ignore'))
codecs.register_error('stars', lambda e: ('*' * (e.end - e.start), e.end))
print('a\u1234\u5678b'.encode('cp1252', 'stars'))
dec = codecs.getincrementaldecoder('utf-8')()
print([dec.decode(bytes([b])) for b in 'é€😀'.encode()], dec.decode(b'', final=True))
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'))
print(codecs.BOM_UTF8, codecs.getencoder('ascii')('abc'), codecs.getdecoder('latin-1')(b'\xe9'))
print(list(codecs.iterdecode([b'\xc3', b'\xa9', b'x'], 'utf-8')))
print(codecs.decode('caf\\u00e9', 'unicode_escape'), codecs.encode('ab', 'utf-32-be'))
