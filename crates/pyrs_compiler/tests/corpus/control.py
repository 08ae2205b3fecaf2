def loop(n):
    total = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        if i > 7:
            break
        total += i
    else:
        total = -1
    while n > 0:
        n -= 1
        if n == 3:
            break
    else:
        total += 100
    return total

print(loop(5), loop(20))

def cmp(a, b, c):
    return a < b < c, a is b, a is not b, a in [1, 2], a not in (b, c)

print(cmp(1, 2, 3))
x = 3
print("yes" if x > 2 else "no", x and 0, x or 0)
