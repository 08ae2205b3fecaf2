# Timsort fidelity: results, stability, and the partly sorted state a failed comparison leaves (which depends on the exact comparison sequence: runs, galloping, powersort merges)
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed
out = []
for trial in range(60):
    n = [5, 63, 64, 65, 100, 200, 257, 1000, 3000][trial % 9]
    kind = trial % 4
    if kind == 0:
        xs = [rnd() % 1000 for _ in range(n)]
    elif kind == 1:
        xs = list(range(n))
        for _ in range(n // 10):
            i, j = rnd() % n, rnd() % n
            xs[i], xs[j] = xs[j], xs[i]
    elif kind == 2:
        xs = [rnd() % 5 for _ in range(n)]
    else:
        xs = list(range(n, 0, -1)) + [rnd() % n for _ in range(n // 3)]
    ys = sorted(xs)
    ok = ys == sorted(xs, key=lambda v: v) and all([ys[i] <= ys[i+1] for i in range(len(ys)-1)])
    zs = list(xs)
    zs.insert(rnd() % (len(zs) + 1), None)
    try:
        zs.sort()
    except TypeError:
        pass
    pairs = [(v % 7, i) for i, v in enumerate(xs)]
    st = sorted(pairs, key=lambda p: p[0])
    out.append((trial, n, ok, hash(tuple(zs)) if False else sum([i * (v if v is not None else -1) for i, v in enumerate(zs)]) % 1000003, st[:3], st[-2:]))
for o in out:
    print(o)
