# Matrix multiplication, transpose and identity with nested lists.
def matmul(a, b):
    rows = len(a)
    cols = len(b[0])
    inner = len(b)
    result = []
    for i in range(rows):
        row = []
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            row.append(s)
        result.append(row)
    return result


def transpose(m):
    out = []
    for j in range(len(m[0])):
        row = []
        for i in range(len(m)):
            row.append(m[i][j])
        out.append(row)
    return out


def identity(n):
    m = []
    for i in range(n):
        row = [0] * n
        row[i] = 1
        m.append(row)
    return m


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b))
print(transpose(a))
print(matmul(a, identity(3)) == a)
f = [[1, 1], [1, 0]]
p = identity(2)
for _ in range(90):
    p = matmul(p, f)
print(p)
print(matmul([[0.5, 1.5]], [[2.0], [4.0]]))
