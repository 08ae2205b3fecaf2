# Matching with every pos/endpos pair, including pos > endpos and out-of-range
# values; a CRC of each pattern's results keeps the expected output small.
import re, binascii
pats = [r'(a?)\1$', r'(?m)a$', r'\b', r'\B', r'(?<=a)b?', r'a*?$', r'(a)(?(1)b|c)$', r'$', r'\Z', r'(?=a)', r'(?i)(A)\1*', r'[^a]*', r'(?:a|b)*+$', '^', '(?m)^b']
for p in pats:
    out = []
    c = re.compile(p)
    for s in ['', 'a', 'ab', 'aab\n', 'ba\nab']:
        for pos in range(-1, 7):
            for end in range(-1, 7):
                r = c.match(s, pos, end), c.search(s, pos, end), c.fullmatch(s, pos, end)
                out.append((p, s, pos, end, [m and (m.span(), m.regs) for m in r], c.findall(s, pos, end), [m.span() for m in c.finditer(s, pos, end)], c.split(s), c.sub('-', s)))
    print(p, len(out), binascii.crc32(repr(out).encode()), out[-1])
