import itertools as it
from itertools import *
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)))
c = count(5); next(c); print(c, count(1, 2), count(2.5), repr(count(1, 1.0)))
print(list(islice(cycle('abc'), 8)), list(cycle([])))
print(list(repeat('x', 3)), repeat(7), repeat(7, 2), list(repeat(1, -5)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g), end='; ')
print()
print([k for k, g in groupby('AAAABBBCCD')], [list(g) for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby(sorted(['apple', 'avocado', 'banana', 'cherry', 'cranberry']), key=lambda s: s[0])])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(pairwise('ABCDE')), list(pairwise('A')))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('AB', [1, 2, 3])))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee(range(100), 3)
print(sum(x), sum(y), list(islice(z, 3)))
t1, = tee('abc', 1); print(list(t1))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('AB', 3)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)))
print(list(product()), list(permutations([], 0)), list(combinations([], 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
it2 = iter(range(10)); print(list(islice(it2, 3)), next(it2))
tests = ['it.cycle()', 'it.cycle(1,2)', 'it.cycle(x=1)', 'it.dropwhile()', 'it.pairwise()', 'it.islice()', 'it.islice([],1,2,3,4)', 'it.compress()', 'it.count("a")', 'it.count(1, "a")', 'it.repeat()', 'it.repeat(1,2,3)', 'it.islice([], -1)', 'it.islice([], 1, -1)', 'it.islice([], 1, 2, 0)', 'it.islice([], "a")', 'it.combinations([1], -1)', 'it.combinations([1])', 'it.permutations([1], -1)', 'it.product([1], repeat=-1)', 'it.product(1)', 'it.chain(1)', 'next(it.chain(1))', 'it.accumulate()', 'it.groupby()', 'it.tee([], -1)', 'it.zip_longest(1)', 'it.starmap(len)', 'it.zip_longest([], x=1)', 'it.tee()', 'it.combinations_with_replacement([1], -1)', 'it.accumulate([], x=1)', 'it.chain.from_iterable()', 'it.chain(x=1)', 'it.count(1,2,3)', 'it.groupby([], x=1)','it.permutations()', 'it.filterfalse(None)', 'it.takewhile(1,2,3)']
for t in tests:
    try:
        eval(t); print(t, 'ok')
    except Exception as e:
        print(t, type(e).__name__, e)
print(type(chain()), type(tee([])[0]).__name__, chain.__module__, isinstance(chain(), chain))
class MyChain(chain):
    pass
print(list(MyChain('ab', 'c')), type(MyChain()).__mro__)
r = repeat(1, 3); next(r); print(r, r.__length_hint__())
import operator
print(operator.length_hint(repeat(None, 5)))
