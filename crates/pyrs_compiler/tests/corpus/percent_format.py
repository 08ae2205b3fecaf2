# '...' % (tuple) with simple %s/%r/%a units is compiled as an f-string (ast_opt).
def show(x, y, z):
    print('a%sb' % (x,))
    print('%-5s|%+s' % (x, y))
    print('%05s' % (x,), '%12r' % (y,), '%.2a' % (z,))
    print('%.s' % (x,))
    print('100%% %r' % (x,))
    print('%s %s' % (x, 1))
    print('%d' % (3,), '%d' % (len(z),), '%123s' % (x,))
    print('%s' % (x, y) if False else '-')
    print('%(a)s' % {'a': x})
    print('plain %s' % x)
    print('%s, %s' % (x,
                      y))

show(1, 'two', 'θ')

# A format spec takes the location of the string token holding it, even in an
# implicitly concatenated f-string that spans lines.
class Sem:
    _value = 3
    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__name__} at {12648430:#x}:"
                f" value={self._value:>{4}}>")

print(repr(Sem()))

def utc(sign, hours, minutes, micro):
    return (f'UTC{sign}{hours:02d}:{minutes:02d}'
            f'.{micro:06d}')

print(utc('+', 1, 2, 3))
