# match cases whose bodies fall through to the end (the jump out has no
# line), complex literal patterns (folded constants), and dead cases.
def kind(v):
    match v:
        case 0:
            r = 'zero'
        case -1.5 | 0.25 + 1.75j | -0.25 - 1.75j:
            r = 'special'
        case -0j:
            r = 'complex zero'
        case [1, *rest] if rest:
            r = 'list ' + str(rest)
        case {'k': 1 | 2 as k}:
            r = 'k=%s' % (k,)
        case _:
            r = 'other'
    return r

for v in (0, -1.5, 0.25 + 1.75j, -0.25 - 1.75j, 0j, [1, 2], [1], {'k': 2}, None):
    print(kind(v))
