# Sieve of Eratosthenes written with while loops and list indexing.
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    p = 2
    while p * p <= limit:
        if flags[p]:
            m = p * p
            while m <= limit:
                flags[m] = False
                m += p
        p += 1
    count = 0
    last = 0
    i = 0
    while i <= limit:
        if flags[i]:
            count += 1
            last = i
        i += 1
    return count, last


print(sieve(5000000))
