# Pure-Python text modules over the native _sre, _struct, binascii and
# _codecs: string, textwrap, json, base64.
import string, textwrap, json, base64

t = string.Template('$who likes ${what}; $$5 and $missing')
print(t.safe_substitute(who='tim', what='kung pao'))
try:
    t.substitute(who='tim', what='x')
except KeyError as e:
    print('KeyError', e)
print(string.capwords('  hello   wide world  '), string.Formatter().format('{0}-{x!r:>5}', 1, x='y'))
print(string.ascii_letters, string.punctuation, string.hexdigits)

text = ('The quick brown fox jumps over the lazy dog. ' * 4).strip()
print(textwrap.fill(text, width=32, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', 10))
print(textwrap.shorten('Hello  world!  This is a test.', width=20))
print(repr(textwrap.dedent('''
    def f():
        return 1
''')), repr(textwrap.indent('a\n\nb', '> ')))

data = {'name': 'pyrs', 'version': [3, 11], 'ok': True, 'none': None, 'pi': 3.14159,
        'nested': {'list': [1, 2, {'deep': 'é€😀'}], 'empty': {}}, 'esc': 'tab\there "q" \\ /'}
s = json.dumps(data, sort_keys=True)
print(s)
print(json.dumps(data, indent=2, ensure_ascii=False)[:200])
back = json.loads(s)
print(back == data, back['nested']['list'][2]['deep'])
print(json.loads('[1e3, -0.5, 1E-2, 12345678901234567890, "\\u00e9\\ud83d\\ude00", true, false, null]'))
print(json.dumps([float('inf'), 1.0, 10**20]), json.dumps('x', separators=(',', ':')))
for bad in ['{"a": }', '[1, 2', '{"a" 1}', '"unterminated', 'tru', '[1,]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps(Point(1, 2), default=lambda o: o.__dict__),
      json.loads('{"x": 1, "y": 2}', object_hook=lambda d: sorted(d.items())))

raw = bytes(range(0, 256, 7))
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b16encode, base64.b16decode),
                 (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode)]:
    e = enc(raw)
    print(enc.__name__, e[:40], dec(e) == raw)
print(base64.b64decode('aGVsbG8gd29ybGQ='), base64.standard_b64encode(b'\xff\xfe'), base64.encodebytes(b'x' * 60))
try:
    base64.b64decode('abc')
except Exception as e:
    print(type(e).__name__, e)
print(base64.b64decode('a!b@c#d=', validate=False))
