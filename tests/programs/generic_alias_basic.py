# builtin generics: list[int] and friends (types.GenericAlias)
print(list[int], dict[str, int], tuple[int, ...], set[frozenset[str]], type[int], list[list[int]], tuple[()])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, dict[str, float].__args__)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]), type(list[int]).__name__)
def f(x: list[int], y: dict[str, tuple[int, str]] = None) -> set[str]:
    return set(map(str, x))
print(sorted(f([3, 1])), f.__annotations__ if False else "annotated")
for f in (lambda: isinstance([], list[int]), lambda: issubclass(list, (int, dict[str, int]))):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
