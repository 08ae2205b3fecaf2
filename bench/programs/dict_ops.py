# Dict insertion, lookup, update and membership with int and str keys.
def int_keys(n):
    d = {}
    for i in range(n):
        d[i * 3] = i
    hits = 0
    for i in range(n * 3):
        if i in d:
            hits += d[i]
    return hits


def str_keys(n):
    counts = {}
    for i in range(n):
        key = "k" + str(i % 5000)
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
    return len(counts), counts["k42"]


print(int_keys(600000), str_keys(1200000))
