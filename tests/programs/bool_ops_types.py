# bool results of builtin operations and truthiness of builtin types
things = [0, 1, -1, 0.0, 0.5, 0j, 1j, "", "a", b"", b"a", (), (0,), [], [0], {}, {0: 0}, set(), {0}, frozenset(), range(0), range(1), bytearray(), None, memoryview(b""), {}.keys(), {1: 2}.values()]
print([bool(t) for t in things])
print([not t for t in things][:8], True & False, True | False, True ^ True, ~True, -True, True << 2, type(True & True).__name__, type(True + 0).__name__)
print(bool.__name__, isinstance(bool(0), int), True == 1, False == 0.0, True is bool(1), str(True), repr(False), int(True), float(False))
