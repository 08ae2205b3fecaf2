from collections import deque, defaultdict
d = deque([1,2,3], maxlen=3)
for t in ['deque().pop()', 'deque().popleft()', 'deque([1])[5]', 'deque([1]).remove(9)', 'deque([1]).index(9)', 'd.insert(0, 5)', 'deque([1])["a"]', 'deque([1]) + [1]', 'deque(maxlen=-1)', 'deque(1)', 'deque([1])[0:1]', 'deque("ab", 2, 3)', 'deque("ab", "x")', 'deque([1]).rotate("a")', 'defaultdict(1)', 'deque([]).index(1, 0, 5)']:
    try: print(t, eval(t))
    except Exception as e: print(t, type(e).__name__, e)
print(d, deque(), deque('abc', 2), repr(deque([deque([1])])), d.maxlen, deque().maxlen)
dd = defaultdict(list); dd['a'].append(1); print(dd, defaultdict(), defaultdict(None, {1:2}), dd.default_factory)
print(type(iter(deque())), type(reversed(deque())))
import copy; print(copy.copy(dd), copy.deepcopy(dd), dd.copy())
q = deque()
q.append(1); q.appendleft(0); q.extend([2, 3]); q.extendleft([-1, -2])
print(q, len(q), q[0], q[-1], 3 in q, 9 in q, list(reversed(q)))
q.rotate(2); print(q); q.rotate(-3); print(q)
print(q.pop(), q.popleft(), q, q.count(1), q.index(2))
q.insert(1, 'x'); q.remove('x'); q.reverse(); print(q)
q[0] = 'first'; del q[1]; print(q, bool(q), bool(deque()))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1], deque([1,2]) >= deque([1]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque('ab'), deque('abc', maxlen=4) * 2)
e = deque([1]); e += [2, 3]; e *= 2; print(e)
w = deque(range(10), maxlen=3); print(w, list(w)); w.append(10); print(w); w.appendleft(0); print(w)
r = deque(); r.append(r); print(r)
print(copy.copy(deque([1, [2]], maxlen=5)), copy.deepcopy(deque([1, [2]])), deque([1]).copy())
it = iter(q)
q.append(5)
try:
    next(it)
except RuntimeError as ex:
    print(ex)
class MyDeque(deque):
    def peek(self): return self[-1]
m = MyDeque([1, 2, 3]); print(m, m.peek(), type(m.copy()).__name__, isinstance(m, deque))
print(deque[int], defaultdict[str, int])
counts = defaultdict(int)
for ch in 'mississippi': counts[ch] += 1
print(sorted(counts.items()), 'z' in counts, counts.get('z'))
nested = defaultdict(lambda: defaultdict(list))
nested['a']['b'].append(1); print(dict(nested['a']), len(nested))
dd2 = defaultdict(list, a=[1]); print(dd2, dd2 | {'b': [2]}, {'c': 3} | dd2)
dd3 = defaultdict(); 
try: dd3['missing']
except KeyError as ex: print('KeyError', ex)
from collections import Counter, OrderedDict, namedtuple, ChainMap
c = Counter('abracadabra'); print(c.most_common(3), c['a'], c['zz'])
P = namedtuple('P', 'x y'); p = P(1, 2); print(p, p._asdict(), p._replace(x=5), P._fields)
od = OrderedDict(a=1, b=2); od.move_to_end('a'); print(od, list(od))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm))
print(sum(deque(range(100))), deque(range(5)).__reduce__()[:2])
