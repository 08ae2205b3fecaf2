# repr and str of nested containers mixing every supported type.
values = [
    [],
    [1, [2, [3, []]]],
    (1,),
    ((), ((),)),
    {"a": [1, (2, 3)], "b": {"c": None}},
    [1.0, 2.5, -0.0, 1e100],
    ["quote's", 'dq"', "both'\"", "back\\slash"],
    {1: True, 2: False},
]
for v in values:
    print(repr(v))
    print(str(v))
print(str("plain"), repr("plain"))
print(len([[], [], []]), len({"x": 1, "y": 2}), len(((1, 2), (3,))))
