# map and filter are lazy: side effects happen on demand
log = []
def noisy(x):
    log.append(x)
    return x * 10
m = map(noisy, [1, 2, 3])
print(log)
print(next(m), log)
print(list(m), log)
f = filter(lambda v: log.append(("f", v)) or v % 2, range(5))
print(log[-1:], next(f), log[-2:])
print(list(f))
z = zip(map(noisy, [7, 8]), "ab")
print(next(z), log[-1])
