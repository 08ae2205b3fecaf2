# unhashable types and hashability rules
for v in [[], {}, set(), bytearray(), {}.keys(), slice(1), [1, 2]]:
    try:
        hash(v)
        print("hashable", type(v).__name__)
    except TypeError as e:
        print("TypeError:", e)
for v in [(), "", b"", 0, 0.0, 0j, frozenset(), range(0), None, len, print]:
    print(type(v).__name__, type(hash(v)).__name__)
try:
    {{}: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    set([[1]])
except TypeError as e:
    print("TypeError:", e)
try:
    {1: 2}[[1]]
except TypeError as e:
    print("TypeError:", e)
print({1, 2} - set(), {frozenset({1}): 1})
