# Building strings piece by piece in loops.
def join_with(items, sep):
    out = ""
    first = True
    for item in items:
        if not first:
            out = out + sep
        out = out + str(item)
        first = False
    return out


print(join_with([1, 2, 3, 4], ", "))
print(join_with(["a"], "-"))
print(repr(join_with([], "-")))

line = ""
for i in range(10):
    line += str(i * i) + " "
print(line)

def reverse(s):
    r = ""
    for ch in s:
        r = ch + r
    return r


print(reverse("stressed"))

def triangle(n):
    rows = ""
    i = 1
    while i <= n:
        rows = rows + " " * (n - i) + "*" * (2 * i - 1) + "\n"
        i = i + 1
    return rows


print(triangle(4), end="")
print(len(triangle(30)))
