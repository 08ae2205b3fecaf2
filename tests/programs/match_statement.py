def describe(x):
    match x:
        case 0 | 1:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case [a, b, *rest]:
            return f"seq {a} {b} rest={rest}"
        case {"k": v, **others}:
            return f"map k={v} others={others}"
        case str() as s:
            return "str " + s
        case (1, 2):
            return "never"
        case _:
            return "other"
for v in [0, 1, -5, [1, 2, 3, 4], (9, 8), {"k": 1, "z": 2}, "hi", 3.5, {"a": 1}]:
    print(describe(v))
