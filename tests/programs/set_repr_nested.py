# reprs of sets inside other containers
print([{1, 2}], ({3},), {"k": {4, 5}}, {frozenset({1}), frozenset()}, [set(), frozenset()])
print(repr({"a"}), str({1.5, -2}), repr(frozenset({(1, 2)})), {None, True}, {"x": set("ab")}.__len__())
