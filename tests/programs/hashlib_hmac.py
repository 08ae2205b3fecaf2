# hmac over hashlib, pbkdf2_hmac (small iteration counts), file_digest and
# compare_digest.
import hashlib
import hmac
import warnings

for name in ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b']:
    print(name, hmac.new(b'key', b'The quick brown fox', name).hexdigest())
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.new(b'key', digestmod=hashlib.sha1).hexdigest())
h = hmac.new(b'k' * 200, b'part', 'sha256')
c = h.copy()
c.update(b'-two')
print(h.name, h.digest_size, h.block_size, h.hexdigest())
print(c.hexdigest() == hmac.new(b'k' * 200, b'part-two', 'sha256').hexdigest())
print(hmac.digest(b'key', b'msg', 'sha1').hex())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'),
      hmac.compare_digest('abc', 'abc'), hmac.compare_digest(b'ab', b'abc'),
      hmac.compare_digest(bytearray(b'x'), memoryview(b'x')))
for a, b in [('a', b'a'), (1, 2), ('\xe9', '\xe9'), (1, b'a')]:
    try:
        hmac.compare_digest(a, b)
    except TypeError as e:
        print('TypeError', e)
try:
    hmac.new(b'key')
except TypeError as e:
    print('TypeError', e)

with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)
    print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1).hex())
    print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2).hex())
    print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 5, dklen=40).hex())
    print(hashlib.pbkdf2_hmac('sha512', b'pw', b'NaCl', 3, 16).hex())



class Reader:
    # A binary file-like object: file_digest needs readable() and readinto().
    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), len(self.data))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


print(hashlib.file_digest(Reader(b'abc' * 100000), 'sha256').hexdigest())
print(hashlib.file_digest(Reader(b''), hashlib.md5).hexdigest())
with open(__file__, 'rb') as f:
    print(hashlib.file_digest(f, 'sha1').hexdigest() == hashlib.sha1(open(__file__, 'rb').read()).hexdigest())
with open(__file__, 'rb') as f:
    print(hashlib.file_digest(f, 'sha256', _bufsize=100).hexdigest() == hashlib.sha256(open(__file__, 'rb').read()).hexdigest())
try:
    hashlib.file_digest(open(__file__), 'md5')
except ValueError:
    print('ValueError for a text file')
