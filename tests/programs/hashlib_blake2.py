# BLAKE2b and BLAKE2s with every parameter: digest size, key, salt,
# personalisation, tree hashing; the module constants and the range errors.
import hashlib
import _blake2

for n in sorted(x for x in dir(_blake2) if x.isupper()):
    print(n, getattr(_blake2, n))

for ctor in (hashlib.blake2b, hashlib.blake2s):
    print(ctor.__name__, ctor().name, ctor().block_size)
    for ds in (1, 16, 20, 32):
        h = ctor(b'hello', digest_size=ds)
        print(' ds', ds, h.digest_size, h.hexdigest())
    print(' key', ctor(b'msg', key=b'secret').hexdigest())
    print(' key empty msg', ctor(key=b'k' * 16).hexdigest())
    print(' salt', ctor(b'msg', salt=b'salty').hexdigest())
    print(' person', ctor(b'msg', person=b'me').hexdigest())
    print(' all', ctor(b'msg', digest_size=24, key=b'key', salt=b'salt', person=b'pers').hexdigest())
    print(' tree', ctor(b'leaf', fanout=2, depth=2, leaf_size=4096, node_offset=1,
                        node_depth=0, inner_size=ctor().digest_size).hexdigest())
    print(' last', ctor(b'root', fanout=2, depth=2, node_depth=1, last_node=True,
                        inner_size=16).hexdigest())
    print(' full', ctor(bytes(range(200)), key=b'K' * (ctor().digest_size)).hexdigest())
    h = ctor(b'part1', key=b'kk', person=b'p')
    c = h.copy()
    c.update(b'part2')
    print(' copy', h.hexdigest() == ctor(b'part1', key=b'kk', person=b'p').hexdigest(),
          c.hexdigest() == ctor(b'part1part2', key=b'kk', person=b'p').hexdigest(),
          c.digest_size, c.name)
    for kw in [dict(digest_size=0), dict(digest_size=65), dict(key=b'k' * 65),
               dict(salt=b's' * 17), dict(person=b'p' * 17), dict(fanout=256),
               dict(fanout=-1), dict(depth=0), dict(depth=256), dict(leaf_size=-1),
               dict(leaf_size=2 ** 32), dict(node_offset=-1), dict(node_offset=2 ** 48),
               dict(node_depth=256), dict(inner_size=65), dict(key='k'),
               dict(digest_size='x'), dict(fanout=1.5), dict(foo=1), dict(data=b'')]:
        try:
            ctor(**kw)
            print(' ok', kw)
        except Exception as e:
            print(' ', list(kw), type(e).__name__, e)
    try:
        ctor(b'', b'')
    except TypeError as e:
        print(' ', e)
