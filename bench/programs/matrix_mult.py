# Dense matrix multiplication with nested lists of floats.
def make(n, seed):
    m = []
    for i in range(n):
        row = []
        for j in range(n):
            row.append(((i * n + j + seed) % 17) / 8.0 - 1.0)
        m.append(row)
    return m


def matmul(a, b):
    n = len(a)
    out = []
    for i in range(n):
        ai = a[i]
        row = []
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += ai[k] * b[k][j]
            row.append(s)
        out.append(row)
    return out


c = matmul(make(200, 1), make(200, 2))
total = 0.0
for row in c:
    for v in row:
        total += v
print(total, c[3][7])
