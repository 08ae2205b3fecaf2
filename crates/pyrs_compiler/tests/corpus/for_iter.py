# ast_opt's fold_iter: a list iterable is built as a tuple, constant lists and
# sets become constants (in for loops and comprehensions alike).
def f(a, b):
    for x in [a, b]:
        print(x)
    for x in [1, 2]:
        print(x)
    for x in {1, 2}:
        print(x)
    for x in [*a, b]:
        print(x)
    print([y for y in [a, b]], [y for y in {3}])
    print([(x, y) for x in a for y in [x]], [(x, y) for x in a for y in [7]])

f([1, 2], 3)

# The same folding applies to the last comparator after `in` / `not in`.
def g(x, a, b):
    print(x in [a, b], x not in [1, 2], x in {a, b}, x not in {1, 2})
    print(a in [x] in [[x], b], [x] in [[a]] == [x])
    if x not in [a, b]:
        print('neither')

g(1, 2, 3)
g(2, 2, 3)

# `not (a in b)` is the compare `a not in b`; as a condition, its jump takes
# the compare's location.
def h(d, signals):
    for key in d:
        if not key in signals:
            print('missing', key)
        if not (key is None) and not key in (1, 2):
            print('odd', key)

h([1, 5], [1])
