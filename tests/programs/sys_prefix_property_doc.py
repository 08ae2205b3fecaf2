# sys.prefix and friends agree with each other and with the stdlib's place;
# a property's __doc__ can be set (namedtuple field docs, urllib.parse).
import sys, os
print(sys.prefix == sys.base_prefix == sys.exec_prefix == sys.base_exec_prefix)
print(any(p.startswith(sys.prefix) and p.endswith('python3.11') for p in sys.path))
print(os.path.isdir(os.path.join(sys.base_prefix, 'lib')))

class C:
    x = property(lambda self: 1, doc='original')

C.x.__doc__ = 'replaced'
print(C.x.__doc__, C().x)
p = property(lambda self: 2)
print(p.__doc__)
p.__doc__ = 'set later'
print(p.__doc__)
