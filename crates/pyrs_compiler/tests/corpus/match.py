# The match statement: every pattern kind, guards, captures, or-patterns with
# reordered names, the trailing wildcard, and module-level captures.
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)

def classify(v):
    match v:
        case None:
            return 'none'
        case True | False:
            return 'bool'
        case 0:
            return 'zero'
        case -1 | 1.5 | 2j:
            return 'num'
        case 'a' | b'b':
            return 'str'
        case [x, y, *rest] if x == y:
            return ('pair-eq', rest)
        case [x, *_, y]:
            return ('seq', x, y)
        case []:
            return 'empty'
        case (1, _):
            return 'one-any'
        case {'k': value, **rest}:
            return ('map', value, rest)
        case {'a': 1, 'b': [c, d]}:
            return ('map2', c, d)
        case {}:
            return 'emptymap'
        case Point(x=0, y=yy) as p:
            return ('p0', yy, p.x)
        case Point(a, b):
            return ('p', a, b)
        case int(n) | float(n):
            return ('number', n)
        case str() | bytes():
            return 'text'
        case [Point(x=1) | Point(y=1), (a, b) | [b, a]]:
            return ('nested', a, b)
        case ([a, b] | (b, a, _)):
            return ('alt', a, b)
        case _:
            return 'other'

for v in [None, True, 0, -1, 1.5, 2j, 'a', b'b', [1, 1, 2], [1, 2, 3], [], (1, 9), {'k': 1, 'z': 2},
          {'a': 1, 'b': [3, 4]}, {}, Point(0, 5), Point(2, 3), 7, 2.5, 'zz', [Point(1, 0), (5, 6)],
          [Point(0, 1), [5, 6]], (8, 9, 10), object()]:
    print(classify(v))

def first(x):
    match x:
        case [a]:
            print('one', a)
        case _ if x:
            print('truthy')
    match x:
        case _:
            print('always')

first([1]); first([]); first('s')

match 3:
    case 1 | 2:
        pass
    case n:
        print('module capture', n)
