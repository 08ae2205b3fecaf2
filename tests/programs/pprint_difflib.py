# pprint and difflib: pformat of nested data, unified_diff, SequenceMatcher, get_close_matches
import pprint, difflib
data = {"name": "x" * 30, "items": list(range(30)), "nested": {"a": [1, 2, {"b": (3, 4)}], "c": "y" * 40}}
print(pprint.pformat(data, width=60))
pprint.pprint([[1, 2], (3, 4), {5, 6}])
a = ["one", "two", "three", "four"]
b = ["one", "2", "three", "four", "five"]
print("".join(difflib.unified_diff([l + "\n" for l in a], [l + "\n" for l in b], "a", "b")))
sm = difflib.SequenceMatcher(None, "abcdef", "abXdeY")
print(round(sm.ratio(), 4), sm.get_matching_blocks(), sm.get_opcodes())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(list(difflib.ndiff(["a\n", "b\n"], ["a\n", "c\n"])))
