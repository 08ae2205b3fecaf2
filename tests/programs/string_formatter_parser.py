# _string: formatter_parser and formatter_field_name_split (what string.Formatter uses), errors included.
import _string
def t(s, f):
    try:
        print(s, "->", repr(f()))
    except Exception as e:
        print(s, "!!", type(e).__name__, e)
cases = ["", "abc", "{}", "{0}", "a{0}b{1}c", "{name}", "{0!r}", "{0!r:>10}", "{0:>{1}}", "{{}}", "a{{b}}c",
         "{0.attr}", "{0[key]}", "{a[1].b}", "{:}", "{!s}", "x{", "x}", "{0!}", "{0!rx}", "{a{b}", "{0:{1:{2}}}",
         "}}{{", "{[}]}", "{a[:]}", "{!}", "{0!r:}", "{ }", "{0:}x", "{", "}", "{}}", "{{{}}}", "{0!r!s}", "{0:!r}",
         "{0:x!r}", "{0", "{0!r", "{0!r:", "{0:{", "text only", "{a.b.c[0][x]}", "x{0}y{z}"]
for c in cases:
    t('parser %r' % c, lambda: list(_string.formatter_parser(c)))
names = ["", "a", "0", "12", "a.b", "a[0]", "a[x]", "0.real", "a[0].b[c]", "a.", "a[", "a[]", "a[0]x", "a..b", "00", "1a", "a[01]", "[0]", ".x", "a[-1]", "٣"]
for n in names:
    t('split %r' % n, lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split(n)))
t('parser int', lambda: _string.formatter_parser(5))
t('split int', lambda: _string.formatter_field_name_split(5))
