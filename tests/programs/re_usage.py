# The re module as programs use it: tokenizing, parsing log lines, sub with
# templates and callables, split, named groups, flags, lookarounds, errors.
import re

TOKEN = re.compile(r'''
    (?P<NUMBER>\d+(?:\.\d*)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/()=])
  | (?P<WS>\s+)
  | (?P<ERR>.)
''', re.VERBOSE)
src = 'x = 3.5 * (y + 42) - foo_bar / 7 $'
print([(m.lastgroup, m.group()) for m in TOKEN.finditer(src) if m.lastgroup != 'WS'])

LOG = re.compile(r'^(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - - \[(?P<when>[^\]]+)\] "(?P<method>GET|POST) (?P<path>\S+) HTTP/1\.[01]" (?P<status>\d{3}) (?P<size>\d+|-)$', re.M)
logs = '''127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326
10.0.0.2 - - [10/Oct/2000:13:56:01 -0700] "POST /form HTTP/1.1" 404 -
garbage line
192.168.1.1 - - [11/Oct/2000:01:02:03 +0000] "GET /a/b?c=d HTTP/1.1" 500 17'''
for m in LOG.finditer(logs):
    print(m.group('ip', 'status', 'path'), m.span(), m['method'], m.groupdict()['size'])

print(re.sub(r'(\d+)-(\d+)', r'\2-\1', 'ranges 1-5 and 10-20'))
print(re.sub(r'(?P<word>\b\w)', lambda m: m.group('word').upper(), 'the quick brown fox'))
print(re.sub(r'\s+', ' ', '  lots   of\t\nspace  ').strip(), re.subn('a', 'b', 'banana', count=2))
print(re.sub(r'(a)|b', r'[\1]', 'abc'), re.sub('x*', '-', 'abxd'), re.sub(r'\\', '/', r'a\b\c'))
print(re.sub(r'(?P<n>\d)', r'<\g<n>\g<0>\g<1>>', 'a1b2'), re.sub(b'[aeiou]', b'.', b'education'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=1), re.split('[a-f]+', '0a3B9', flags=re.I))
print(re.split(r'\b', 'a b'), re.split('x*', 'axbc'), re.split(r'(?<=,)', 'a,b,c'))
print(re.findall(r'(\w+)=(\d+)', 'a=1, b=22, c=x'), re.findall(r'\bf[a-z]*', 'which foot or hand fell fastest'))
print(re.fullmatch(r'\d{3}-\d{4}', '555-1234'), re.fullmatch(r'\d{3}', '1234'), re.search(r'^\s*$', ''))
print(re.match(r'(?i)HELLO', 'hello world').group(), re.search(r'(?s)a.b', 'a\nb').span(), re.search('a.b', 'a\nb'))
print(re.findall(r'^\w', 'ab\ncd', re.M), re.findall(r'\w$', 'ab\ncd\n'), re.findall(r'(?m)\w$', 'ab\ncd\n'))
print(re.search(r'(?<=\$)\d+(?:\.\d\d)?', 'cost: $42.50!').group(), re.findall(r'\d+(?!px)\b', '10px 20em 30'))
print(re.search(r'(\w)\1', 'hello').group(), re.search(r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" now').group())
print(re.match(r'(a)?(?(1)b|c)', 'c').group(), re.match(r'(?:(\d+)|(\w+))', 'abc').groups(), re.match('(a)(b)?', 'a').groups('-'))
print(re.escape('1.5*[x]+?'), re.escape(b'a-b'), re.purge())
p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)', re.ASCII)
print(p, p.pattern, p.flags, p.groups, p.groupindex, p.search('on 2024-03-15').expand(r'\g<month>/\g<year>'))
print(p.match('2024-03', 1), p.match('x2024-03', 1), p.search('2024-03', 0, 6), p.findall('2020-01 and 2021-12'))
print(re.compile('(?u)é+', re.I).findall('ÉéE'), re.findall(r'\w+', 'naïve café 42'), re.findall(r'(?a)\w+', 'naïve café'))
print(re.findall(r'[^\x00-\x7f]', 'aé€😀'), re.search('😀+', 'x😀😀y').span(), len(re.findall('.', 'ab😀')))
print(re.match(r'(?x) a  b  # comment', 'ab').group(), re.match('a{2,}?', 'aaaa').group(), re.match('a{,2}', 'aaa').group())
print(re.search(r'(?>a+)b', 'aaab').group(), re.search(r'a++b', 'aaab').group(), re.search(r'a*+a', 'aaa'))
s = re.compile(r'\d').scanner('a1b2')
print(s.search().group(), s.search().group(), s.search())
m = re.search(r'(?P<a>x)(y)?', 'zxz')
print(m.start(), m.end(), m.span('a'), m.start(2), m.lastindex, m.lastgroup, m.re is re.compile(r'(?P<a>x)(y)?'), m.string, m.pos, m.endpos)
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.I | re.M, re.RegexFlag(10))
for bad in ['(', 'a)', '[a-', '(?P<1>a)', 'a{3,2}', '*a', r'\1', '(?<=a+)b', '(?P=x)']:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), '->', e, e.pos)
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print(e)
try:
    re.compile('a').match(b'a')
except TypeError as e:
    print(e)
long = 'ab' * 20000
print(len(re.match(r'(?:ab)*', long).group()), re.match(r'(a|b)*c', long), len(re.findall(r'(?:a|b)b', long)))
print(re.search(r'(x+x+)+y', 'x' * 18), re.sub(r'(?m)^', '> ', 'one\ntwo'))
for pat in [r'(a)b*?a', r'(a)b*?\1', r'(a)bb\1', r'(a)b*\1', r'(a)(?:b)*?\1', r'(a)b?\1', r'(?i)(A)b\1']:
    print(pat, re.match(pat, 'abba'), re.match(pat, 'aba'), re.match(pat, 'aBa'))
import copy
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes], copy.copy(m) is m, copy.deepcopy(p) is p)
print({re.compile('k'): 1}[re.compile('k')], type(re.compile('a').scanner('a')).__name__)
