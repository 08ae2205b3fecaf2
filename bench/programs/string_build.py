# String building: concatenation, repetition, slicing and comparison.
def build(n):
    s = ""
    for i in range(n):
        s = s + str(i % 10)
        if len(s) > 200:
            s = s[100:]
    return s


def count_matches(n):
    words = ["alpha", "beta", "gamma", "delta"]
    hits = 0
    for i in range(n):
        w = words[i % 4] + "-" + str(i)
        if "a-1" in w:
            hits += 1
        if w < "beta":
            hits += 2
    return hits


def banner(n):
    total = 0
    for i in range(n):
        line = "=" * (i % 40) + "[" + "x" * (i % 7) + "]"
        total += len(line)
    return total


print(build(1400000)[-20:], count_matches(900000), banner(900000))
