import heapq, bisect, keyword, operator

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
data = [9, 4, 7, 1, 8]; heapq.heapify(data); print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nlargest(2, ['bb', 'a', 'ccc'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(['c', 'a'], ['d', 'b'], key=str.upper, reverse=True)))
tasks = []
heapq.heappush(tasks, (2, 'write')); heapq.heappush(tasks, (1, 'plan')); heapq.heappush(tasks, (3, 'ship'))
print([heapq.heappop(tasks)[1] for _ in range(3)])

a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3))
bisect.insort(a, 3); bisect.insort_left(a, 4); bisect.insort_right(a, 9); print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1]); print(recs)

print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.iskeyword('print'), len(keyword.kwlist), keyword.softkwlist)

print(operator.add(2, 3), operator.mul('a', 3), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)('xyz'))
print(operator.attrgetter('real')(3 + 4j), operator.attrgetter('a.b')(type('A', (), {'a': type('B', (), {'b': 7})})))
print(operator.methodcaller('upper')('abc'), operator.methodcaller('split', ',')('a,b'), operator.neg(5), operator.not_(0), operator.truth([]))
print(operator.contains([1, 2], 2), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'), operator.concat([1], [2]))
print(operator.index(7), operator.lt(1, 2), operator.is_(None, None), operator.getitem({'k': 1}, 'k'), operator.length_hint([1, 2, 3]))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.iadd([1], [2]), operator.pow(2, 10), operator.floordiv(7, 2))
print(sorted([('b', 2), ('a', 3)], key=operator.itemgetter(1), reverse=True), repr(operator.itemgetter(1)), repr(operator.attrgetter('x', 'y')))
print(operator.__name__, operator.abs(-3), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.inv(0), operator.lshift(1, 4))
