# Comparisons, including chained comparisons evaluated once per operand.
def val(name, v):
    print("get", name)
    return v


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
print(val("a", 1) < val("b", 2) < val("c", 3))
print(val("d", 5) < val("e", 2) < val("f", 9))
x = 5
print(0 <= x < 10, 0 <= x < 5, x != 5 != 6)
print([1, 2] < [1, 3], [1, 2] == [1, 2], (1, 2) < (1, 2, 0), (2,) > (1, 9))
print("a" < "b" <= "b" < "c")
print(1 == 1.0, 2 != 2.0, -1 < 0.5)
print([1, [2, 3]] == [1, [2, 3]], {"a": 1} == {"a": 1}, {"a": 1} != {"a": 2})
