# _sre driven directly, as Lib/re drives it: each pattern's code list was made
# by CPython 3.11's re._compiler (the pure-Python half of `re`), then matched,
# searched, split and substituted by the native engine.
import _sre
cases = []
cases.append((_sre.compile('a+b', 32, [14, 4, 0, 2, 4294967295, 24, 6, 1, 4294967295, 16, 97, 1, 16, 98, 1], 0, {}, (None,)), ['aab', 'xaaabz', 'b', '']))
cases.append((_sre.compile('(a|b)*c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16, 99, 1], 1, {}, (None, None)), ['abac', 'c', 'ababx']))
cases.append((_sre.compile('(?:ab)*?c', 32, [14, 4, 0, 1, 4294967295, 23, 7, 0, 4294967295, 16, 97, 16, 98, 19, 16, 99, 1], 0, {}, (None,)), ['ababc', 'abx']))
cases.append((_sre.compile('a{2,3}+a', 32, [14, 4, 0, 3, 4, 29, 6, 2, 3, 16, 97, 1, 16, 97, 1], 0, {}, (None,)), ['aaaa', 'aaa']))
cases.append((_sre.compile('(?:ab){2,}+', 32, [14, 4, 0, 4, 4294967295, 28, 7, 2, 4294967295, 16, 97, 16, 98, 1, 1], 0, {}, (None,)), ['ababab', 'ab']))
cases.append((_sre.compile('(?>ab|a)c', 32, [14, 4, 0, 2, 3, 27, 14, 16, 97, 7, 5, 16, 98, 15, 5, 3, 15, 2, 0, 1, 16, 99, 1], 0, {}, (None,)), ['abc', 'ac']))
cases.append((_sre.compile('(?>ab|a)bc', 32, [14, 4, 0, 3, 4, 27, 14, 16, 97, 7, 5, 16, 98, 15, 5, 3, 15, 2, 0, 1, 16, 98, 16, 99, 1], 0, {}, (None,)), ['abc']))
cases.append((_sre.compile('(?i)abc', 34, [14, 4, 0, 3, 3, 40, 97, 40, 98, 40, 99, 1], 0, {}, (None,)), ['xABc', 'abC']))
cases.append((_sre.compile('[a-z\\d]+', 32, [14, 4, 0, 1, 4294967295, 24, 12, 1, 4294967295, 13, 7, 22, 97, 122, 8, 10, 0, 1, 1], 0, {}, (None,)), ['  abc123 x', 'ÄÖ']))
cases.append((_sre.compile('\\bfoo\\b', 32, [14, 4, 0, 3, 3, 6, 10, 16, 102, 16, 111, 16, 111, 6, 10, 1], 0, {}, (None,)), ['a foo b', 'foobar', 'foo']))
cases.append((_sre.compile('(?P<x>a)(?P=x)', 32, [14, 8, 1, 2, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 11, 0, 1], 1, {'x': 1}, (None, 'x')), ['xaa', 'ab']))
cases.append((_sre.compile('(a)?(?(1)b|c)', 32, [14, 4, 0, 1, 2, 23, 9, 0, 1, 17, 0, 16, 97, 17, 1, 18, 12, 0, 6, 16, 98, 15, 3, 16, 99, 1], 1, {}, (None, None)), ['ab', 'c', 'ac']))
cases.append((_sre.compile('^\\w+$', 32, [14, 4, 0, 1, 4294967295, 6, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 6, 5, 1], 0, {}, (None,)), ['hello', 'hi there', 'héllo']))
cases.append((_sre.compile('(?=(a+))a*b', 32, [14, 4, 0, 1, 4294967295, 4, 14, 0, 17, 0, 24, 6, 1, 4294967295, 16, 97, 1, 17, 1, 1, 24, 6, 0, 4294967295, 16, 97, 1, 16, 98, 1], 1, {}, (None, None)), ['aaab']))
cases.append((_sre.compile('(?<=ab)c', 32, [14, 4, 0, 1, 1, 4, 7, 2, 16, 97, 16, 98, 1, 16, 99, 1], 0, {}, (None,)), ['abc', 'xbc']))
cases.append((_sre.compile('(?<!ab)c', 32, [14, 4, 0, 1, 1, 5, 7, 2, 16, 97, 16, 98, 1, 16, 99, 1], 0, {}, (None,)), ['abc', 'xbc']))
cases.append((_sre.compile('(?!a)\\w', 32, [14, 4, 0, 1, 1, 5, 5, 0, 16, 97, 1, 13, 4, 8, 14, 0, 1], 0, {}, (None,)), ['aab']))
cases.append((_sre.compile('(a)(b)?', 32, [14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 1], 2, {}, (None, None, None)), ['a', 'ab']))
cases.append((_sre.compile('((a)|b)+', 32, [14, 4, 0, 1, 4294967295, 23, 23, 1, 4294967295, 17, 0, 7, 9, 17, 2, 16, 97, 17, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 18, 1], 2, {}, (None, None, None)), ['ab', 'ba']))
cases.append((_sre.compile('(a|ab)(c|bcd)(d*)', 32, [14, 8, 1, 2, 4294967295, 1, 0, 97, 0, 17, 0, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 17, 2, 7, 5, 16, 99, 15, 11, 9, 16, 98, 16, 99, 16, 100, 15, 2, 0, 17, 3, 17, 4, 24, 6, 0, 4294967295, 16, 100, 1, 17, 5, 1], 3, {}, (None, None, None, None)), ['abcd']))
cases.append((_sre.compile('(?:x(a)|x)*y', 32, [14, 4, 0, 1, 4294967295, 23, 19, 0, 4294967295, 16, 120, 7, 9, 17, 0, 16, 97, 17, 1, 15, 5, 3, 15, 2, 0, 18, 16, 121, 1], 1, {}, (None, None)), ['xaxy']))
cases.append((_sre.compile('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)), ['axxb', '']))
cases.append((_sre.compile('(\\d+)-(\\d+)', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 1, 16, 45, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 1], 2, {}, (None, None, None)), ['tel 12-345 and 6-7']))
cases.append((_sre.compile('[^aeiou\\s]+', 32, [14, 4, 0, 1, 4294967295, 24, 19, 1, 4294967295, 13, 14, 21, 9, 0, 0, 0, 2130466, 0, 0, 0, 0, 8, 12, 0, 1, 1], 0, {}, (None,)), ['hello world']))
cases.append((_sre.compile('(?m)^\\w+', 40, [14, 4, 0, 1, 4294967295, 6, 1, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)), ['ab\ncd\nef']))
cases.append((_sre.compile('(?s).+', 48, [14, 4, 0, 1, 4294967295, 24, 5, 1, 4294967295, 3, 1, 1], 0, {}, (None,)), ['a\nb']))
cases.append((_sre.compile('.+', 32, [14, 4, 0, 1, 4294967295, 24, 5, 1, 4294967295, 2, 1, 1], 0, {}, (None,)), ['a\nb']))
cases.append((_sre.compile('a$', 32, [14, 8, 1, 1, 1, 1, 1, 97, 0, 16, 97, 6, 5, 1], 0, {}, (None,)), ['a\n', 'ab']))
cases.append((_sre.compile('(?i)[k-m]+', 34, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 39, 5, 22, 107, 109, 0, 1, 1], 0, {}, (None,)), ['KLMklmK']))
cases.append((_sre.compile('(?i)straße', 34, [14, 4, 0, 6, 6, 39, 6, 16, 115, 16, 383, 0, 40, 116, 40, 114, 40, 97, 40, 223, 40, 101, 1], 0, {}, (None,)), ['STRASSE', 'Straße']))
cases.append((_sre.compile('(a*)*b', 32, [14, 4, 0, 1, 4294967295, 23, 14, 0, 4294967295, 17, 0, 24, 6, 0, 4294967295, 16, 97, 1, 17, 1, 18, 16, 98, 1], 1, {}, (None, None)), ['aaab', 'aaa']))
cases.append((_sre.compile('(a*)+b', 32, [14, 4, 0, 1, 4294967295, 23, 14, 1, 4294967295, 17, 0, 24, 6, 0, 4294967295, 16, 97, 1, 17, 1, 18, 16, 98, 1], 1, {}, (None, None)), ['aaab']))
cases.append((_sre.compile('(a|)*?b', 32, [14, 4, 0, 1, 4294967295, 23, 17, 0, 4294967295, 17, 0, 7, 5, 16, 97, 15, 5, 3, 15, 2, 0, 17, 1, 19, 16, 98, 1], 1, {}, (None, None)), ['aab']))
cases.append((_sre.compile('(?:a|b)*?b', 32, [14, 4, 0, 1, 4294967295, 26, 10, 0, 4294967295, 13, 5, 22, 97, 98, 0, 1, 16, 98, 1], 0, {}, (None,)), ['aab']))
cases.append((_sre.compile('\\s+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,)), ['a \t\n b']))
cases.append((_sre.compile('[\\u0400-\\u04ff]+', 32, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 1024, 1279, 0, 1, 1], 0, {}, (None,)), ['abc кириллица def']))
cases.append((_sre.compile('(?a)\\w+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,)), ['héllo']))
cases.append((_sre.compile('\\W+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 15, 0, 1, 1], 0, {}, (None,)), ['a, b; c']))
cases.append((_sre.compile('(?x) a  b # comment', 96, [14, 10, 3, 2, 2, 2, 2, 97, 98, 0, 0, 16, 97, 16, 98, 1], 0, {}, (None,)), ['ab']))
cases.append((_sre.compile('a{3}', 32, [14, 4, 0, 3, 3, 24, 6, 3, 3, 16, 97, 1, 1], 0, {}, (None,)), ['aaaa']))
cases.append((_sre.compile('a{,2}?b', 32, [14, 4, 0, 1, 3, 26, 6, 0, 2, 16, 97, 1, 16, 98, 1], 0, {}, (None,)), ['aab']))
cases.append((_sre.compile('(ab)\\1', 34, [14, 4, 0, 4, 4, 17, 0, 40, 97, 40, 98, 17, 1, 38, 0, 1], 1, {}, (None, None)), ['ABab']))
cases.append((_sre.compile('[abc]{2}|\\d{3}', 32, [14, 4, 0, 2, 3, 7, 14, 24, 10, 2, 2, 13, 5, 22, 97, 99, 0, 1, 15, 15, 13, 24, 9, 3, 3, 13, 4, 8, 10, 0, 1, 15, 2, 0, 1], 0, {}, (None,)), ['x123ca']))
cases.append((_sre.compile('(?P<first>\\w+) (?P<last>\\w+)', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 32, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 1], 2, {'first': 1, 'last': 2}, (None, 'first', 'last')), ['Jane Doe']))
cases.append((_sre.compile(b'a+', 0, [14, 4, 0, 1, 4294967295, 24, 6, 1, 4294967295, 16, 97, 1, 1], 0, {}, (None,)), [b'baab']))
cases.append((_sre.compile(b'[\x80-\xff]+', 0, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 128, 255, 0, 1, 1], 0, {}, (None,)), [b'ab\x81\xfe']))
cases.append((_sre.compile('\\d', 32, [14, 7, 4, 1, 1, 8, 10, 0, 13, 4, 8, 10, 0, 1], 0, {}, (None,)), ['١']))
cases.append((_sre.compile('(?<=\\d{3})x', 32, [14, 4, 0, 1, 1, 4, 13, 3, 24, 9, 3, 3, 13, 4, 8, 10, 0, 1, 1, 16, 120, 1], 0, {}, (None,)), ['123x']))
cases.append((_sre.compile('(a(?=b)|ac)', 32, [14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 7, 9, 4, 5, 0, 16, 98, 1, 15, 7, 5, 16, 99, 15, 2, 0, 17, 1, 1], 1, {}, (None, None)), ['ac', 'ab']))
cases.append((_sre.compile('(?:(a)|b)*', 32, [14, 4, 0, 0, 4294967295, 23, 19, 0, 4294967295, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 18, 1], 1, {}, (None, None)), ['ab']))
cases.append((_sre.compile('[\\w.-]+@[\\w.-]+\\.\\w+', 32, [14, 4, 0, 5, 4294967295, 24, 12, 1, 4294967295, 13, 7, 22, 45, 46, 8, 14, 0, 1, 16, 64, 24, 12, 1, 4294967295, 13, 7, 22, 45, 46, 8, 14, 0, 1, 16, 46, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)), ['mail me at joe.x@example.com now']))
cases.append((_sre.compile('a|b|c|d', 32, [14, 8, 4, 1, 1, 22, 97, 100, 0, 13, 5, 22, 97, 100, 0, 1], 0, {}, (None,)), ['xxd']))
cases.append((_sre.compile('(?:[a-c][0-9])+', 32, [14, 4, 0, 2, 4294967295, 23, 15, 1, 4294967295, 13, 5, 22, 97, 99, 0, 13, 5, 22, 48, 57, 0, 18, 1], 0, {}, (None,)), ['a1b2c3d4']))
cases.append((_sre.compile('[^\\W\\d]+', 32, [14, 4, 0, 1, 4294967295, 24, 12, 1, 4294967295, 13, 7, 21, 8, 15, 8, 10, 0, 1, 1], 0, {}, (None,)), ['ab12cd']))
cases.append((_sre.compile('\\Aab\\Z', 32, [14, 4, 0, 2, 2, 6, 2, 16, 97, 16, 98, 6, 7, 1], 0, {}, (None,)), ['ab', 'ab\n']))
cases.append((_sre.compile('(?:ab|cd)*x', 32, [14, 4, 0, 1, 4294967295, 23, 19, 0, 4294967295, 7, 7, 16, 97, 16, 98, 15, 9, 7, 16, 99, 16, 100, 15, 2, 0, 18, 16, 120, 1], 0, {}, (None,)), []))
cases.append((_sre.compile('(a|b)*?c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 19, 16, 99, 1], 1, {}, (None, None)), []))
cases.append((_sre.compile('(?=a)*', 32, [14, 4, 0, 0, 0, 23, 9, 0, 4294967295, 4, 5, 0, 16, 97, 1, 18, 1], 0, {}, (None,)), []))


def show(m):
    if m is None:
        return 'None'
    return f'{m!r} {m.groups()} {m.regs} {m.lastindex} {m.lastgroup} {m.groupdict()}'


for p, subjects in cases:
    print(p, p.groups, p.groupindex, p.flags)
    for s in subjects:
        print(' ', repr(s))
        print('   match', show(p.match(s)))
        print('   full ', show(p.fullmatch(s)))
        print('   search', show(p.search(s)))
        print('   findall', p.findall(s))
        print('   iter', [m.span() for m in p.finditer(s)])
        print('   split', p.split(s), p.split(s, 1))
        repl = b'<>' if isinstance(s, bytes) else '<>'
        print('   sub', p.sub(repl, s), p.subn(lambda m: m.group(0)[::-1], s), p.sub(repl, s, 1))
        print('   pos', show(p.search(s, 1)), show(p.match(s, 1, 2)), show(p.search(s, endpos=1)))

# Deep backtracking: the engine's stack is explicit, not Rust recursion.
deep = cases[-3][0]
print(deep.match('ab' * 100000 + 'x').span(), deep.match('cd' * 100000))
lazy = cases[-2][0]
print(lazy.match('ab' * 50000 + 'c').span(), lazy.match('ab' * 50000).lastindex if lazy.match('ab' * 50000) else None)
print(cases[-1][0].match('aaa'))

# Match objects.
p = cases[43][0]
m = p.match('Jane Doe')
print(m['first'], m[2], m.group(0, 'last', 1), m.start('last'), m.end(1), m.span(), m.pos, m.endpos)
print(m.string, m.re.pattern, m.re is p)
for bad in (3, 'middle', -1, 1.5):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)

# Scanners: each call resumes after the previous match.
sc = cases[21][0].scanner('axxb')
print([sc.search() for _ in range(5)])
sc = cases[0][0].scanner('aabab')
print(sc.match(), sc.match(), sc.match(), sc.pattern is cases[0][0])

# Errors.
for f in (lambda: cases[0][0].match(b'ab'), lambda: cases[44][0].search('a'),
          lambda: cases[0][0].match(12), lambda: cases[0][0].sub(lambda m: 1, 'ab'),
          lambda: cases[44][0].sub(lambda m: 'x', b'aa'), lambda: cases[0][0].match()):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.unicode_iscased(0x3a3),
      _sre.ascii_tolower(ord('Q')), _sre.unicode_tolower(0x3a3), _sre.unicode_tolower(0x130))
print(cases[0][0] == _sre.compile('a+b', 32, [14, 4, 0, 2, 4294967295, 24, 6, 1, 4294967295, 16, 97, 1, 16, 98, 1], 0, {}, (None,)))
