from collections import Counter, OrderedDict, namedtuple, ChainMap, UserDict, UserList, UserString, deque, defaultdict
c = Counter('abracadabra')
print(sorted(c.items()), c.most_common(2), c.total(), c['z'])
c2 = Counter(a=1, b=5)
print(sorted((c + c2).items()), sorted((c - c2).items()), sorted((c & c2).items()), sorted((c | c2).items()))
c.update('aaa'); c.subtract({'b': 2}); print(c['a'], c['b'], sorted(c.elements())[:6])
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), +Counter(a=-1, b=2), -Counter(a=-1))
words = 'the quick the lazy the end'.split()
print(Counter(words).most_common(1))

Point = namedtuple('Point', ['x', 'y'], defaults=[0])
p = Point(3)
print(p, p.x, p[1], p._asdict(), p._replace(y=9), Point._make([1, 2]), Point._field_defaults, len(p))
x, y = Point(5, 6); print(x + y, Point(1, 2) == (1, 2), isinstance(p, tuple))
Emp = namedtuple('Emp', 'name, age', rename=True); print(Emp('a', 1), Emp.__doc__)
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError', e)

od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
od.move_to_end('b'); print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
print(list(reversed(OrderedDict.fromkeys('xyz'))))

base = {'color': 'red', 'size': 'M'}
over = {'color': 'blue'}
cm = ChainMap(over, base)
print(cm['color'], cm['size'], sorted(cm), len(cm), cm.maps[1] is base)
child = cm.new_child({'size': 'L'}); print(child['size'], child.parents['size'])
cm['new'] = 1; print(over)

class LowerDict(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
ld = LowerDict({'A': 1}); ld['B'] = 2; print(ld, 'a' in ld, ld.data)
ul = UserList([3, 1, 2]); ul.sort(); ul.append(4); print(ul, ul[1:], len(ul))
us = UserString('hello'); print(us.upper(), us[1:3], us + '!', len(us))

graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3)]:
    graph[a].add(b); graph[b].add(a)
print({k: sorted(v) for k, v in sorted(graph.items())})
q = deque([(0, 'start')])
seen = []
while q:
    d, n = q.popleft(); seen.append(n)
    if d < 2:
        q.extend((d + 1, f'{n}.{i}') for i in range(2))
print(seen)
last3 = deque(maxlen=3)
for i in range(10): last3.append(i)
print(list(last3), sum(last3))
