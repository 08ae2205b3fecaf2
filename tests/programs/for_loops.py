# for over range, list, str, tuple and dict; break and continue.
for i in range(3):
    print("range", i)
for x in [10, 20, 30]:
    print("list", x)
for ch in "abc":
    print("str", ch)
for t in (1.5, "t", None):
    print("tuple", t)
d = {"z": 26, "a": 1, "m": 13}
for key in d:
    print("dict", key, d[key])
for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print("loop", i)
for row in [[1, 2], [3, 4]]:
    for col in row:
        print(col, end=" ")
print()
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in []:
    print("never")
print("done")
