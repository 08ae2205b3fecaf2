# while loops with break, continue and else-free early exit.
i = 0
total = 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    total += i
print(i, total)

n = 1
while True:
    n *= 2
    if n > 1000:
        break
print(n)

count = 0
a = 10
while a > 0:
    b = a
    while b > 0:
        count += 1
        b -= 3
    a -= 2
print(count)

k = 0
while k < 3:
    print("k =", k)
    k = k + 1
