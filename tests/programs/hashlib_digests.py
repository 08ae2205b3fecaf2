# Known digests of every hashlib algorithm: empty input, short and long
# inputs, updates in chunks, copy() independence, the object attributes.
import hashlib

NAMES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
         'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s']
INPUTS = [b'', b'abc', b'The quick brown fox jumps over the lazy dog',
          bytes(range(256)) * 5, b'a' * 1000]

for name in NAMES:
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size)
    for data in INPUTS:
        a = ctor(data).hexdigest()
        b = hashlib.new(name, data).hexdigest()
        assert a == b, name
        print(' ', len(data), a)
    # Updates in chunks of every size give the same digest.
    data = INPUTS[3]
    whole = ctor(data).digest()
    for step in (1, 7, 64, 129, 1000):
        h = ctor()
        for i in range(0, len(data), step):
            h.update(data[i:i + step])
        assert h.digest() == whole, (name, step)
    # copy() is independent of the original.
    h = ctor(b'prefix')
    c = h.copy()
    c.update(b'-more')
    print('  copy', h.hexdigest() == ctor(b'prefix').hexdigest(),
          c.hexdigest() == ctor(b'prefix-more').hexdigest(), type(c) is type(h))
    # digest() does not finish the object.
    h = ctor(b'x')
    d1 = h.digest()
    h.update(b'y')
    print('  again', d1 == ctor(b'x').digest(), h.digest() == ctor(b'xy').digest(),
          h.digest().hex() == h.hexdigest())
    # bytearray and memoryview hash like bytes; string= and usedforsecurity=.
    print('  buffers', ctor(bytearray(b'abc')).digest() == ctor(memoryview(b'abc')).digest() == ctor(b'abc').digest(),
          ctor(b'abc', usedforsecurity=False).hexdigest() == ctor(b'abc').hexdigest())

for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    print(name, getattr(hashlib, name)(string=b'abc').hexdigest()[:16])

# SHAKE: digests of any length, prefixes of one another.
for name in ['shake_128', 'shake_256']:
    ctor = getattr(hashlib, name)
    h = ctor(b'abc')
    print(name, h.name, h.digest_size, h.block_size)
    for n in (0, 1, 16, 32, 100, 300):
        print(' ', n, h.hexdigest(n))
    assert h.digest(300)[:100] == h.digest(100)
    print(' ', ctor().hexdigest(16), ctor(b'a' * 1000).hexdigest(16))
    c = h.copy()
    c.update(b'def')
    print('  copy', h.hexdigest(8), c.hexdigest(8), ctor(b'abcdef').hexdigest(8))

print(hashlib.new('SHA256', b'x').hexdigest()[:8], hashlib.new('MD5').hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
