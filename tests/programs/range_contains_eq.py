# range membership fast paths and equality semantics
r = range(-10, 10, 3)
print([x for x in range(-12, 12) if x in r], list(r))
print(range(0, 3) == range(0, 3, 1), range(0, 0) == range(10, 5), range(0, 5, 2) == range(0, 6, 2), range(3) == [0, 1, 2], range(1, 2) == range(1, 5, 10))
print(sorted({range(3), range(0, 3), range(1)}, key=len), len({range(0), range(5, 5), range(9, 2, 1)}))
print(10**30 in range(10**31), -1 in range(10), (2**63) in range(2**64), range(2**64)[2**63])
