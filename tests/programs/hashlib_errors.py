# The TypeErrors and ValueErrors of the builtin hash modules' objects and
# constructors, with CPython's messages (hashlib's own constructors are
# OpenSSL's in CPython, so these go to _md5 and friends directly).
import hashlib
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)


CTORS = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384,
         _sha512.sha512, _sha3.sha3_256, _sha3.shake_128, _blake2.blake2b,
         _blake2.blake2s]
for ctor in CTORS:
    name = ctor.__name__
    attempt(name + ' str', lambda: ctor('abc'))
    attempt(name + ' int', lambda: ctor(1))
    attempt(name + ' two', lambda: ctor(b'', b''))
    attempt(name + ' data=', lambda: ctor(data=b'').name)
    attempt(name + ' string=', lambda: ctor(string=b'').name)
    h = ctor()
    attempt(name + ' update str', lambda: h.update('x'))
    attempt(name + ' update list', lambda: h.update([1]))
    attempt(name + ' update none', lambda: h.update())
    attempt(name + ' update two', lambda: h.update(b'', b''))
    attempt(name + ' update kw', lambda: h.update(data=b''))
    attempt(name + ' copy arg', lambda: h.copy(1))
    attempt(name + ' digest arg', lambda: len(h.digest(1)))

s = _sha3.shake_256()
for arg in [(), (-1,), ('x',), (1.0,), (2 ** 70,), (2 ** 29,), (True,)]:
    attempt('shake digest %r' % (arg,), lambda: s.digest(*arg))
attempt('shake hexdigest kw', lambda: s.hexdigest(length=3))
attempt('new unknown', lambda: hashlib.new('nope'))
attempt('MD5Type()', lambda: _md5.MD5Type())

print(type(_md5.md5()), type(_sha1.sha1()), type(_sha256.sha224()), type(_sha512.sha384()))
print(_md5.MD5Type, _sha1.SHA1Type, _sha256.SHA224Type, _sha256.SHA256Type, _sha512.SHA384Type)
print(_sha3.sha3_224, _sha3.shake_128, _blake2.blake2b, _blake2.blake2s)
for c in [_sha3.sha3_224, _sha3.sha3_384, _sha3.shake_128, _sha3.shake_256]:
    h = c()
    print(h.name, h._capacity_bits, h._rate_bits, h._suffix)
